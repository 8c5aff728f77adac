"""Seed: UBND xã Y Tịch (huyện Chi Lăng, tỉnh Lạng Sơn), Kế hoạch tháng 6/2022 (shared/seeds/004_b2e56a1b177cb02b.txt).

Thực hiện Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị” giai
đoạn 2021-2030 on the commune: targets for 2025 and 2030 (section I.2), tasks and solutions (II), tasks per
body (IV) and the yearly report before 15/11 (IV.8). The text leaves its number and day blank ("Số: /KH-UBND",
"ngày tháng 6 năm 2022"), so the plan has neither. It implements KH 183/KH-UBND of 9/6/2022 of UBND huyện Chi
Lăng, which we only know by citation: it is kept as a reference plan under QĐ 387/QĐ-TTg, the national
programme of the same name (the Lạng Sơn plan between them is not cited).
"""

from __future__ import annotations

import datetime

from plans.models import DueKind, Frequency, Plan, PlanStatus, TargetKind
from units.models import AgencyKind, Level

from ._common import agency, document, legacy_unit, national_unit, plan, reporting_rule, target, task

UNIT_CODE = "06520"  # Xã Y Tịch
DISTRICT_CODE = "187"  # Huyện Chi Lăng
DISTRICT_NUMBER = "183/KH-UBND"
PROGRAMME = "Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị"
TITLE = f"Thực hiện Chương trình “{PROGRAMME} trên địa bàn xã Y Tịch giai đoạn 2021 - 2030”"
DISTRICT_TITLE = f"Thực hiện Chương trình “{PROGRAMME} trên địa bàn huyện Chi Lăng giai đoạn 2021-2030”"

AT_LEAST = TargetKind.AT_LEAST

#: key -> (name, kind, short name). All on the commune unit.
AGENCIES: dict[str, tuple[str, str, str]] = {
    "hkh": ("Hội Khuyến học xã", AgencyKind.LEARNING_ASSOCIATION, ""),
    "truong": ("Các đơn vị trường học", AgencyKind.SCHOOL, ""),
    "vhxh": ("Công chức Văn hóa - Xã hội", AgencyKind.DEPARTMENT, ""),
    "ketoan": ("Công chức Kế toán tài chính", AgencyKind.DEPARTMENT, ""),
    "chuyenmon": ("Công chức chuyên môn", AgencyKind.DEPARTMENT, ""),
    "thon": ("Các thôn trên địa bàn xã", AgencyKind.OTHER, "Các thôn"),
    "mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", AgencyKind.MASS_ORGANISATION, "UBMTTQ xã"),
    "doanthe": ("Các tổ chức đoàn thể xã", AgencyKind.MASS_ORGANISATION, "Các đoàn thể"),
}

_LA_CADRES = (
    "% cán bộ làm công tác khuyến học cấp xã tham gia tổ chức các hoạt động của trung tâm học tập cộng đồng và "
    "được bồi dưỡng, tập huấn về ứng dụng công nghệ thông tin để khai thác, biên soạn tài liệu, lưu trữ thông tin"
)

#: (indicator, year, value, kind, note) — section I.2 of the plan.
TARGETS: list[tuple[str, int, int, str, str]] = [
    # a) Mục tiêu đến năm 2025
    (
        "LA_MEMBERS_BRIEFED",
        2025,
        100,
        AT_LEAST,
        "100% cán bộ và hội viên của chi Hội Khuyến học các thôn trong xã được học tập quán triệt các chủ trương "
        "của Đảng, các chương trình, kế hoạch và chỉ đạo về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã "
        "hội học tập và các mô hình học tập suốt đời giai đoạn 2021 - 2025",
    ),
    ("LEARNING_FAMILY", 2025, 70, AT_LEAST, "70% gia đình được công nhận đạt danh hiệu “Gia đình học tập”"),
    ("LEARNING_CLAN", 2025, 65, AT_LEAST, "65% dòng họ được công nhận đạt danh hiệu “Dòng họ học tập”"),
    ("LEARNING_COMMUNITY", 2025, 65, AT_LEAST, "65% cộng đồng được công nhận đạt danh hiệu “Cộng đồng học tập”"),
    (
        "LEARNING_UNIT",
        2025,
        80,
        AT_LEAST,
        "80% các tổ chức, cơ quan, trường học trên địa bàn cấp xã được công nhận đạt danh hiệu “Đơn vị học tập”",
    ),
    (
        "LEARNING_CITIZEN_WORKERS",
        2025,
        40,
        AT_LEAST,
        "40% người lao động trong “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập” trên địa bàn xã đạt "
        "danh hiệu “Công dân học tập”",
    ),
    (
        "LEARNING_CITIZEN_STAFF",
        2025,
        60,
        AT_LEAST,
        "60% cán bộ, công chức, nhân viên trong “Đơn vị học tập” trên địa bàn xã đạt danh hiệu “Công dân học tập”",
    ),
    (
        "LA_CADRE_CLC_IT",
        2025,
        40,
        AT_LEAST,
        "Chủ tịch Hội khuyến học tham gia quản lý trung tâm học tập cộng đồng. 40" + _LA_CADRES,
    ),
    # b) Mục tiêu đến năm 2030
    (
        "LA_MEMBERS_BRIEFED",
        2030,
        100,
        AT_LEAST,
        "100% cán bộ, hội viên Hội khuyến học trong xã được học tập, quán triệt các chủ trương, chính sách của Đảng "
        "và Nhà nước về công tác khuyến học, khuyến tài, xây dựng xã hội học tập, nhất là những vấn đề về xã hội "
        "học tập bền vững và những xu thế phát triển các mô hình học tập giai đoạn 2026 - 2030",
    ),
    ("LEARNING_FAMILY", 2030, 80, AT_LEAST, "80% gia đình được công nhận đạt danh hiệu “Gia đình học tập”"),
    ("LEARNING_CLAN", 2030, 75, AT_LEAST, "75% dòng họ được công nhận đạt “Dòng họ học tập”"),
    ("LEARNING_COMMUNITY", 2030, 75, AT_LEAST, "75% cộng đồng được công nhận “Cộng đồng học tập”"),
    (
        "LEARNING_UNIT",
        2030,
        100,
        AT_LEAST,
        "100% các đơn vị trường học, trạm y tế, UBND xã được công nhận “Đơn vị học tập”",
    ),
    (
        "LEARNING_CITIZEN_WORKERS",
        2030,
        60,
        AT_LEAST,
        "60% người lao động trong “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập” trên địa bàn xã đạt "
        "danh hiệu “Công dân học tập”",
    ),
    (
        "LEARNING_CITIZEN_STAFF",
        2030,
        80,
        AT_LEAST,
        "80% cán bộ, công chức, viên chức trong “Đơn vị học tập” trên địa bàn xã đạt danh hiệu “Công dân học tập”",
    ),
    ("LA_CADRE_CLC_IT", 2030, 70, AT_LEAST, "70" + _LA_CADRES),
]

_G = {"due_kind": DueKind.GUIDANCE}
_R = {"due_kind": DueKind.RECURRING}
_MODELS = "“Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập”, “Đơn vị học tập”"

#: Sections II (tasks and solutions) and IV (per body). ``lead``/``partners`` are AGENCIES keys.
TASKS: list[dict] = [
    # II. Nhiệm vụ, giải pháp
    {
        "section": "II.1",
        "title": (
            "Xây dựng Kế hoạch thực hiện Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, "
            "cộng đồng, đơn vị giai đoạn 2021 - 2030” trên địa bàn xã và các thôn"
        ),
        **_G,
    },
    {
        "section": "II.2",
        "title": (
            "Tổ chức tập huấn sâu rộng đến cơ sở về nội dung, phương pháp triển khai Bộ tiêu chí đánh giá, công nhận "
            "các mô hình học tập"
        ),
        "description": "Ban hành theo Kế hoạch số 123/KH-KHVN ngày 14/4/2022 của Hội Khuyến học Việt Nam.",
        **_G,
    },
    {
        "section": "II.3",
        "title": (
            "Đổi mới nội dung, phương thức tuyên truyền, phổ biến về khuyến học, khuyến tài, học tập suốt đời, xây "
            "dựng và phát triển các mô hình gia đình học tập, dòng họ học tập, cộng đồng học tập, đơn vị học tập "
            "trong cộng đồng"
        ),
        "description": (
            "a) Tuyên truyền rộng rãi trên các phương tiện truyền thông, bản tin phát thanh của xã;\n"
            "b) Phát động phong trào thi đua, tổ chức cuộc vận động xây dựng, nhân rộng các mô hình học tập để thúc "
            "đẩy học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị, gắn kết với Phong trào “Toàn dân đoàn "
            "kết xây dựng đời sống văn hóa”, Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn "
            "minh” và các phong trào thi đua khác trên địa bàn;\n"
            "c) Tổ chức tuyên truyền thông qua sự phối hợp của Hội Khuyến học với các ngành, đoàn thể và các lực "
            "lượng xã hội."
        ),
        **_G,
    },
    {
        "section": "II.4",
        "title": (
            "Tăng cường ứng dụng công nghệ thông tin, công nghệ số trong tổ chức các hoạt động khuyến học, khuyến "
            "tài, xây dựng các mô hình học tập"
        ),
        "description": (
            "Nhằm nâng cao hiệu quả hoạt động của các cơ sở tổ chức Hội, đáp ứng nhu cầu học tập suốt đời của người "
            "lớn.\n"
            "a) Thực hiện ứng dụng công nghệ thông tin trong triển khai Bộ tiêu chí đánh giá, công nhận các mô hình "
            "học tập, quy trình kiểm tra, thu thập minh chứng, cho điểm, đánh giá, hồ sơ công nhận, tổng hợp, báo "
            "cáo;\n"
            "b) Xây dựng trang thông tin điện tử của Hội khuyến học, duy trì hoạt động, giúp tuyên truyền, phổ biến, "
            "tập huấn nâng cao hiểu biết cho cán bộ hội, hội viên khuyến học và người dân về các nhiệm vụ khuyến "
            "học, khuyến tài, xây dựng các mô hình học tập."
        ),
        **_G,
    },
    {
        "section": "II.5",
        "title": (
            "Tăng cường công tác phối hợp của Hội Khuyến học với các đơn vị trường học, công chức chuyên môn, đoàn "
            "thể, tổ chức xã hội trong hoạt động khuyến học, khuyến tài, tổ chức triển khai thực hiện Chương trình"
        ),
        **_G,
    },
    {
        "section": "II.6",
        "title": (
            "Thực hiện tốt công tác kiểm tra đánh giá, tổng hợp, báo cáo tình hình thực hiện Chương trình, công tác "
            "thi đua, khen thưởng"
        ),
        **_G,
    },
    {
        "section": "II.7",
        "title": (
            "Tổ chức quán triệt các chủ trương của Đảng, các đề án, chương trình của Thủ tướng Chính phủ, kế hoạch "
            "và chỉ đạo của cấp trên về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập và nhân "
            "rộng các mô hình học tập giai đoạn 2021 - 2030"
        ),
        "description": (
            "Kế hoạch và chỉ đạo của Tỉnh ủy, UBND tỉnh Lạng Sơn, Huyện ủy, UBND huyện, Đảng ủy, UBND xã (mục II.7.a)."
        ),
        **_G,
    },
    {
        "section": "II.7",
        "title": f"Hàng năm, tổ chức đánh giá, xếp loại và công nhận các Danh hiệu {_MODELS} theo tiêu chí",
        "due_text": "Hàng năm",
        **_R,
    },
    {
        "section": "II.7",
        "title": (
            "Tổ chức Hội nghị sơ kết 5 năm thực hiện Chương trình và biểu dương các mô hình học tập tiêu biểu giai "
            "đoạn 2021 - 2026"
        ),
        "due_text": "Sau 5 năm thực hiện (văn bản ghi “giai đoạn 2021 - 2026”)",
        **_G,
    },
    {
        "section": "II.7",
        "title": "Tổ chức Hội nghị tổng kết 10 năm thực hiện Chương trình",
        "due_kind": DueKind.YEAR,
        "due_year": 2030,
        "due_text": "Sau 10 năm thực hiện (năm 2030)",
    },
    # IV. Tổ chức thực hiện
    # 1. Hội Khuyến học xã
    {
        "section": "IV.1",
        "title": "Chủ trì, phối hợp với nhà trường giúp việc UBND xã triển khai thực hiện Kế hoạch",
        "lead": "hkh",
        "partners": ("truong",),
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            "Xây dựng kế hoạch chi tiết, triển khai thực hiện Chương trình theo lộ trình và mục tiêu cụ thể cho từng "
            "năm, giai đoạn"
        ),
        "description": (
            "Phối hợp với các công chức chuyên môn, đoàn thể xã, tổ chức chính trị, xã hội, các thôn triển khai tổ "
            "chức thực hiện."
        ),
        "lead": "hkh",
        "partners": ("chuyenmon", "doanthe", "thon"),
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            f"Hàng năm, cử cán bộ dự tập huấn triển khai kế hoạch, quy trình kiểm tra, đánh giá, thu thập minh chứng, "
            f"cho điểm, hồ sơ đánh giá, công nhận các Danh hiệu {_MODELS}"
        ),
        "description": "Tổ chức các Hội thảo về mô hình học tập, học tập suốt đời.",
        "lead": "hkh",
        "due_text": "Hàng năm",
        **_R,
    },
    {
        "section": "IV.1",
        "title": "Kiểm tra tình hình triển khai, kết quả thực hiện Kế hoạch của các xã",
        "description": (
            "Hướng dẫn công tác thi đua khen thưởng khuyến học, khuyến tài, xây dựng xã hội học tập. Đề xuất UBND xã, "
            "UBND huyện, Hội Khuyến học huyện khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong triển "
            "khai phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021 - 2030. Hàng "
            "năm tổng hợp kết quả thực hiện mục tiêu, nhiệm vụ của Kế hoạch, báo cáo UBND xã, Hội Khuyến học huyện "
            "theo quy định."
        ),
        "lead": "hkh",
        **_G,
    },
    # 2. Các đơn vị trường học
    {
        "section": "IV.2",
        "title": "Phối hợp với Hội Khuyến học xã trong triển khai thực hiện các mục tiêu, nhiệm vụ của Kế hoạch",
        "lead": "truong",
        "partners": ("hkh",),
        **_G,
    },
    {
        "section": "IV.2",
        "title": (
            f"Phối hợp với Hội Khuyến học xã đánh giá tác động và hiệu quả hoạt động của các trung tâm học tập cộng "
            f"đồng trong việc xây dựng và nhân rộng các mô hình {_MODELS}"
        ),
        "lead": "truong",
        "partners": ("hkh",),
        **_G,
    },
    {
        "section": "IV.2",
        "title": (
            "Phối hợp với chi Hội Khuyến học các thôn tổ chức triển khai thực hiện Kế hoạch, giám sát, đánh giá, "
            "công nhận các mô hình học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị trên địa bàn cấp xã"
        ),
        "lead": "truong",
        "partners": ("thon",),
        **_G,
    },
    # 3. Công chức Văn hóa - Xã hội
    {
        "section": "IV.3",
        "title": (
            "Tổ chức tuyên truyền về xã hội học tập, học tập suốt đời, về giáo dục người lớn và mục tiêu Chương trình "
            "xây dựng, nhân rộng các mô hình học tập giai đoạn 2021 - 2030"
        ),
        "lead": "vhxh",
        **_G,
    },
    {
        "section": "IV.3",
        "title": (
            f"Phối hợp với Hội Khuyến học xã trong việc đánh giá mô hình {_MODELS}, gắn kết với việc xây dựng các "
            "danh hiệu “Gia đình văn hóa”, “Thôn văn hóa”, “Làng văn hóa”"
        ),
        "lead": "vhxh",
        "partners": ("hkh",),
        **_G,
    },
    # 4. Công chức Kế toán tài chính
    {
        "section": "IV.4",
        "title": "Tham mưu UBND xã bố trí kinh phí ngân sách hàng năm để thực hiện mục tiêu của Kế hoạch",
        "lead": "ketoan",
        "due_text": "Hàng năm",
        **_R,
    },
    # 5. Công chức chuyên môn
    {
        "section": "IV.5",
        "title": (
            "Chủ động phối hợp với Hội Khuyến học xã triển khai thực hiện Kế hoạch; tuyên truyền, phổ biến nâng cao "
            "nhận thức cho cán bộ, công chức về ý nghĩa, tầm quan trọng của công tác xây dựng xã hội học tập"
        ),
        "description": (
            "Căn cứ chức năng, nhiệm vụ được giao và tình hình thực tế (văn bản ghi “Hội huyện học xã”); tạo điều "
            "kiện thuận lợi để đội ngũ cán bộ, công chức, viên chức và người lao động trong đơn vị được học tập "
            "thường xuyên, học tập suốt đời."
        ),
        "lead": "chuyenmon",
        "partners": ("hkh",),
        **_G,
    },
    {
        "section": "IV.5",
        "title": "Chỉ đạo xây dựng cơ quan đạt tiêu chí đánh giá “Đơn vị học tập”",
        "description": (
            "Theo quy định tại công văn số 1333/UBND-KGVX ngày 21/10/2020 của UBND tỉnh về việc hướng dẫn đánh giá, "
            "xếp loại đơn vị học tập. Chỉ đạo cán bộ, công chức, viên chức trong đơn vị đáp ứng đầy đủ các năng lực "
            "và phẩm chất của “Công dân học tập”, tích cực tham gia xây dựng các mô hình “Gia đình học tập”, “Dòng họ "
            "học tập”, “Cộng đồng học tập” tại nơi cư trú."
        ),
        "lead": "chuyenmon",
        **_G,
    },
    # 6. Các thôn trên địa bàn xã
    {
        "section": "IV.6",
        "title": (
            "Triển khai thực hiện Chương trình; bố trí ngân sách để thực hiện mục tiêu, nhiệm vụ của Kế hoạch; chỉ "
            "đạo chi Hội Khuyến học thôn phối hợp với tổ chức, đoàn thể, các trường học trên địa bàn triển khai thực "
            "hiện"
        ),
        "lead": "thon",
        **_G,
    },
    {
        "section": "IV.6",
        "title": "Chỉ đạo chi Hội Khuyến học thôn thực hiện quy trình đánh giá, công nhận các mô hình học tập",
        "description": (
            "Hàng năm, sơ kết, tổng kết việc triển khai, nhân rộng các mô hình học tập và ra quyết định công nhận các "
            "gia đình, dòng họ, cộng đồng, đơn vị đạt danh hiệu “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học "
            "tập”."
        ),
        "lead": "thon",
        "due_text": "Hàng năm",
        **_R,
    },
    # 7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã, các tổ chức đoàn thể
    {
        "section": "IV.7",
        "title": (
            "Phát động các cuộc vận động, phong trào thi đua về công tác khuyến học, khuyến tài; lồng ghép các tiêu "
            "chí xây dựng các mô hình học tập vào tiêu chí công nhận “Nông thôn mới”, “Đô thị văn minh”"
        ),
        "description": "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên (đề nghị).",
        "lead": "mttq",
        **_G,
    },
    {
        "section": "IV.7",
        "title": (
            "Phối hợp với Hội khuyến học xã đẩy mạnh công tác tuyên truyền về ý nghĩa, tầm quan trọng của công tác "
            "xây dựng xã hội học tập, việc triển khai xây dựng, nhân rộng các mô hình học tập giai đoạn 2021 - 2030"
        ),
        "lead": "doanthe",
        "partners": ("hkh",),
        **_G,
    },
    # 8. Công tác thông tin báo cáo
    {
        "section": "IV.8",
        "title": (
            "Tổng hợp kết quả triển khai thực hiện Chương trình của các chuyên môn, đoàn thể, các thôn báo cáo UBND "
            "xã, Hội Khuyến học huyện"
        ),
        "lead": "hkh",
        "partners": ("chuyenmon", "doanthe", "thon"),
        "due_text": "Định kỳ trước ngày 15/11 hàng năm",
        **_R,
    },
]

GENERAL_OBJECTIVE = (
    "Tiếp tục đẩy mạnh và nâng cao chất lượng phong trào thi đua, học tập thường xuyên, liên tục, học tập suốt đời "
    "trong các tầng lớp Nhân dân trên địa bàn xã thông qua việc triển khai hiệu quả, nhân rộng các mô hình “Gia đình "
    "học tập”, “Dòng họ học tập”, “Cộng đồng học tập”, “Đơn vị học tập” đáp ứng yêu cầu xây dựng xã hội học tập; "
    "ứng dụng mạnh mẽ công nghệ thông tin phù hợp với Chương trình chuyển đổi số quốc gia giai đoạn 2021-2030."
)

FUNDING = (
    "1. Ngân sách Nhà nước theo phân cấp của Luật Ngân sách Nhà nước và Luật Đầu tư công được cấp cho Hội theo quy "
    "định, nguồn xã hội hóa và các nguồn tài chính hợp pháp khác.\n"
    "2. Thực hiện Thông tư số 17/2022/TT-BTC ngày 08/3/2022 của Bộ trưởng Bộ Tài chính; hàng năm Hội khuyến học các "
    "cấp lập dự toán kinh phí và tổng hợp chung vào dự toán chi ngân sách Nhà nước cho hoạt động của Hội, gửi cơ quan "
    "tài chính cùng cấp để bố trí kinh phí thực hiện theo quy định.\n"
    "3. Cân đối ngân sách, bố trí kinh phí hàng năm thực hiện các công việc liên quan đến triển khai các mô hình "
    "“Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập”, “Đơn vị học tập” theo các mục tiêu, nhiệm vụ của "
    "Kế hoạch."
)

REPORT_TITLE = "Báo cáo kết quả triển khai thực hiện Chương trình"
REPORT_RECIPIENT = "UBND xã, Hội Khuyến học huyện"
#: The plan is dated June 2022: the first report it can ask for is the one of 15/11/2022.
FIRST_REPORT_YEAR = 2022


def _programme() -> Plan:
    """QĐ 387/QĐ-TTg as written by the national module; kept as a reference plan if that module lacks it."""
    from . import national

    national.load()
    found = Plan.objects.filter(unit=national_unit(), number="387/QĐ-TTg").first()
    if found is not None:
        return found
    return plan(
        unit=national_unit(),
        number="387/QĐ-TTg",
        title=f"Phê duyệt Chương trình “{PROGRAMME} giai đoạn 2021-2030”",
        issuing_body="Thủ tướng Chính phủ",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2022, 3, 25),
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
    )


def _district_plan() -> Plan:
    """KH 183/KH-UBND of UBND huyện Chi Lăng: only cited by the commune plan, so a reference plan."""
    return plan(
        unit=legacy_unit(DISTRICT_CODE),
        number=DISTRICT_NUMBER,
        title=DISTRICT_TITLE,
        issuing_body="UBND huyện Chi Lăng",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2022, 6, 9),
        parent=_programme(),
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
        source_note="Dẫn chiếu trong Kế hoạch của UBND xã Y Tịch (shared/seeds/004_b2e56a1b177cb02b.txt)",
    )


def get_plan() -> Plan:
    return Plan.objects.get(unit=legacy_unit(UNIT_CODE), title=TITLE)


def load() -> None:
    parent = _district_plan()
    commune = legacy_unit(UNIT_CODE)
    agencies = {key: agency(commune, name, kind, short) for key, (name, kind, short) in AGENCIES.items()}
    basis = [
        document(
            DISTRICT_NUMBER,
            DISTRICT_TITLE,
            "UBND huyện Chi Lăng",
            datetime.date(2022, 6, 9),
        ),
    ]
    obj = plan(
        unit=commune,
        number="",
        title=TITLE,
        issuing_body="UBND xã Y Tịch",
        start_year=2021,
        end_year=2030,
        parent=parent,
        status=PlanStatus.ISSUED,
        milestone_years=(2025, 2030),
        legal_basis=basis,
        general_objective=GENERAL_OBJECTIVE,
        funding=FUNDING,
        source_note=(
            "Kế hoạch (số và ngày để trống) tháng 6/2022 của UBND xã Y Tịch (shared/seeds/004_b2e56a1b177cb02b.txt)"
        ),
    )

    for code, year, value, kind, note in TARGETS:
        target(obj, code, year, value, kind, note=note)

    for i, data in enumerate(TASKS, start=1):
        fields = dict(data)
        title = fields.pop("title")
        lead = agencies[fields.pop("lead")] if "lead" in fields else None
        partners = [agencies[key] for key in fields.pop("partners", ())]
        task(obj, title, lead=lead, partners=partners, order=i, **fields)

    rule = reporting_rule(
        obj,
        title=REPORT_TITLE,
        frequency=Frequency.YEARLY,
        due_days=["11-15"],
        reporting_level=Level.COMMUNE,
        recipient=REPORT_RECIPIENT,
        first_year=FIRST_REPORT_YEAR,
        last_year=2030,
    )
    rule.reporting_agencies.add(agencies["hkh"])
