"""Seed: UBND TP Hà Nội, Kế hoạch số 290/KH-UBND ngày 16/12/2021 (shared/seeds/003_656e7779792eb985.txt).

Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030” (QĐ 1373/QĐ-TTg) trên địa bàn Thành phố:
targets for 2025 and 2030 (section II, and III.4 for community learning centres ranked good), tasks and
solutions (III), tasks per agency (V), the yearly report before 1 December to the city people's committee
through the education department, and the appendix of 5 component plans approved in Q4 2021.
"""

from __future__ import annotations

import datetime

from plans.models import DueKind, Frequency, Plan, PlanKind, PlanStatus, TargetKind
from units.models import AgencyKind, Level

from ._common import agency, document, legacy_unit, national_unit, plan, reporting_rule, target, task

NUMBER = "290/KH-UBND"
UNIT_CODE = "01"  # Thành phố Hà Nội
TITLE = "Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030” thành phố Hà Nội"

AT_LEAST, MAINTAIN = TargetKind.AT_LEAST, TargetKind.MAINTAIN

#: key -> (name, kind, short name). All on the city unit.
AGENCIES: dict[str, tuple[str, str, str]] = {
    "sgd": ("Sở Giáo dục và Đào tạo", AgencyKind.EDUCATION_DEPARTMENT, "Sở GD&ĐT"),
    "sld": ("Sở Lao động - Thương binh và Xã hội", AgencyKind.DEPARTMENT, "Sở LĐ-TB&XH"),
    "svh": ("Sở Văn hóa và Thể thao", AgencyKind.DEPARTMENT, "Sở VH&TT"),
    "stt": ("Sở Thông tin và Truyền thông", AgencyKind.DEPARTMENT, "Sở TT&TT"),
    "stc": ("Sở Tài chính", AgencyKind.DEPARTMENT, ""),
    "tdkt": ("Ban Thi đua - Khen thưởng (Sở Nội vụ)", AgencyKind.DEPARTMENT, "Ban TĐ-KT"),
    "ca": ("Công an Thành phố", AgencyKind.DEPARTMENT, ""),
    "ldld": ("Liên đoàn Lao động Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "bdt": ("Ban Dân tộc Thành phố", AgencyKind.DEPARTMENT, ""),
    "songanh": ("Các Sở, ngành khác", AgencyKind.DEPARTMENT, ""),
    "baochi": ("Cơ quan thông tấn, báo chí của Thành phố", AgencyKind.OTHER, ""),
    "dai": ("Đài Phát thanh và Truyền hình Hà Nội", AgencyKind.OTHER, ""),
    "dhtd": ("Trường Đại học Thủ đô Hà Nội", AgencyKind.SCHOOL, ""),
    "cd": ("Các trường Cao đẳng trực thuộc Ủy ban nhân dân Thành phố", AgencyKind.SCHOOL, ""),
    "btg": ("Ban Tuyên giáo Thành ủy", AgencyKind.OTHER, ""),
    "mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", AgencyKind.MASS_ORGANISATION, "UBMTTQ Thành phố"),
    "hkh": ("Hội Khuyến học Thành phố", AgencyKind.LEARNING_ASSOCIATION, ""),
    "doan": (
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh thành phố Hà Nội",
        AgencyKind.MASS_ORGANISATION,
        "Thành đoàn Hà Nội",
    ),
    "phunu": ("Hội Liên hiệp Phụ nữ Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "ccb": ("Hội Cựu chiến binh Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "nongdan": ("Hội Nông dân Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "nct": ("Hội Người cao tuổi Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "cgc": ("Hội Cựu giáo chức Thành phố", AgencyKind.MASS_ORGANISATION, ""),
    "huyen": (
        "Ủy ban nhân dân quận, huyện, thị xã",
        AgencyKind.PEOPLES_COMMITTEE,
        "UBND quận, huyện, thị xã",
    ),
}

_DIST = "quận, huyện, thị xã"
_DIGITAL_UNI = (
    "Cơ sở giáo dục đại học trực thuộc triển khai đại học số và xây dựng học liệu số (văn bản không ghi tỷ lệ; "
    "hiểu là tất cả cơ sở giáo dục đại học trực thuộc Thành phố)"
)

#: (indicator, year, value, kind, note, extra) — section II of the plan (and III.4 for CLC_GOOD).
TARGETS: list[tuple] = [
    # 1. Mục tiêu đến năm 2025
    ("XMC", 2025, 100, MAINTAIN, "Duy trì kết quả đạt chuẩn xóa mù chữ mức độ 2", {"standard_level": 2}),
    ("XMC2_15_60", 2025, "99.5", AT_LEAST, "Duy trì 99,5% trở lên người trong độ tuổi 15-60 biết chữ", {}),
    ("NEW_LITERATE_CONTINUE", 2025, 95, AT_LEAST, "95% số người mới biết chữ tiếp tục học tập và không tái mù chữ", {}),
    (
        "PCGD_MN",
        2025,
        100,
        MAINTAIN,
        f"100% {_DIST} duy trì, giữ vững kết quả phổ cập giáo dục mầm non cho trẻ mẫu giáo",
        {},
    ),
    (
        "PCGD_TH",
        2025,
        100,
        MAINTAIN,
        "Duy trì kết quả đạt chuẩn phổ cập giáo dục tiểu học mức độ 3",
        {"standard_level": 3},
    ),
    (
        "PCGD_THCS",
        2025,
        90,
        AT_LEAST,
        f"Trên 90% {_DIST} đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3",
        {"standard_level": 3},
    ),
    ("INFO_COMPETENCY", 2025, 50, AT_LEAST, "50% số người trong độ tuổi lao động được trang bị năng lực thông tin", {}),
    ("LIFE_SKILLS", 2025, 50, AT_LEAST, "50% số người trong độ tuổi lao động được trang bị kỹ năng sống", {}),
    (
        "TRAINED_15PLUS",
        2025,
        50,
        AT_LEAST,
        "50% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        {},
    ),
    ("UNIVERSITY_15PLUS", 2025, 12, AT_LEAST, "Trong đó, 12% dân số có trình độ đại học trở lên", {}),
    ("DIGITAL_UNIVERSITY", 2025, 100, AT_LEAST, _DIGITAL_UNI, {}),
    (
        "DIGITAL_INSTITUTIONS",
        2025,
        60,
        AT_LEAST,
        "60% các cơ sở giáo dục phổ thông, cơ sở giáo dục nghề nghiệp – giáo dục thường xuyên, cơ sở giáo dục nghề "
        "nghiệp và các cơ sở giáo dục khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        {},
    ),
    (
        "CLC_IT",
        2025,
        70,
        AT_LEAST,
        "70% các trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục",
        {},
    ),
    ("LEARNING_CITIZEN", 2025, 50, AT_LEAST, "50% công dân đạt danh hiệu công dân học tập", {}),
    ("LEARNING_UNIT", 2025, 50, AT_LEAST, "50% đơn vị được công nhận là đơn vị học tập", {}),
    (
        "LEARNING_DISTRICT",
        2025,
        40,
        AT_LEAST,
        f"40% {_DIST} được công nhận danh hiệu huyện học tập theo các tiêu chí do cơ quan có thẩm quyền ban hành",
        {},
    ),
    (
        "LEARNING_CITY",
        2025,
        1,
        AT_LEAST,
        "Đăng ký danh hiệu Thành phố học tập theo tiêu chí do cơ quan có thẩm quyền ban hành (1 = đã đăng ký)",
        {},
    ),
    # 2. Mục tiêu đến năm 2030
    ("XMC", 2030, 100, MAINTAIN, "Duy trì kết quả đạt chuẩn xóa mù chữ mức độ 2", {"standard_level": 2}),
    ("XMC2_15_60", 2030, "99.6", AT_LEAST, "99,6% người trong độ tuổi 15-60 biết chữ", {}),
    ("NEW_LITERATE_CONTINUE", 2030, 96, AT_LEAST, "96% số người mới biết chữ tiếp tục học tập và không tái mù chữ", {}),
    (
        "PCGD_MN",
        2030,
        100,
        MAINTAIN,
        f"100% {_DIST} duy trì, giữ vững kết quả phổ cập giáo dục mầm non cho trẻ mẫu giáo",
        {},
    ),
    (
        "PCGD_TH",
        2030,
        100,
        MAINTAIN,
        "Duy trì kết quả đạt chuẩn phổ cập giáo dục tiểu học mức độ 3",
        {"standard_level": 3},
    ),
    (
        "PCGD_THCS",
        2030,
        100,
        AT_LEAST,
        f"Phấn đấu 100% {_DIST} đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3",
        {"standard_level": 3},
    ),
    ("INFO_COMPETENCY", 2030, 70, AT_LEAST, "70% người trong độ tuổi lao động được trang bị năng lực thông tin", {}),
    ("LIFE_SKILLS", 2030, 70, AT_LEAST, "70% người trong độ tuổi lao động được trang bị kỹ năng sống", {}),
    (
        "TRAINED_15PLUS",
        2030,
        60,
        AT_LEAST,
        "60% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        {},
    ),
    ("UNIVERSITY_15PLUS", 2030, 15, AT_LEAST, "Trong đó, 15% dân số có trình độ đại học trở lên", {}),
    ("DIGITAL_UNIVERSITY", 2030, 100, AT_LEAST, _DIGITAL_UNI, {}),
    (
        "DIGITAL_INSTITUTIONS",
        2030,
        80,
        AT_LEAST,
        "80% các cơ sở giáo dục phổ thông, cơ sở giáo dục nghề nghiệp - giáo dục thường xuyên và các cơ sở giáo dục "
        "khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        {},
    ),
    (
        "CLC_IT",
        2030,
        90,
        AT_LEAST,
        "90% các trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục",
        {},
    ),
    (
        "CLC_GOOD",
        2030,
        80,
        AT_LEAST,
        "Phấn đấu đến năm 2030 có 80% trung tâm học tập cộng đồng được xếp loại tốt (mục III.4)",
        {},
    ),
    ("LEARNING_CITIZEN", 2030, 70, AT_LEAST, "70% công dân đạt danh hiệu công dân học tập", {}),
    ("LEARNING_UNIT", 2030, 70, AT_LEAST, "70% đơn vị được công nhận là đơn vị học tập", {}),
    (
        "LEARNING_DISTRICT",
        2030,
        60,
        AT_LEAST,
        f"60% {_DIST} được công nhận danh hiệu huyện học tập theo các tiêu chí do cơ quan có thẩm quyền ban hành",
        {},
    ),
    (
        "LEARNING_CITY",
        2030,
        2,
        AT_LEAST,
        "Thành phố được công nhận danh hiệu Thành phố học tập (2 = được công nhận)",
        {},
    ),
]

#: Appendix: (n, title, main content, lead, partner, due text, (year, quarter)).
APPENDIX: list[tuple] = [
    (
        1,
        "Kế hoạch “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng giai đoạn 2021-2030”",
        "Đẩy mạnh hoạt động tuyên truyền, xây dựng các mô hình học tập phù hợp để thực hiện các mục tiêu của Kế "
        "hoạch: “gia đình học tập”, “dòng họ học tập”, “cộng đồng, khu dân cư học tập”; “đơn vị học tập”.",
        "hkh",
        "sgd",
        "Quý IV 2021",
        (2021, 4),
    ),
    (
        2,
        "Kế hoạch “Xây dựng mô hình công dân học tập giai đoạn 2021-2030”",
        "Đẩy mạnh hoạt động tuyên truyền, vận động người dân tích cực học tập suốt đời, xây dựng mô hình “công dân "
        "học tập”.",
        "hkh",
        "sgd",
        "Quý IV 2021",
        (2021, 4),
    ),
    (
        3,
        "Kế hoạch “Đẩy mạnh các hoạt động học tập suốt đời trong công nhân lao động tại các doanh nghiệp đến năm 2030”",
        "Tuyên truyền vận động công nhân lao động tham gia học tập suốt đời; tăng cường sự tham gia của các doanh "
        "nghiệp trong việc hỗ trợ người lao động học tập nâng cao trình độ chuyên môn nghề nghiệp hoặc đào tạo lại "
        "cho công nhân lao động chuyển đổi nghề nghiệp. Ưu tiên khu chế xuất, khu công nghiệp.",
        "ldld",
        "sgd",
        "Quý IV 2021",
        (2021, 4),
    ),
    (
        4,
        "Kế hoạch “Đẩy mạnh các hoạt động học tập suốt đời trong các thư viện, bảo tàng, nhà văn hóa, câu lạc bộ "
        "đến năm 2030”",
        "Xây dựng cơ chế chỉ đạo liên ngành về giáo dục thông qua di sản văn hóa; củng cố, kiện toàn cơ sở vật "
        "chất, đội ngũ cán bộ, hướng dẫn viên để các nhà trường, thư viện, bảo tàng, nhà văn hóa ... tham gia tích "
        "cực vào việc cung ứng các chương trình học tập suốt đời.",
        "svh",
        "sgd",
        "Quý IV 2021",
        (2021, 4),
    ),
    (
        5,
        "Kế hoạch “Đẩy mạnh hoạt động học tập gắn với các phong trào Đoàn, Hội, Đội tại các trường học trong hệ "
        "thống giáo dục quốc dân trên địa bàn Thành phố”",
        "Đẩy mạnh việc học tập thông qua hoạt động phong trào Đoàn, Hội, Đội tại các trường học trong hệ thống "
        "giáo dục quốc dân trên địa bàn Thành phố",
        "doan",
        "sgd",
        "Quý IV 2021",
        (2021, 4),
    ),
]

_G = {"due_kind": DueKind.GUIDANCE}
_R = {"due_kind": DueKind.RECURRING}

#: Sections III (tasks and solutions) and V (per agency). ``lead``/``partners`` are AGENCIES keys.
TASKS: list[dict] = [
    # III. Nhiệm vụ và giải pháp
    {
        "section": "III.1",
        "title": "Tăng cường công tác tuyên truyền, phổ biến, nâng cao nhận thức về xây dựng xã hội học tập",
        "description": (
            "- Tăng cường tuyên truyền về học tập suốt đời, xây dựng xã hội học tập trong điều kiện phát triển "
            "nền kinh tế số, xã hội số qua phương tiện thông tin đại chúng, truyền thông xã hội, hệ thống thông tin "
            "cơ sở, các cơ sở giáo dục.\n"
            "- Gắn tuyên truyền với phong trào toàn dân đoàn kết xây dựng đời sống văn hóa; gia đình hiếu học, dòng "
            "họ khuyến học, đơn vị học tập, cộng đồng học tập.\n"
            "- Hằng năm tổ chức “Tuần lễ hưởng ứng học tập suốt đời”, “Ngày Sách và Văn hóa đọc Việt Nam” ở cấp "
            "thành phố và tất cả các quận, huyện, thị xã.\n"
            "- Biểu dương, tôn vinh, khen thưởng; nhân rộng các mô hình tốt, cách làm hay."
        ),
        **_G,
    },
    {
        "section": "III.2",
        "title": "Hoàn thiện cơ chế, chính sách về xây dựng xã hội học tập",
        "description": (
            "- Rà soát, xây dựng cơ chế, chính sách hỗ trợ các trung tâm học tập cộng đồng để tăng hiệu quả hoạt "
            "động.\n"
            "- Nghiên cứu, xây dựng cơ chế, chính sách cho công nhân, người lao động được đào tạo, đào tạo lại, bồi "
            "dưỡng; hỗ trợ người hết tuổi lao động, người nội trợ, người khuyết tật học tập suốt đời."
        ),
        **_G,
    },
    {
        "section": "III.3",
        "title": (
            "Đẩy mạnh thực hiện chuyển đổi số và ứng dụng công nghệ thông tin trong tổ chức các hoạt động học tập "
            "suốt đời"
        ),
        "description": (
            "a) Ứng dụng công nghệ thông tin, công nghệ số tại cơ sở giáo dục cao đẳng, đại học trực thuộc Thành "
            "phố, cơ sở giáo dục nghề nghiệp, cơ sở giáo dục thường xuyên và các thiết chế văn hóa.\n"
            "b) Tổ chức các chương trình giáo dục trên kênh phát thanh, truyền hình, báo điện tử, ứng dụng truyền "
            "hình của đài Thành phố và mạng xã hội.\n"
            "c) Xây dựng kho học liệu mở phục vụ tự học và học tập suốt đời.\n"
            "d) Tăng cường năng lực cho các cơ sở giáo dục cao đẳng, đại học của Thành phố làm trung tâm phát triển "
            "công nghệ đào tạo mở và từ xa."
        ),
        **_G,
    },
    {
        "section": "III.4",
        "title": "Đẩy mạnh hoạt động của trung tâm học tập cộng đồng",
        "description": (
            "- Tăng cường phối hợp, liên kết để tổ chức các chương trình đào tạo, bồi dưỡng gắn với các thiết chế "
            "văn hóa.\n"
            "- Tăng cường các lớp phổ biến kiến thức, kỹ năng, chuyển giao công nghệ và xóa mù chữ gắn với dạy "
            "nghề.\n"
            "- Huy động các nguồn lực từ cộng đồng, tổ chức, cá nhân.\n"
            "- Nghiên cứu thí điểm mô hình trung tâm học tập cộng đồng hoạt động hiệu quả để nhân rộng. Phấn đấu "
            "đến năm 2030 có 80% trung tâm học tập cộng đồng được xếp loại tốt."
        ),
        **_G,
    },
    {
        "section": "III.5",
        "title": "Tổ chức các phong trào, cuộc vận động để thúc đẩy học tập suốt đời",
        "description": (
            "- Vận động mọi tầng lớp nhân dân xây dựng thói quen tự học, ý thức học tập suốt đời.\n"
            "- Phát động các cuộc vận động, phong trào thi đua về khuyến học, khuyến tài, xây dựng xã hội học tập.\n"
            "- Huy động doanh nghiệp thúc đẩy học tập cho công nhân, người lao động.\n"
            "- Đẩy mạnh học tập suốt đời trong gia đình, dòng họ, cộng đồng và mô hình công dân học tập gắn với "
            "“Gia đình văn hóa”, “Làng văn hóa”, “Tổ dân phố văn hóa”."
        ),
        **_G,
    },
    {
        "section": "III.6",
        "title": (
            "Tăng cường hợp tác quốc tế trong lĩnh vực học tập suốt đời, xây dựng xã hội học tập, phát triển công "
            "nghệ đào tạo mở và từ xa"
        ),
        "description": (
            "- Thúc đẩy hợp tác quốc tế về giáo dục người lớn, học tập suốt đời.\n"
            "- Triển khai các chương trình hợp tác quốc tế về công nghệ đào tạo mở và từ xa.\n"
            "- Vận động trí thức người Việt Nam ở nước ngoài tham gia khuyến học, khuyến tài.\n"
            "- Tích cực tham gia mạng lưới “Thành phố học tập toàn cầu” của UNESCO."
        ),
        **_G,
    },
    # V. Tổ chức thực hiện
    # 1. Sở Giáo dục và Đào tạo
    {
        "section": "V.1",
        "title": (
            "Là cơ quan thường trực, giúp Ủy ban nhân dân Thành phố tổ chức triển khai thực hiện kế hoạch; điều phối "
            "và hướng dẫn tổ chức thực hiện kế hoạch; xây dựng các văn bản liên quan đến công tác học tập suốt đời "
            "và xây dựng xã hội học tập"
        ),
        "lead": "sgd",
        "partners_note": "Phối hợp với các Sở, ngành liên quan",
        **_G,
    },
    {
        "section": "V.1",
        "title": (
            "Chủ trì, tổ chức các hoạt động giao lưu, hợp tác trong lĩnh vực học tập suốt đời theo chương trình, kế "
            "hoạch của Ủy ban nhân dân Thành phố, Bộ Giáo dục và Đào tạo"
        ),
        "lead": "sgd",
        **_G,
    },
    {
        "section": "V.1",
        "title": "Chủ trì tổ chức kiểm tra, giám sát, đánh giá, tổng hợp, báo cáo hằng năm",
        "description": (
            "Đề xuất Ủy ban nhân dân Thành phố, Bộ Giáo dục và Đào tạo khen thưởng đối với tập thể, cá nhân tiêu "
            "biểu trong công tác xây dựng xã hội học tập."
        ),
        "lead": "sgd",
        "due_text": "Hằng năm",
        **_R,
    },
    {
        "section": "V.1",
        "title": "Tổ chức sơ kết thực hiện Kế hoạch vào năm 2025",
        "lead": "sgd",
        "due_kind": DueKind.YEAR,
        "due_year": 2025,
        "due_text": "Năm 2025",
    },
    {
        "section": "V.1",
        "title": "Tổ chức tổng kết thực hiện Kế hoạch vào năm 2030",
        "lead": "sgd",
        "due_kind": DueKind.YEAR,
        "due_year": 2030,
        "due_text": "Năm 2030",
    },
    # 2. Sở Lao động - Thương binh và Xã hội
    {
        "section": "V.2",
        "title": (
            "Xây dựng các chương trình đào tạo bổ sung, đào tạo kỹ năng nghề nghiệp mới cho người lao động; hỗ trợ "
            "học tập cho người bị thiệt thòi, yếu thế trong xã hội"
        ),
        "lead": "sld",
        "partners_note": "Phối hợp với các Sở, ngành liên quan",
        **_G,
    },
    {
        "section": "V.2",
        "title": (
            "Nhân rộng các mô hình đào tạo, đào tạo lại nghề nghiệp cho người lao động trong các doanh nghiệp; đào "
            "tạo nghề gắn với ngành nghề truyền thống, gắn với sản xuất, kinh doanh ở nông thôn, vùng sâu, vùng xa, "
            "vùng đồng bào dân tộc thiểu số và miền núi"
        ),
        "lead": "sld",
        **_G,
    },
    {
        "section": "V.2",
        "title": (
            "Xây dựng và triển khai các chương trình, dự án, đề án hỗ trợ đào tạo, đào tạo lại cho lao động nông "
            "thôn, người khuyết tật, người dân tộc thiểu số, phụ nữ, người hết tuổi lao động"
        ),
        "lead": "sld",
        **_G,
    },
    # 3. Sở Văn hóa và Thể thao
    {
        "section": "V.3",
        "title": (
            "Nhân rộng các mô hình học tập suốt đời trong các thiết chế văn hóa cơ sở (thư viện, bảo tàng, nhà văn "
            "hóa, câu lạc bộ...) gắn với phong trào xây dựng “Gia đình văn hóa”, “Làng văn hóa”, “Tổ dân phố văn "
            "hóa”, “Phường, thị trấn đạt chuẩn văn minh đô thị”"
        ),
        "lead": "svh",
        "partners": ["huyen"],
        "partners_note": "Phối hợp với các Sở, ngành liên quan, Ủy ban nhân dân quận, huyện, thị xã",
        **_G,
    },
    {
        "section": "V.3",
        "title": (
            "Đào tạo, đào tạo lại, bồi dưỡng, nâng cao chất lượng nguồn nhân lực làm việc trong các thiết chế văn "
            "hóa - thể thao phục vụ nhu cầu học tập suốt đời của người dân đáp ứng yêu cầu chuyển đổi số"
        ),
        "lead": "svh",
        **_G,
    },
    # 4. Sở Thông tin và Truyền thông
    {
        "section": "V.4",
        "title": (
            "Cung cấp thông tin, hướng dẫn các cơ quan báo chí Thành phố, cơ quan báo chí Trung ương ký chương trình "
            "phối hợp với Thành phố và chỉ đạo hệ thống thông tin cơ sở tuyên truyền về Kế hoạch, kết quả thực hiện "
            "Kế hoạch xây dựng xã hội học tập giai đoạn 2021-2030"
        ),
        "lead": "stt",
        "partners": ["sgd"],
        **_G,
    },
    {
        "section": "V.4",
        "title": (
            "Hướng dẫn các cơ quan thông tấn, báo chí của Thành phố; Đài Phát thanh và Truyền hình Hà Nội tổ chức "
            "chuyên mục, tuyên truyền về xây dựng xã hội học tập"
        ),
        "lead": "stt",
        "partners": ["baochi", "dai"],
        **_G,
    },
    {
        "section": "V.4",
        "title": (
            "Tổ chức hiệu quả các hoạt động triển khai văn hóa đọc trong cộng đồng, góp phần xây dựng xã hội học "
            "tập, phát triển nguồn nhân lực Thủ đô, xây dựng người Hà Nội thanh lịch, văn minh"
        ),
        "lead": "stt",
        "partners": ["svh", "sgd"],
        "partners_note": "Phối hợp với Sở Văn hóa và Thể thao, Sở Giáo dục và Đào tạo và các cơ quan liên quan",
        **_G,
    },
    # 5. Sở Tài chính
    {
        "section": "V.5",
        "title": (
            "Đảm bảo kinh phí trong dự toán ngân sách hàng năm (theo phân cấp) để thực hiện Kế hoạch theo quy định "
            "của Luật Ngân sách Nhà nước"
        ),
        "lead": "stc",
        "due_text": "Hằng năm",
        **_R,
    },
    {
        "section": "V.5",
        "title": (
            "Chủ trì, hướng dẫn các Sở, ngành liên quan về cơ chế tài chính triển khai thực hiện các nhiệm vụ của "
            "Kế hoạch"
        ),
        "lead": "stc",
        **_G,
    },
    {
        "section": "V.5",
        "title": (
            "Rà soát, hoàn thiện các chính sách để tăng cường huy động và đa dạng hóa các nguồn lực xã hội thúc đẩy "
            "công tác khuyến học, khuyến tài, xây dựng xã hội học tập"
        ),
        "lead": "stc",
        "partners_note": "Phối hợp với các Sở, ngành liên quan",
        **_G,
    },
    # 6. Ban Thi đua - Khen thưởng
    {
        "section": "V.6",
        "title": (
            "Tham mưu trình Ủy ban nhân dân Thành phố khen thưởng cho các tập thể, cá nhân có thành tích trong công "
            "tác xây dựng xã hội học tập nhân dịp sơ kết, tổng kết các giai đoạn của Đề án"
        ),
        "lead": "tdkt",
        "partners": ["sgd"],
        **_G,
    },
    # 7. Công an Thành phố
    {
        "section": "V.7",
        "title": (
            "Tổ chức các lớp học xóa mù chữ, phổ cập giáo dục, đào tạo nghề cho trại viên, phạm nhân và học viên "
            "trong các trại giam, trại tạm giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng"
        ),
        "lead": "ca",
        "partners": ["sgd", "sld"],
        **_G,
    },
    # 8. Liên đoàn Lao động Thành phố
    {
        "section": "V.8",
        "title": (
            "Đẩy mạnh các hoạt động phát triển nghề nghiệp cho người lao động; tuyên truyền, vận động công nhân, "
            "người lao động trong các doanh nghiệp học tập nâng cao trình độ, kỹ năng nghề"
        ),
        "lead": "ldld",
        "partners_note": "Phối hợp với các Sở, ngành liên quan",
        **_G,
    },
    {
        "section": "V.8",
        "title": (
            "Chỉ đạo các cấp công đoàn hướng dẫn, hỗ trợ công đoàn cơ sở vận động người sử dụng lao động tạo điều "
            "kiện, thành lập quỹ khuyến học, khuyến tài hỗ trợ công nhân, người lao động học tập và con công nhân, "
            "người lao động hiếu học có hoàn cảnh khó khăn, nghèo"
        ),
        "lead": "ldld",
        **_G,
    },
    # 9. Ban Dân tộc Thành phố
    {
        "section": "V.9",
        "title": (
            "Tham mưu xây dựng, triển khai Kế hoạch Chương trình mục tiêu quốc gia Phát triển kinh tế - xã hội vùng "
            "đồng bào dân tộc thiểu số và miền núi thành phố giai đoạn 2021-2030; tạo điều kiện cho trẻ em, người "
            "học vùng dân tộc thiểu số và miền núi được tham gia học tập"
        ),
        "lead": "bdt",
        "partners_note": "Phối hợp với các Sở, ngành, địa phương vùng dân tộc thiểu số và miền núi",
        **_G,
    },
    # 10. Các Sở, ngành khác
    {
        "section": "V.10",
        "title": (
            "Chủ động phối hợp với Sở Giáo dục và Đào tạo triển khai thực hiện các nhiệm vụ xây dựng xã hội học tập "
            "trên địa bàn Thành phố"
        ),
        "lead": "songanh",
        "partners": ["sgd"],
        **_G,
    },
    {
        "section": "V.10",
        "title": (
            "Tạo điều kiện để đội ngũ cán bộ, công chức, viên chức và người lao động trực thuộc được tham gia nghiên "
            "cứu, học tập nâng cao trình độ, chuyên môn, nghiệp vụ"
        ),
        "lead": "songanh",
        **_G,
    },
    {
        "section": "V.10",
        "title": (
            "Cung cấp tài liệu học tập về các lĩnh vực theo chức năng, nhiệm vụ cho Sở Giáo dục và Đào tạo, cơ sở "
            "đào tạo để biên soạn, số hóa tài liệu học tập phục vụ tuyên truyền, giáo dục kiến thức cho nhân dân"
        ),
        "lead": "songanh",
        "partners": ["sgd"],
        **_G,
    },
    # 11. Cơ quan thông tấn, báo chí; Đài Phát thanh và Truyền hình Hà Nội
    {
        "section": "V.11",
        "title": "Xây dựng chuyên mục và tuyên truyền về học tập suốt đời, xây dựng xã hội học tập",
        "lead": "baochi",
        "partners": ["dai"],
        "partners_note": "Cùng thực hiện: Đài Phát thanh và Truyền hình Hà Nội",
        **_G,
    },
    # 12. Trường Đại học Thủ đô Hà Nội, các trường Cao đẳng
    {
        "section": "V.12",
        "title": (
            "Triển khai trường học số, xây dựng học liệu số để nâng cao năng lực hoạt động, đáp ứng yêu cầu đào tạo "
            "nguồn nhân lực chất lượng cao cho Thủ đô"
        ),
        "lead": "dhtd",
        "partners": ["cd"],
        "partners_note": "Cùng thực hiện: các trường Cao đẳng trực thuộc Ủy ban nhân dân Thành phố",
        **_G,
    },
    {
        "section": "V.12",
        "title": (
            "Tổ chức biên soạn, số hóa tài liệu phục vụ hoạt động tuyên truyền, giáo dục kiến thức cho mọi tầng lớp "
            "nhân dân"
        ),
        "lead": "dhtd",
        "partners": ["cd", "sgd"],
        "partners_note": "Các trường phối hợp với Sở Giáo dục và Đào tạo",
        **_G,
    },
    {
        "section": "V.12",
        "title": (
            "Tạo điều kiện để đội ngũ cán bộ, công chức, viên chức, người lao động trực thuộc các trường được học "
            "tập suốt đời"
        ),
        "lead": "dhtd",
        "partners": ["cd"],
        "partners_note": "Cùng thực hiện: các trường Cao đẳng trực thuộc Ủy ban nhân dân Thành phố",
        **_G,
    },
    # 13. Ban Tuyên giáo Thành ủy (đề nghị)
    {
        "section": "V.13",
        "title": (
            "Chỉ đạo các cấp ủy Đảng; phối hợp triển khai thực hiện các mục tiêu, nhiệm vụ của Kế hoạch, nhất là "
            "tuyên truyền, định hướng phát triển"
        ),
        "lead": "btg",
        "partners": ["sgd"],
        "partners_note": "Phối hợp với Sở Giáo dục và Đào tạo và các Sở, ngành",
        **_G,
    },
    {
        "section": "V.13",
        "title": "Kiểm tra, giám sát việc thực hiện Kế hoạch",
        "lead": "btg",
        "partners": ["sgd"],
        **_G,
    },
    {
        "section": "V.13",
        "title": (
            "Chỉ đạo các cơ quan thông tấn, báo chí và truyền hình của Thành phố tổ chức xây dựng chuyên mục và "
            "tuyên truyền về xây dựng xã hội học tập"
        ),
        "lead": "btg",
        **_G,
    },
    # 14. Các tổ chức chính trị - xã hội, tổ chức xã hội, nghề nghiệp (đề nghị)
    {
        "section": "V.14.a",
        "title": (
            "Phát động các cuộc vận động, phong trào thi đua về công tác khuyến học, khuyến tài, xây dựng xã hội "
            "học tập sâu rộng trên địa bàn Thành phố"
        ),
        "lead": "mttq",
        "partners_note": "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội và các tổ chức thành viên",
        **_G,
    },
    {
        "section": "V.14.b",
        "title": (
            "Chủ trì xây dựng kế hoạch thực hiện Đề án thành phần theo kế hoạch của Hội Khuyến học Việt Nam; lồng "
            "ghép các hoạt động tuyên truyền thông qua hoạt động của Hội khuyến học các cấp"
        ),
        "lead": "hkh",
        **_G,
    },
    {
        "section": "V.14.b",
        "title": (
            "Đẩy mạnh hoạt động của các trung tâm học tập cộng đồng; nhân rộng các mô hình học tập phù hợp với thực "
            "tiễn ở các địa phương"
        ),
        "lead": "hkh",
        "partners": ["sgd"],
        **_G,
    },
    {
        "section": "V.14.c",
        "title": (
            "Tổ chức, lồng ghép tuyên truyền về học tập suốt đời, xây dựng xã hội học tập qua các phong trào của "
            "thanh niên; vận động gây quỹ hỗ trợ học sinh, học viên, sinh viên Hà Nội có hoàn cảnh khó khăn"
        ),
        "lead": "doan",
        **_G,
    },
    {
        "section": "V.14.d",
        "title": (
            "Tham gia tuyên truyền Kế hoạch, lồng ghép tuyên truyền về xây dựng xã hội học tập trong phong trào "
            "“Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”"
        ),
        "description": (
            "Vận động, tuyên truyền phụ nữ và trẻ em gái ở vùng đồng bào dân tộc thiểu số chưa biết chữ ra học các "
            "lớp xóa mù chữ."
        ),
        "lead": "phunu",
        "partners": ["sgd"],
        **_G,
    },
    {
        "section": "V.14.đ",
        "title": (
            "Hướng dẫn các cấp hội phối hợp tổ chức các hoạt động khuyến học, khuyến tài, xây dựng xã hội học tập; "
            "huy động hội viên tham gia chuyển giao công nghệ, hỗ trợ khởi nghiệp, phổ biến kiến thức cho người dân"
        ),
        "lead": "ccb",
        "partners": ["nongdan", "nct", "cgc"],
        "partners_note": (
            "Cùng thực hiện: Hội Cựu chiến binh, Hội Nông dân, Hội Người cao tuổi, Hội Cựu giáo chức Thành phố"
        ),
        **_G,
    },
    # 15. Ủy ban nhân dân quận, huyện, thị xã
    {
        "section": "V.15",
        "title": "Thành lập bộ phận Chỉ đạo xây dựng xã hội học tập giai đoạn 2021-2030 tại địa phương",
        "lead": "huyen",
        **_G,
    },
    {
        "section": "V.15",
        "title": (
            "Xây dựng Kế hoạch xây dựng xã hội học tập phù hợp với chiến lược phát triển kinh tế - xã hội của địa "
            "phương đến năm 2030; cân đối và bố trí kinh phí hàng năm để thực hiện Kế hoạch"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "V.15",
        "title": (
            "Xây dựng và phát triển các mô hình học tập, ngành nghề đào tạo, các nghề đặc thù cần học tập suốt đời "
            "phù hợp quy hoạch của từng địa phương đến năm 2030"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "V.15",
        "title": (
            "Chủ trì, phối hợp với các đơn vị, tổ chức đóng trên địa bàn thực hiện các nhiệm vụ của Kế hoạch xây "
            "dựng xã hội học tập tại địa phương"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "V.15",
        "title": "Kiểm tra, giám sát, báo cáo tình hình, kết quả thực hiện Kế hoạch của địa phương theo quy định",
        "lead": "huyen",
        "due_text": "Hằng năm, trước ngày 01 tháng 12",
        **_R,
    },
]

PURPOSE = (
    "1. Mục đích\n"
    "- Cụ thể hoá các mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp nhằm đảm bảo thực hiện có tiến độ, hiệu quả Đề án "
    "“Xây dựng xã hội học tập giai đoạn 2021-2030” của Chính phủ.\n"
    "- Đáp ứng nhu cầu học tập của nhân dân Thủ đô, góp phần nâng cao nguồn nhân lực chất lượng cao phục vụ công "
    "cuộc công nghiệp hóa, hiện đại hóa của Thủ đô và đất nước; huy động sức mạnh của toàn xã hội tham gia xây "
    "dựng và phát triển giáo dục.\n"
    "- Phân công rõ trách nhiệm các Sở, ban, ngành, Ủy ban nhân dân quận, huyện, thị xã và các đơn vị liên quan "
    "đảm bảo hoàn thành các mục tiêu, nhiệm vụ đề ra.\n"
    "2. Yêu cầu\n"
    "- Các cơ quan, tổ chức, cộng đồng dân cư, dòng họ, gia đình nâng cao trách nhiệm, tạo cơ hội và điều kiện "
    "thuận lợi để mỗi cá nhân đều được tham gia học tập, nhất là các đối tượng chính sách, người dân tộc thiểu số, "
    "người bị thiệt thòi, yếu thế trong xã hội.\n"
    "- Đảm bảo sự phối hợp giữa các Sở, ngành địa phương trong thực hiện các nhiệm vụ, giải pháp, kế hoạch thành "
    "phần; thực hiện chế độ thông tin, báo cáo theo quy định."
)

FUNDING = (
    "Được đảm bảo trong dự toán chi ngân sách nhà nước hàng năm của các đơn vị theo phân cấp ngân sách hiện hành; "
    "huy động từ các nguồn tài trợ, đóng góp của doanh nghiệp, tổ chức, cá nhân và các nguồn tài trợ hợp pháp khác "
    "theo quy định của pháp luật."
)

REPORT_TITLE = "Báo cáo tổng hợp kết quả thực hiện Kế hoạch hằng năm"
REPORT_RECIPIENT = "Ủy ban nhân dân Thành phố (qua Sở Giáo dục và Đào tạo để tổng hợp)"
#: The agencies the closing paragraph asks to report every year (besides the district people's committees).
REPORTING_AGENCIES = ("sgd", "sld", "svh", "stt", "stc", "tdkt", "ca", "bdt", "songanh", "ldld", "dhtd", "cd", "huyen")


def _parent() -> Plan:
    """QĐ 1373/QĐ-TTg as written by the national module; kept as a reference plan if that module lacks it."""
    from . import national

    national.load()
    found = Plan.objects.filter(unit=national_unit(), number="1373/QĐ-TTg").first()
    if found is not None:
        return found
    return plan(
        unit=national_unit(),
        number="1373/QĐ-TTg",
        title="Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
        issuing_body="Thủ tướng Chính phủ",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2021, 7, 30),
        kind=PlanKind.DECISION,
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
    )


def get_plan() -> Plan:
    return Plan.objects.get(unit=legacy_unit(UNIT_CODE), number=NUMBER)


def load() -> None:
    parent = _parent()
    city = legacy_unit(UNIT_CODE)
    agencies = {key: agency(city, name, kind, short) for key, (name, kind, short) in AGENCIES.items()}
    basis = [
        document(
            "14/CT-TTg",
            "Về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021-2030",
            "Thủ tướng Chính phủ",
            datetime.date(2021, 5, 25),
        ),
        document(
            "1373/QĐ-TTg",
            "Về việc phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
            "Thủ tướng Chính phủ",
            datetime.date(2021, 7, 30),
        ),
        document(
            "3320/BGDĐT-GDĐT",
            "Về việc triển khai Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
            "Bộ Giáo dục và Đào tạo",
            datetime.date(2021, 8, 6),
        ),
    ]
    obj = plan(
        unit=city,
        number=NUMBER,
        title=TITLE,
        issuing_body="UBND thành phố Hà Nội",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2021, 12, 16),
        parent=parent,
        status=PlanStatus.ISSUED,
        milestone_years=(2025, 2030),
        legal_basis=basis,
        purpose=PURPOSE,
        funding=FUNDING,
        source_note="KH 290/KH-UBND ngày 16/12/2021 của UBND TP Hà Nội (shared/seeds/003_656e7779792eb985.txt)",
    )

    for code, year, value, kind, note, extra in TARGETS:
        target(obj, code, year, value, kind, note=note, **extra)

    for n, title, content, lead, partner, due_text, (year, quarter) in APPENDIX:
        task(
            obj,
            title,
            lead=agencies[lead],
            partners=[agencies[partner]],
            order=n,
            section=f"PL.{n}",
            description=content,
            due_kind=DueKind.QUARTER,
            due_year=year,
            due_quarter=quarter,
            due_text=due_text,
        )

    for i, data in enumerate(TASKS, start=101):
        fields = dict(data)
        title = fields.pop("title")
        lead = agencies[fields.pop("lead")] if "lead" in fields else None
        partners = [agencies[key] for key in fields.pop("partners", ())]
        task(obj, title, lead=lead, partners=partners, order=i, **fields)

    rule = reporting_rule(
        obj,
        title=REPORT_TITLE,
        frequency=Frequency.YEARLY,
        due_days=["12-01"],
        reporting_level=Level.DISTRICT,
        recipient=REPORT_RECIPIENT,
        first_year=2021,
        last_year=2030,
    )
    rule.reporting_agencies.add(*(agencies[key] for key in REPORTING_AGENCIES))
