"""Seed: UBND huyện Củ Chi (TP Hồ Chí Minh), Kế hoạch năm 2023 (shared/seeds/000_0115b41f75aab8c1.txt).

Thực hiện công tác xây dựng xã hội học tập năm 2023 trên địa bàn huyện: the 2023 targets (section II.2), the
tasks and solutions (III), the tasks per body (V) and the two one-off submissions of the communes (V.11: their
plan before 22/3/2023, their report before 10/12/2023). The text gives no number nor date. It cites the
district's own plan for 2021-2030 (KH 1376/KH-UBND of 21/02/2022), which implements the city's KH 4344/KH-UBND
of 22/12/2021, which implements QĐ 1373/QĐ-TTg: the two local plans are only cited, so they are kept as
reference plans and the cascade runs Củ Chi 2023 → Củ Chi 2021-2030 → TP Hồ Chí Minh → QĐ 1373/QĐ-TTg.
"""

from __future__ import annotations

import datetime

from plans.models import DueKind, Frequency, Plan, PlanKind, PlanStatus, TargetKind
from units.models import AgencyKind, Level

from ._common import agency, document, legacy_unit, national_unit, plan, reporting_rule, target, task

UNIT_CODE = "783"  # Huyện Củ Chi
CITY_CODE = "79"  # Thành phố Hồ Chí Minh
YEAR = 2023
TITLE = "Thực hiện công tác xây dựng xã hội học tập năm 2023 trên địa bàn huyện"
SCHEME = "Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”"
CITY_NUMBER = "4344/KH-UBND"
CITY_TITLE = f"Thực hiện {SCHEME} trên địa bàn Thành phố Hồ Chí Minh"
DISTRICT_NUMBER = "1376/KH-UBND"
DISTRICT_TITLE = f"Thực hiện {SCHEME} trên địa bàn huyện"

AT_LEAST, INCREASE = TargetKind.AT_LEAST, TargetKind.INCREASE

#: key -> (name, kind, short name). All on the district unit.
AGENCIES: dict[str, tuple[str, str, str]] = {
    "pgd": ("Phòng Giáo dục và Đào tạo huyện", AgencyKind.EDUCATION_OFFICE, "Phòng GD&ĐT"),
    "pld": ("Phòng Lao động - Thương binh và Xã hội huyện", AgencyKind.DEPARTMENT, "Phòng LĐ-TB&XH"),
    "pvh": ("Phòng Văn hóa và Thông tin huyện", AgencyKind.DEPARTMENT, "Phòng VH&TT"),
    "ttvh": ("Trung tâm Văn hóa huyện", AgencyKind.OTHER, ""),
    "tttt": ("Trung tâm Thể dục - Thể thao huyện", AgencyKind.OTHER, ""),
    "ptckh": ("Phòng Tài chính – Kế hoạch huyện", AgencyKind.DEPARTMENT, "Phòng TC-KH"),
    "pnv": ("Phòng Nội vụ huyện", AgencyKind.DEPARTMENT, ""),
    "ca": ("Công an huyện", AgencyKind.DEPARTMENT, ""),
    "ldld": ("Liên đoàn Lao động huyện", AgencyKind.MASS_ORGANISATION, ""),
    "phongban": ("Các phòng, ban huyện", AgencyKind.DEPARTMENT, ""),
    "mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", AgencyKind.MASS_ORGANISATION, "UBMTTQ huyện"),
    "hkh": ("Hội Khuyến học huyện", AgencyKind.LEARNING_ASSOCIATION, ""),
    "doan": ("Huyện Đoàn", AgencyKind.MASS_ORGANISATION, ""),
    "phunu": ("Hội Liên hiệp Phụ nữ huyện", AgencyKind.MASS_ORGANISATION, ""),
    "ccb": ("Hội Cựu chiến binh huyện", AgencyKind.MASS_ORGANISATION, ""),
    "nongdan": ("Hội Nông dân huyện", AgencyKind.MASS_ORGANISATION, ""),
    "nct": ("Hội Người cao tuổi huyện", AgencyKind.MASS_ORGANISATION, ""),
    "cgc": ("Hội Cựu giáo chức huyện", AgencyKind.MASS_ORGANISATION, ""),
    "xa": ("Ủy ban nhân dân các xã, thị trấn", AgencyKind.PEOPLES_COMMITTEE, "UBND các xã, thị trấn"),
}

_ALL = "100% các xã, thị trấn và huyện"

#: (indicator, value, kind, note, extra) — section II.2 of the plan, all for 2023 on the district.
TARGETS: list[tuple] = [
    # Xóa mù chữ và phổ cập giáo dục
    (
        "XMC",
        100,
        AT_LEAST,
        f"{_ALL} đạt chuẩn xóa mù chữ; giáo dục tiếp tục sau khi biết chữ mức độ 2",
        {"standard_level": 2},
    ),
    ("PCGD_MN", 100, AT_LEAST, f"{_ALL} hoàn thành phổ cập giáo dục mầm non cho trẻ em mẫu giáo", {}),
    ("PCGD_TH", 100, AT_LEAST, f"{_ALL} đạt chuẩn phổ cập giáo dục tiểu học mức độ 3", {"standard_level": 3}),
    (
        "PCGD_THCS",
        100,
        AT_LEAST,
        f"{_ALL} đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3",
        {"standard_level": 3},
    ),
    ("PCGD_TRUNG_HOC", 100, AT_LEAST, f"{_ALL} đạt chuẩn phổ cập giáo dục bậc dục trung học", {}),
    # Năng lực cơ bản và trình độ của người dân
    ("INFO_COMPETENCY", 50, AT_LEAST, "50% số người trong độ tuổi lao động được trang bị năng lực thông tin", {}),
    ("LIFE_SKILLS", 50, AT_LEAST, "50% số người trong độ tuổi lao động được trang bị kỹ năng sống", {}),
    (
        "TRAINED_15PLUS",
        23,
        AT_LEAST,
        "Khoảng 23% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        {},
    ),
    ("UNIVERSITY_15PLUS", 12, AT_LEAST, "Trong đó 12% dân số có trình độ đại học trở lên", {}),
    # Hiệu quả hoạt động của các cơ sở giáo dục
    (
        "DIGITAL_INSTITUTIONS",
        60,
        AT_LEAST,
        "60% các cơ sở giáo dục phổ thông, cơ sở giáo dục thường xuyên, cơ sở giáo dục nghề nghiệp và các cơ sở giáo "
        "dục khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        {},
    ),
    (
        "CLC_IT",
        70,
        AT_LEAST,
        "70% các Trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục",
        {},
    ),
    # Mô hình học tập trong xã hội
    (
        "LEARNING_CITIZEN",
        40,
        AT_LEAST,
        "40% công dân đạt danh hiệu công dân học tập theo tiêu chí do cơ quan có thẩm quyền ban hành",
        {},
    ),
    (
        "LEARNING_COMMUNE",
        25,
        AT_LEAST,
        "25% các xã, thị trấn được công nhận danh hiệu học tập theo tiêu chí do cơ quan có thẩm quyền ban hành",
        {},
    ),
    (
        "LEARNING_DISTRICT",
        100,
        AT_LEAST,
        "Huyện được công nhận danh hiệu huyện học tập theo tiêu chí do cơ quan có thẩm quyền ban hành",
        {},
    ),
    # Cán bộ công chức cấp xã
    (
        "COMMUNE_CADRE_TRAINED",
        85,
        AT_LEAST,
        "Tỷ lệ cán bộ, công chức xã, thị trấn có trình độ chuyên môn, nghiệp vụ, chính trị, quản lý Nhà nước, tin "
        "học...đã được đào tạo đạt 85% trở lên",
        {},
    ),
    (
        "COMMUNE_CADRE_FOSTERED",
        90,
        AT_LEAST,
        "Tỷ lệ cán bộ, công chức xã, thị trấn được bồi dưỡng kiến thức, kỹ năng lãnh đạo, quản lý, điều hành theo vị "
        "trí công việc đạt 90% trở lên",
        {},
    ),
    (
        "COMMUNE_CIVIL_MANDATORY_TRAINING",
        75,
        AT_LEAST,
        "Tỷ lệ công chức cấp xã, thị trấn thực hiện chế độ bồi dưỡng bắt buộc tối thiểu đạt 75% trở lên",
        {},
    ),
    # Người lao động
    (
        "RURAL_LABOUR_CLC",
        70,
        AT_LEAST,
        "Tỷ lệ lao động nông thôn tham gia học tập cập nhật kiến thức, kỹ năng chuyên giao khoa học kỹ thuật công "
        "nghệ sản xuất tại trung tâm học tập cộng đồng đạt 70% trở lên",
        {},
    ),
    (
        "WORKER_UPPER_SECONDARY",
        80,
        AT_LEAST,
        "80% công nhân lao động tại các khu công nghiệp có trình độ học vấn trung học phổ thông hoặc tương đương",
        {},
    ),
    (
        "WORKER_HIGH_SKILL",
        None,
        INCREASE,
        "Tăng tỷ lệ công nhân lao động có tay nghề cao ở các ngành kinh tế mũi nhọn",
        {},
    ),
    ("WORKER_VOCATIONAL", 85, AT_LEAST, "Phấn đấu 85% công nhân qua đào tạo nghề", {}),
    # Kỹ năng sống
    (
        "LIFE_SKILLS_PROGRAMMES",
        None,
        INCREASE,
        "Tăng tỉ lệ học sinh và người lao động tham gia học tập các chương trình giáo dục kỹ năng sống để xây dựng "
        "cuộc sống cá nhân và cộng đồng ngày càng hạnh phúc hơn",
        {},
    ),
    (
        "STUDENT_LIFE_SKILLS",
        50,
        AT_LEAST,
        "Phấn đấu 50% học sinh được học kỹ năng sống tại các cơ sở giáo dục",
        {},
    ),
    (
        "LEARNING_CITIZEN_EVAL",
        100,
        AT_LEAST,
        "Hoàn thành chỉ tiêu đánh giá công dân học tập 21/21 xã, thị trấn",
        {},
    ),
]

_G = {"due_kind": DueKind.GUIDANCE}
_R = {"due_kind": DueKind.RECURRING}
_Y = {"due_kind": DueKind.YEAR, "due_year": YEAR, "due_text": "Năm 2023"}
_QD_4202 = "Quyết định số 4202/QĐ-UBND ngày 14 tháng 11 năm 2020 của Ủy ban nhân dân Thành phố Hồ Chí Minh"

#: Sections III (tasks and solutions) and V (per body). ``lead``/``partners`` are AGENCIES keys.
TASKS: list[dict] = [
    # III. Nhiệm vụ và giải pháp
    {
        "section": "III.1",
        "title": "Tuyên truyền, phổ biến, nâng cao nhận thức về xây dựng xã hội học tập",
        "description": (
            "Tăng cường tuyên truyền, phổ biến để nâng cao nhận thức cho người dân và toàn xã hội về học tập suốt "
            "đời, xây dựng xã hội học tập trong nền kinh tế số, xã hội số thông qua các phương tiện thông tin đại "
            "chúng, truyền thông xã hội, hệ thống thông tin cơ sở, các cơ sở giáo dục và các phương thức khác.\n"
            "Tổ chức hiệu quả “Tuần lễ hưởng ứng học tập suốt đời” và “Ngày sách và Văn hóa đọc Việt Nam” hàng năm.\n"
            "Biểu dương, tôn vinh, khen thưởng các gương điển hình tiên tiến, nhân rộng mô hình tốt, cách làm hay, "
            "sáng kiến có giá trị trong phong trào khuyến học, khuyến tài, xây dựng xã hội học tập."
        ),
        **_G,
    },
    {
        "section": "III.2",
        "title": "Hoàn thiện cơ chế, chính sách về xây dựng xã hội học tập",
        "description": (
            "Rà soát, hoàn thiện quy chế kiểm tra, đánh giá, công nhận kết quả học tập giáo dục thường xuyên; tham "
            "gia đề xuất các quy định liên thông giữa giáo dục chính quy và giáo dục thường xuyên. Rà soát các cơ "
            "chế, chính sách hỗ trợ các Trung tâm học tập cộng đồng các xã, thị trấn.\n"
            "Nghiên cứu, đề xuất các cơ chế, chính sách cho công nhân, người lao động được đào tạo, đào tạo lại, bồi "
            "dưỡng; hỗ trợ những người hết tuổi lao động, người nội trợ, người khuyết tật học tập suốt đời."
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
            "Ứng dụng công nghệ thông tin, công nghệ số tại cơ sở giáo dục nghề nghiệp, cơ sở giáo dục thường xuyên, "
            "các thiết chế văn hóa.\n"
            "- Tổ chức các chương trình giáo dục trên các đài phát thanh huyện, xã, thị trấn; đăng tải trên nền tảng "
            "công nghệ số của các mạng xã hội có nhiều người dùng."
        ),
        **_G,
    },
    {
        "section": "III.4",
        "title": "Thực hiện đánh giá, xếp loại “Cộng đồng học tập” cấp xã",
        "description": (
            "Xây dựng kế hoạch quy định về đánh giá, xếp loại “Cộng đồng học tập” cấp xã năm 2023 theo Thông tư số "
            "44/2014/TT-BGDĐT ngày 12 tháng 12 năm 2014 của Bộ Giáo dục và Đào tạo; Quyết định số 1747/QĐ-UBND ngày "
            "11 tháng 3 năm 2021 của UBND huyện Củ Chi."
        ),
        **_Y,
    },
    {
        "section": "III.5",
        "title": "Đẩy mạnh hoạt động của Trung tâm học tập cộng đồng",
        "description": (
            "- Tăng cường phối hợp, liên kết giữa các ngành, tổ chức, đơn vị, cơ sở giáo dục, cơ sở văn hóa thể thao "
            "để tổ chức các chương trình đào tạo, bồi dưỡng.\n"
            "- Xây dựng kế hoạch hoạt động và bố trí trụ sở Trung tâm học tập cộng đồng theo Quyết định số "
            "09/2008/QĐ-BGDĐT và Công văn số 1144/GDĐT-GDTX ngày 10 tháng 4 năm 2019 của Sở Giáo dục và Đào tạo.\n"
            "- Tăng cường tổ chức các lớp phổ biến kiến thức, kỹ năng, chuyên giao công nghệ và xóa mù chữ-giáo dục "
            "tiếp tục sau khi biết chữ.\n"
            "- Huy động có hiệu quả các nguồn lực từ cộng đồng và các tổ chức kinh tế - xã hội.\n"
            "- Nghiên cứu đổi mới mô hình Trung tâm học tập cộng đồng hoạt động hiệu quả và tổ chức thí điểm để triển "
            "khai nhân rộng trên toàn huyện."
        ),
        **_G,
    },
    {
        "section": "III.6",
        "title": "Tổ chức các phong trào, cuộc vận động để thúc đẩy học tập suốt đời",
        "description": (
            "- Vận động mọi tầng lớp Nhân dân xây dựng, duy trì thói quen tự học, ý thức học tập suốt đời.\n"
            "- Phát động các cuộc vận động, phong trào thi đua về khuyến học, khuyến tài, xây dựng xã hội học tập.\n"
            "- Huy động sự tham gia, phối hợp của các doanh nghiệp.\n"
            "- Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng và xây dựng mô hình công dân "
            "học tập theo Đề án được duyệt."
        ),
        **_G,
    },
    {
        "section": "III.7",
        "title": (
            "Tăng cường hợp tác quốc tế trong lĩnh vực học tập suốt đời, xây dựng xã hội học tập và phát triển công "
            "nghệ đào tạo mở và từ xa"
        ),
        "description": (
            "- Thúc đẩy hợp tác quốc tế về giáo dục người học, học tập suốt đời và xây dựng xã hội học tập.\n"
            "- Vận động, khuyến khích đội ngũ trí thức tài năng là người Việt Nam ở nước ngoài tham gia đóng góp với "
            "hoạt động khuyến học, khuyến tài và xây dựng xã hội học tập."
        ),
        **_G,
    },
    {
        "section": "III.8",
        "title": "Tổ chức đánh giá, xếp loại “Đơn vị học tập”",
        "description": (
            "Thực hiện Thông tư số 22/2020/TT-BGDĐT ngày 06 tháng 8 năm 2020 của Bộ Giáo dục và Đào tạo; Công văn số "
            "4384/UBND-VX ngày 24 tháng 12 năm 2021 của UBND Thành phố Hồ Chí Minh. Các cơ quan thuộc Ủy ban nhân "
            "dân huyện, Ủy ban Mặt trận Tổ quốc Việt Nam huyện, các đoàn thể huyện, cơ quan tham mưu, giúp việc "
            "Huyện ủy tự đánh giá, xếp loại Đơn vị học tập và đánh giá, xếp loại các đơn vị học tập thuộc phạm vi "
            "quản lý theo đúng quy định."
        ),
        **_G,
    },
    # V. Tổ chức thực hiện
    # 1. Phòng Giáo dục và Đào tạo huyện
    {
        "section": "V.1",
        "title": (
            "Chủ trì, phối hợp với các phòng, ban, đơn vị liên quan, Ủy ban nhân dân các xã, thị trấn triển khai "
            "thực hiện các nhiệm vụ của kế hoạch"
        ),
        "lead": "pgd",
        "partners": ("phongban", "xa"),
        **_G,
    },
    {
        "section": "V.1",
        "title": (
            "Triển khai thực hiện tiêu chí đánh giá của Bộ Giáo dục và Đào tạo, Ủy ban nhân dân Thành phố về việc "
            "thực hiện xây dựng xã hội học tập của các địa phương"
        ),
        "description": (
            "Khung năng lực thông tin phục vụ học tập suốt đời cho công dân; tiêu chí công nhận huyện, xã, thị trấn "
            "học tập. Tiếp tục triển khai quy chế kiểm tra, công nhận kết quả học tập giáo dục thường xuyên. Phối hợp "
            "tham mưu Ủy ban nhân dân huyện xây dựng cơ chế phối hợp giữa các cấp, các ngành, các tổ chức, doanh "
            "nghiệp trong quá trình xây dựng xã hội học tập."
        ),
        "lead": "pgd",
        **_G,
    },
    {
        "section": "V.1",
        "title": (
            "Xây dựng quy trình phối hợp giữa Phòng Giáo dục và Đào tạo huyện và các phòng, ban, đơn vị liên quan, "
            "các xã, thị trấn để triển khai thực hiện đúng kế hoạch đề ra"
        ),
        "lead": "pgd",
        **_G,
    },
    {"section": "V.1", "title": "Tổ chức các hoạt động trong lĩnh vực học tập suốt đời", "lead": "pgd", **_G},
    {
        "section": "V.1",
        "title": (
            "Tổ chức xét tặng, ghi nhận những tấm gương tiêu biểu về tự học thành tài, các tổ chức, cá nhân có nhiều "
            "đóng góp cho công tác xây dựng xã hội học tập trong năm 2023"
        ),
        "lead": "pgd",
        **_Y,
    },
    {
        "section": "V.1",
        "title": (
            "Tổ chức kiểm tra, giám sát và đánh giá, tổng hợp tổ chức sơ kết vào năm 2023, đề xuất Ủy ban nhân dân "
            "huyện khen thưởng đối với tập thể, cá nhân tiêu biểu"
        ),
        "lead": "pgd",
        **_Y,
    },
    # 2. Phòng Lao động - Thương binh và Xã hội huyện
    {
        "section": "V.2",
        "title": (
            "Xây dựng các chương trình đào tạo bổ sung, đào tạo kỹ năng nghề nghiệp mới cho người lao động; hỗ trợ "
            "học tập cho người bị thiệt thòi, yếu thế trong xã hội"
        ),
        "description": f"Theo {_QD_4202}.",
        "lead": "pld",
        "partners": ("pgd", "phongban", "xa"),
        **_G,
    },
    {
        "section": "V.2",
        "title": (
            "Nhân rộng các mô hình đào tạo, đào tạo lại nghề nghiệp cho người lao động trong các doanh nghiệp; đào "
            "tạo nghề gắn với ngành nghề truyền thống, gắn với sản xuất, kinh doanh ở nông thôn, đồng bào dân tộc "
            "thiểu số"
        ),
        "lead": "pld",
        **_G,
    },
    {
        "section": "V.2",
        "title": (
            "Xây dựng và triển khai các chương trình, dự án, đề án hỗ trợ đào tạo, đào tạo lại cho các đối tượng: "
            "lao động nông thôn, người khuyết tật, người dân tộc thiểu số, phụ nữ, người hết tuổi lao động"
        ),
        "lead": "pld",
        **_G,
    },
    # 3. Phòng Văn hóa và Thông tin huyện
    {
        "section": "V.3",
        "title": "Xây dựng và triển khai kế hoạch truyền thông về xây dựng xã hội học tập",
        "description": (
            "Phối hợp với Phòng Giáo dục và Đào tạo huyện và các đơn vị liên quan. Chỉ đạo, định hướng, cung cấp "
            "thông tin cho các cơ quan báo chí và hệ thông tin cơ sở, tuyên truyền về quan điểm, mục tiêu, nhiệm vụ "
            "và giải pháp của kế hoạch đề ra."
        ),
        "lead": "pvh",
        "partners": ("pgd",),
        **_G,
    },
    {
        "section": "V.3",
        "title": (
            "Chủ trì, phối hợp với các phòng, ban mở rộng danh mục, đối tượng được hỗ trợ cung cấp dịch vụ viễn "
            "thông công ích năm 2023"
        ),
        "lead": "pvh",
        "partners": ("phongban",),
        **_Y,
    },
    # 4. Trung tâm Văn hóa, Trung tâm Thể dục - Thể thao huyện
    {
        "section": "V.4",
        "title": "Tổ chức nhân rộng các mô hình học tập suốt đời trong thư viện, nhà văn hóa, câu lạc bộ",
        "lead": "ttvh",
        "partners": ("tttt",),
        "partners_note": "Cùng thực hiện: Trung tâm Thể dục - Thể thao huyện",
        **_G,
    },
    {
        "section": "V.4",
        "title": (
            "Phối hợp các đơn vị đào tạo, đào tạo lại, bồi dưỡng nâng cao chất lượng nguồn nhân lực làm việc trong "
            "các thiết chế văn hóa - thể thao phục vụ nhu cầu học tập suốt đời của người dân đáp ứng yêu cầu chuyển "
            "đổi số"
        ),
        "lead": "ttvh",
        "partners": ("tttt",),
        "partners_note": "Cùng thực hiện: Trung tâm Thể dục - Thể thao huyện",
        **_G,
    },
    # 5. Phòng Tài chính – Kế hoạch huyện
    {
        "section": "V.5",
        "title": (
            "Bố trí kinh phí trong dự toán ngân sách hằng năm và hướng dẫn cơ chế tài chính triển khai thực hiện các "
            "nhiệm vụ của Đề án theo quy định của Luật Ngân sách Nhà nước"
        ),
        "lead": "ptckh",
        "partners": ("phongban", "xa"),
        "due_text": "Hằng năm",
        **_R,
    },
    {
        "section": "V.5",
        "title": (
            "Rà soát, triển khai thực hiện các chính sách để tăng cường huy động và đa dạng hóa các nguồn lực xã hội "
            "thúc đẩy công tác khuyến học, khuyến tài, xây dựng xã hội học tập"
        ),
        "lead": "ptckh",
        **_G,
    },
    # 6. Phòng Nội vụ huyện
    {
        "section": "V.6",
        "title": "Đẩy mạnh các hoạt động đào tạo, bồi dưỡng cho cán bộ, công chức học tập",
        "description": (
            f"Theo {_QD_4202}; Chỉ thị số 04-CT/TU ngày 08 tháng 4 năm 2016 của Thành ủy Thành phố Hồ Chí Minh; nhằm "
            "nâng cao trình độ chuyên môn nghiệp vụ, ứng dụng công nghệ thông tin, đáp ứng nhu cầu vị trí việc làm "
            "và các chương trình học tập khác nâng cao tri thức và chất lượng cuộc sống người dân trên địa bàn huyện "
            "thành một huyện học tập."
        ),
        "lead": "pnv",
        "partners": ("pgd",),
        **_G,
    },
    # 7. Công an huyện
    {
        "section": "V.7",
        "title": (
            "Tổ chức các lớp học xóa mù chữ, phổ cập giáo dục, đào tạo nghề cho trại viên, phạm nhân và học viên "
            "trong các trại giam, trại tạm giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng"
        ),
        "lead": "ca",
        "partners": ("pgd", "pld"),
        **_G,
    },
    # 8. Đề nghị Liên đoàn Lao động huyện
    {
        "section": "V.8",
        "title": (
            "Đẩy mạnh các hoạt động phát triển nghề nghiệp cho người lao động; tuyên truyền, vận động, động viên, "
            "khuyến khích công nhân, người lao động trong doanh nghiệp học tập nâng cao trình độ, kỹ năng nghề"
        ),
        "lead": "ldld",
        "partners": ("phongban",),
        **_G,
    },
    {
        "section": "V.8",
        "title": (
            "Chỉ đạo các cấp công đoàn hướng dẫn, hỗ trợ công đoàn cơ sở trong các doanh nghiệp vận động người sử "
            "dụng lao động tạo điều kiện cho công nhân, người lao động học tập"
        ),
        "description": (
            "Tạo điều kiện về thời gian, vật chất, thành lập quỹ khuyến học, khuyến tài hỗ trợ công nhân, người lao "
            "động học tập nâng cao trình độ, kỹ năng nghề nghiệp và hỗ trợ con công nhân, người lao động hiếu học có "
            "hoàn cảnh khó khăn, nghèo."
        ),
        "lead": "ldld",
        **_G,
    },
    # 9. Các phòng, ban huyện
    {
        "section": "V.9",
        "title": "Xây dựng kế hoạch cụ thể để triển khai Kế hoạch “Xây dựng xã hội học tập năm 2023”",
        "description": (
            "Lồng ghép việc thực hiện với quá trình triển khai thực hiện các chương trình, kế hoạch khác liên quan. "
            "Tuyên truyền, phổ biến rộng rãi kế hoạch, có trách nhiệm cung ứng các chương trình học tập cho mọi tầng "
            "lớp Nhân dân về các lĩnh vực theo chức năng, nhiệm vụ của từng phòng, ban hỗ trợ cho các xã, thị trấn."
        ),
        "lead": "phongban",
        **_Y,
    },
    # 10. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện, các tổ chức chính trị - xã hội
    {
        "section": "V.10",
        "title": (
            "Phát động các cuộc vận động, phong trào thi đua về công tác khuyến học, khuyến tài, xây dựng xã hội học "
            "tập sâu rộng trên toàn huyện; tham gia giám sát, phản biện xã hội việc triển khai thực hiện Kế hoạch"
        ),
        "description": "Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức thành viên, phối hợp với các phòng, ban.",
        "lead": "mttq",
        "partners": ("phongban",),
        **_G,
    },
    # 10.1. Hội Khuyến học huyện
    {
        "section": "V.10.1",
        "title": "Chủ trì lồng ghép các hoạt động tuyên truyền thông qua hệ thống hội khuyến học các cấp",
        "lead": "hkh",
        **_G,
    },
    {
        "section": "V.10.1",
        "title": (
            "Phối hợp với Phòng Giáo dục và Đào tạo huyện đẩy mạnh hoạt động của các trung tâm học tập cộng đồng"
        ),
        "lead": "hkh",
        "partners": ("pgd",),
        **_G,
    },
    {
        "section": "V.10.1",
        "title": (
            "Nghiên cứu, đề xuất xây dựng tiêu chí công dân học tập; nhân rộng các mô hình học tập trong xã hội phù "
            "hợp với thực tiễn triển khai trên địa bàn huyện"
        ),
        "lead": "hkh",
        **_G,
    },
    {
        "section": "V.10.1",
        "title": (f"Tiếp tục triển khai thực hiện {_QD_4202}; Chỉ thị số 04-CT/TU của Thành ủy Thành phố Hồ Chí Minh"),
        "lead": "hkh",
        **_G,
    },
    # 10.2. Đề nghị Huyện đoàn
    {
        "section": "V.10.2",
        "title": (
            "Tổ chức các hoạt động tuyên truyền về học tập suốt đời, xây dựng xã hội học tập thông qua các phong "
            "trào hành động cách mạng của thanh niên; vận động gây quỹ hỗ trợ thanh niên có hoàn cảnh khó khăn tham "
            "gia học tập"
        ),
        "lead": "doan",
        **_G,
    },
    # 10.3. Đề nghị Hội Liên hiệp Phụ nữ huyện
    {
        "section": "V.10.3",
        "title": (
            "Tham gia tuyên truyền kế hoạch “Xây dựng xã hội học tập năm 2023”, lồng ghép trong phong trào “Phụ nữ "
            "tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”"
        ),
        "description": (
            "Vận động, tuyên truyền phụ nữ và trẻ em gái ở khu vực đồng bào dân tộc thiểu số chưa biết chữ ra học "
            "các lớp giáo dục tiếp tục sau khi biết chữ."
        ),
        "lead": "phunu",
        "partners": ("pgd",),
        **_G,
    },
    # 10.4. Đề nghị Hội Cựu chiến binh, Hội Nông dân, Hội Người cao tuổi, Hội Cựu giáo chức huyện
    {
        "section": "V.10.4",
        "title": (
            "Hướng dẫn các hội cơ sở phối hợp tổ chức các hoạt động khuyến học, khuyến tài, xây dựng xã hội học tập "
            "theo tinh thần xã hội hóa giáo dục; huy động hội viên tham gia chuyển giao công nghệ, hỗ trợ hoạt động "
            "khởi nghiệp, phổ biến kiến thức cho người dân"
        ),
        "lead": "ccb",
        "partners": ("nongdan", "nct", "cgc"),
        "partners_note": "Đồng thực hiện: Hội Nông dân huyện; Hội Người cao tuổi huyện; Hội Cựu giáo chức huyện",
        **_G,
    },
    # 11. Ủy ban nhân dân các xã, thị trấn
    {
        "section": "V.11",
        "title": (
            "Xây dựng kế hoạch thực hiện xã hội học tập năm 2023; kiện toàn Ban Chỉ đạo xây dựng xã hội học tập năm "
            "2023 tại địa phương và gửi về Phòng Giáo dục và Đào tạo huyện"
        ),
        "description": (
            "Phù hợp với kế hoạch phát triển kinh tế xã hội của địa phương; gửi về Phòng Giáo dục và Đào tạo huyện "
            "để tổng hợp báo cáo Ủy ban nhân dân huyện."
        ),
        "lead": "xa",
        "due_kind": DueKind.DATE,
        "due_date": datetime.date(2023, 3, 22),
        "due_text": "Trước ngày 22 tháng 3 năm 2023",
    },
    {
        "section": "V.11",
        "title": (
            "Cân đối, bố trí ngân sách địa phương và huy động các nguồn kinh phí hợp pháp khác để đảm bảo cho việc "
            "triển khai thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ trong công tác xây dựng xã hội học tập năm 2023"
        ),
        "lead": "xa",
        **_Y,
    },
    {
        "section": "V.11",
        "title": (
            "Xây dựng và phát triển các mô hình học tập, ngành nghề đào tạo, các nghề đặc thù cần học tập suốt đời "
            "đáp ứng nhu cầu xã hội và phù hợp quy hoạch của xã, thị trấn"
        ),
        "description": (f"Theo {_QD_4202}; Chỉ thị số 04-CT/TU của Thành ủy Thành phố Hồ Chí Minh."),
        "lead": "xa",
        **_G,
    },
    {
        "section": "V.11",
        "title": (
            "Báo cáo tình hình, kết quả thực hiện công tác xây dựng xã hội học tập năm 2023 về Phòng Giáo dục và Đào "
            "tạo huyện"
        ),
        "description": "Để tổng hợp báo cáo Ủy ban nhân dân huyện, Sở Giáo dục và Đào tạo Thành phố.",
        "lead": "xa",
        "due_kind": DueKind.DATE,
        "due_date": datetime.date(2023, 12, 10),
        "due_text": "Trước ngày 10 tháng 12 năm 2023",
    },
]

PURPOSE = (
    "1. Mục đích\n"
    "- Tiếp tục xây dựng xã hội học tập dựa trên nền tảng phát triển và liên thông giữa giáo dục chính quy với giáo "
    "dục thường xuyên, liên thông giữa các cấp học, trình độ đào tạo; vận dụng mọi hình thức giáo dục, đào tạo tiên "
    "tiến, hiệu quả, phù hợp với mục tiêu giáo dục.\n"
    "- Ứng dụng công nghệ số và dạy học trực tuyến trong tổ chức các hoạt động giảng dạy và học tập góp phần nâng "
    "cao hiệu quả hoạt động của các cơ sở giáo dục và đào tạo đáp ứng nhu cầu học tập của xã hội.\n"
    "- Mọi công dân có trách nhiệm và quyền lợi được học tập thường xuyên, học suốt đời, tận dụng mọi cơ hội học tập "
    "để trở thành công dân số, công dân học tập toàn cầu.\n"
    "2. Yêu cầu\n"
    "- Tiếp tục nâng cao chất lượng công tác xã hội hóa giáo dục, góp phần đảm bảo sự phát triển giáo dục và xây "
    "dựng xã hội học tập bền vững, hiện đại; Ủy ban Mặt trận Tổ quốc Việt Nam, các đoàn thể, các cơ quan, đơn vị "
    "huyện và Ủy ban nhân dân các xã, thị trấn, cộng đồng dân cư và dòng họ, gia đình có trách nhiệm tạo các cơ hội "
    "học tập công bằng và điều kiện thuận lợi để mọi người trong xã hội được tham gia học tập, nhất là các đối tượng "
    "chính sách. Duy trì và phát huy truyền thống hiếu học của gia đình, dòng họ, cộng đồng và công dân học tập; xây "
    "dựng môi trường học tập suốt đời tại nơi làm việc."
)

GENERAL_OBJECTIVE = (
    "Tiếp tục tạo chuyển biến cơ bản trong xây dựng xã hội học tập bảo đảm năm 2023 mọi người dân đều có cơ hội bình "
    "đẳng trong việc tiếp cận hệ thống giáo dục mở, đa dạng, linh hoạt, liên thông, hiện đại với nhiều mô hình, "
    "phương thức và trình độ đào tạo, góp phần đẩy mạnh phát triển nguồn nhân lực."
)

FUNDING = (
    "1. Kinh phí thực hiện Đề án từ nguồn ngân sách nhà nước theo phân cấp ngân sách quy định của Luật Ngân sách nhà "
    "nước. Căn cứ vào nhiệm vụ được giao các đơn vị có liên quan xây dựng kế hoạch và dự toán kinh phí thực hiện, "
    "tổng hợp chung trong kế hoạch dự toán ngân sách hằng năm của các đơn vị theo phân cấp trình cấp có thẩm quyền "
    "phê duyệt.\n"
    "2. Huy động từ các nguồn tài trợ, đóng góp của các tổ chức, doanh nghiệp và các nguồn tài trợ hợp pháp khác."
)

#: The two one-off submissions of the communes (V.11): (title, due date, recipient).
SUBMISSIONS: list[tuple[str, datetime.date, str]] = [
    (
        "Kế hoạch thực hiện xã hội học tập năm 2023 và kiện toàn Ban Chỉ đạo của xã, thị trấn",
        datetime.date(2023, 3, 22),
        "Phòng Giáo dục và Đào tạo huyện (tổng hợp báo cáo Ủy ban nhân dân huyện)",
    ),
    (
        "Báo cáo tình hình, kết quả thực hiện công tác xây dựng xã hội học tập năm 2023",
        datetime.date(2023, 12, 10),
        "Phòng Giáo dục và Đào tạo huyện (tổng hợp báo cáo Ủy ban nhân dân huyện, Sở Giáo dục và Đào tạo Thành phố)",
    ),
]


def _national() -> Plan:
    """QĐ 1373/QĐ-TTg as written by the national module; kept as a reference plan if that module lacks it."""
    from . import national

    national.load()
    found = Plan.objects.filter(unit=national_unit(), number="1373/QĐ-TTg").first()
    if found is not None:
        return found
    return plan(
        unit=national_unit(),
        number="1373/QĐ-TTg",
        title=f"Phê duyệt {SCHEME}",
        issuing_body="Thủ tướng Chính phủ",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2021, 7, 30),
        kind=PlanKind.DECISION,
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
    )


def _parent() -> Plan:
    """The district's plan for 2021-2030 under the city's plan: both only cited, so reference plans."""
    city_plan = plan(
        unit=legacy_unit(CITY_CODE),
        number=CITY_NUMBER,
        title=CITY_TITLE,
        issuing_body="UBND Thành phố Hồ Chí Minh",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2021, 12, 22),
        parent=_national(),
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
        source_note="Dẫn chiếu trong Kế hoạch năm 2023 của UBND huyện Củ Chi (shared/seeds/000_0115b41f75aab8c1.txt)",
    )
    return plan(
        unit=legacy_unit(UNIT_CODE),
        number=DISTRICT_NUMBER,
        title=DISTRICT_TITLE,
        issuing_body="UBND huyện Củ Chi",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2022, 2, 21),
        parent=city_plan,
        status=PlanStatus.REFERENCE,
        milestone_years=(2025, 2030),
        source_note="Dẫn chiếu trong Kế hoạch năm 2023 của UBND huyện Củ Chi (shared/seeds/000_0115b41f75aab8c1.txt)",
    )


def get_plan() -> Plan:
    return Plan.objects.get(unit=legacy_unit(UNIT_CODE), title=TITLE)


def load() -> None:
    parent = _parent()
    district = legacy_unit(UNIT_CODE)
    agencies = {key: agency(district, name, kind, short) for key, (name, kind, short) in AGENCIES.items()}
    basis = [
        document(
            "1373/QĐ-TTg",
            "Về việc phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
            "Thủ tướng Chính phủ",
            datetime.date(2021, 7, 30),
        ),
        document(CITY_NUMBER, CITY_TITLE, "UBND Thành phố Hồ Chí Minh", datetime.date(2021, 12, 22)),
        document(DISTRICT_NUMBER, DISTRICT_TITLE, "UBND huyện Củ Chi", datetime.date(2022, 2, 21)),
    ]
    obj = plan(
        unit=district,
        number="",
        title=TITLE,
        issuing_body="UBND huyện Củ Chi",
        start_year=YEAR,
        end_year=YEAR,
        parent=parent,
        status=PlanStatus.ISSUED,
        milestone_years=(YEAR,),
        legal_basis=basis,
        purpose=PURPOSE,
        general_objective=GENERAL_OBJECTIVE,
        funding=FUNDING,
        source_note="Kế hoạch năm 2023 (không ghi số, ngày) của UBND huyện Củ Chi (shared/seeds/000_0115b41f75aab8c1.txt)",
    )

    for code, value, kind, note, extra in TARGETS:
        target(obj, code, YEAR, value, kind, note=note, **extra)

    for i, data in enumerate(TASKS, start=1):
        fields = dict(data)
        title = fields.pop("title")
        lead = agencies[fields.pop("lead")] if "lead" in fields else None
        partners = [agencies[key] for key in fields.pop("partners", ())]
        task(obj, title, lead=lead, partners=partners, order=i, **fields)

    for title, due_date, recipient in SUBMISSIONS:
        rule = reporting_rule(
            obj,
            title=title,
            frequency=Frequency.ONCE,
            due_date=due_date,
            reporting_level=Level.COMMUNE,
            recipient=recipient,
        )
        rule.reporting_agencies.add(agencies["xa"])
