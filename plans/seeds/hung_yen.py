"""Seed: UBND tỉnh Hưng Yên, Kế hoạch số 74/KH-UBND ngày 10/6/2013 (shared/seeds/001_c257e9a09d1695fa.txt).

Triển khai thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020” (QĐ 89/QĐ-TTg) trên địa bàn tỉnh:
targets for 2015 and 2020 (section II), the tasks and solutions (III), the tasks per agency (IV), the
timeline (V), the reporting rule (VI: before 15/6 and 15/12 every year) and the appendix of 18 work items.
"""

from __future__ import annotations

import datetime

from plans.models import DueKind, Frequency, Plan, PlanKind, PlanStatus, TargetKind
from units.models import AgencyKind, Level

from ._common import agency, document, legacy_unit, national_unit, plan, reporting_rule, target, task

NUMBER = "74/KH-UBND"
UNIT_CODE = "33"  # Tỉnh Hưng Yên
TITLE = "Triển khai thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020” trên địa bàn tỉnh Hưng Yên"

AT_LEAST, MAINTAIN, INCREASE = TargetKind.AT_LEAST, TargetKind.MAINTAIN, TargetKind.INCREASE

#: key -> (name, kind, short name). All on the province unit.
AGENCIES: dict[str, tuple[str, str, str]] = {
    "bcd": ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", AgencyKind.STEERING_COMMITTEE, "Ban Chỉ đạo tỉnh"),
    "sgd": ("Sở Giáo dục và Đào tạo", AgencyKind.EDUCATION_DEPARTMENT, "Sở GD&ĐT"),
    "sld": ("Sở Lao động - Thương binh và Xã hội", AgencyKind.DEPARTMENT, "Sở LĐ-TB&XH"),
    "snn": ("Sở Nông nghiệp và Phát triển nông thôn", AgencyKind.DEPARTMENT, "Sở NN&PTNT"),
    "svh": ("Sở Văn hoá, Thể thao và Du lịch", AgencyKind.DEPARTMENT, "Sở VH,TT&DL"),
    "stt": ("Sở Thông tin và Truyền thông", AgencyKind.DEPARTMENT, "Sở TT&TT"),
    "skh": ("Sở Kế hoạch và Đầu tư", AgencyKind.DEPARTMENT, "Sở KH&ĐT"),
    "stc": ("Sở Tài chính", AgencyKind.DEPARTMENT, ""),
    "snv": ("Sở Nội vụ", AgencyKind.DEPARTMENT, ""),
    "skhcn": ("Sở Khoa học và Công nghệ", AgencyKind.DEPARTMENT, "Sở KH&CN"),
    "songanh": ("Các sở, ban, ngành, đoàn thể tỉnh", AgencyKind.DEPARTMENT, ""),
    "huyen": ("Ủy ban nhân dân các huyện, thành phố", AgencyKind.PEOPLES_COMMITTEE, "UBND các huyện, thành phố"),
    "dai": ("Đài Phát thanh và Truyền hình tỉnh", AgencyKind.OTHER, "Đài PT-TH"),
    "bao": ("Báo Hưng Yên", AgencyKind.OTHER, ""),
    "mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", AgencyKind.MASS_ORGANISATION, "UBMTTQ tỉnh"),
    "ldld": ("Liên đoàn Lao động tỉnh", AgencyKind.MASS_ORGANISATION, ""),
    "doan": ("Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", AgencyKind.MASS_ORGANISATION, "Tỉnh Đoàn"),
    "phunu": ("Hội Liên hiệp Phụ nữ tỉnh", AgencyKind.MASS_ORGANISATION, ""),
    "hkh": ("Hội Khuyến học tỉnh", AgencyKind.LEARNING_ASSOCIATION, ""),
    "nongdan": ("Hội Nông dân tỉnh", AgencyKind.MASS_ORGANISATION, ""),
    "nct": ("Hội Người cao tuổi tỉnh", AgencyKind.MASS_ORGANISATION, ""),
    "ccb": ("Hội Cựu chiến binh tỉnh", AgencyKind.MASS_ORGANISATION, ""),
}

_PCGD = (
    "100% các huyện, thành phố tiếp tục củng cố vững chắc kết quả phổ cập giáo dục mầm non cho trẻ em năm tuổi, "
    "phổ cập giáo dục tiểu học đúng độ tuổi, phổ cập giáo dục trung học cơ sở"
)
_CADRE_IT = (
    "% cán bộ, công chức, viên chức tham gia các chương trình học tập nâng cao trình độ ứng dụng công nghệ thông "
    "tin đáp ứng yêu cầu của vị trí việc làm"
)
_WORKER_IT_FL = (
    "tăng tỷ lệ số công nhân lao động có kiến thức cơ bản về tin học, ngoại ngữ đáp ứng yêu cầu công việc và giao "
    "lưu văn hoá"
)
_LIFE_SKILLS = (
    "tăng dần tỷ lệ học sinh, sinh viên và người lao động tham gia học tập các chương trình kỹ năng sống để xây "
    "dựng cuộc sống cá nhân và cộng đồng ngày càng hạnh phúc hơn"
)
_RURAL = (
    "% lao động nông thôn tham gia học tập cập nhật kiến thức, kỹ năng, chuyên giao khoa học kỹ thuật công nghệ "
    "sản xuất tại các trung tâm học tập cộng đồng"
)
_CLC = "Phấn đấu tăng số lượng trung tâm học tập cộng đồng hoạt động có hiệu quả (mục III.3.a)"

#: (indicator, year, value, kind, note) — section II of the plan.
TARGETS: list[tuple[str, int, str | None, str, str]] = [
    # 1. Mục tiêu đến năm 2015
    (
        "XMC2_15_60",
        2015,
        "99.80",
        AT_LEAST,
        "Trên 99,80% người trong độ tuổi từ 15 đến 60 biết chữ; ưu tiên xoá mù chữ ở những vùng khó khăn cho phụ "
        "nữ, trẻ em gái; đảm bảo tỷ lệ biết chữ cân bằng giữa nam và nữ",
    ),
    ("XMC1_15_35", 2015, "99.90", AT_LEAST, "99,90% người trong độ tuổi 15 đến 35 biết chữ"),
    (
        "NEW_LITERATE_CONTINUE",
        2015,
        "90",
        AT_LEAST,
        "90% số người mới biết chữ tiếp tục học tập và không mù chữ trở lại",
    ),
    ("PCGD_MN", 2015, "100", MAINTAIN, _PCGD),
    ("PCGD_TH", 2015, "100", MAINTAIN, _PCGD),
    ("PCGD_THCS", 2015, "100", MAINTAIN, _PCGD),
    ("CADRE_IT", 2015, "90", AT_LEAST, "90" + _CADRE_IT),
    ("CADRE_FL_L2", 2015, "20", AT_LEAST, "20% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2"),
    ("CADRE_FL_L3", 2015, "5", AT_LEAST, "5% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 3"),
    ("WORKER_IT_FL", 2015, None, INCREASE, "Hàng năm, " + _WORKER_IT_FL),
    (
        "CADRE_TRAINED_STANDARD",
        2015,
        "100",
        AT_LEAST,
        "Cán bộ, công chức từ tỉnh đến cấp huyện: 100% được đào tạo đáp ứng tiêu chuẩn quy định, đảm bảo sau khi "
        "được đào tạo, bồi dưỡng làm việc có hiệu quả hơn so với trước; được trang bị và nâng cao kiến thức về văn "
        "hoá công sở, trách nhiệm và đạo đức công vụ",
    ),
    (
        "LEADER_TRAINED",
        2015,
        "100",
        AT_LEAST,
        "100% cán bộ, công chức giữ các chức vụ lãnh đạo, quản lý các cấp được đào tạo, bồi dưỡng theo chương "
        "trình quy định",
    ),
    (
        "LEADER_TRAINED_BEFORE_APPOINTMENT",
        2015,
        "100",
        AT_LEAST,
        "100% cán bộ lãnh đạo, quản lý cấp phòng, ban, bộ phận và tương đương được đào tạo, bồi dưỡng theo chương "
        "trình quy định trước khi bổ nhiệm",
    ),
    (
        "CADRE_MANDATORY_TRAINING",
        2015,
        "90",
        AT_LEAST,
        "Cán bộ, công chức từ tỉnh đến cấp huyện: 90% thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
    ),
    (
        "COMMUNE_CADRE_FOSTERED",
        2015,
        "100",
        AT_LEAST,
        "100% cán bộ cấp xã được bồi dưỡng kiến thức, kỹ năng lãnh đạo, quản lý, điều hành theo vị trí công việc",
    ),
    (
        "COMMUNE_CADRE_QUALIFIED",
        2015,
        "95",
        AT_LEAST,
        "95% cán bộ cấp xã có trình độ chuyên môn theo chuẩn quy định",
    ),
    (
        "COMMUNE_CIVIL_MANDATORY_TRAINING",
        2015,
        "75",
        AT_LEAST,
        "75% công chức cấp xã thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
    ),
    ("RURAL_LABOUR_CLC", 2015, "60", AT_LEAST, "60" + _RURAL),
    (
        "WORKER_UPPER_SECONDARY",
        2015,
        "90",
        AT_LEAST,
        "90% công nhân lao động tại khu công nghiệp có trình độ học vấn trung học phổ thông hoặc tương đương",
    ),
    (
        "WORKER_HIGH_SKILL",
        2015,
        None,
        INCREASE,
        "Tăng tỷ lệ công nhân lao động có tay nghề cao ở các ngành kinh tế mũi nhọn",
    ),
    ("WORKER_VOCATIONAL", 2015, "95", AT_LEAST, "Phấn đấu 95% công nhân qua đào tạo nghề"),
    ("LIFE_SKILLS_PROGRAMMES", 2015, None, INCREASE, "Hàng năm, " + _LIFE_SKILLS),
    (
        "STUDENT_LIFE_SKILLS",
        2015,
        "50",
        AT_LEAST,
        "Phấn đấu 50% học sinh, sinh viên được học kỹ năng sống tại các cơ sở giáo dục",
    ),
    ("CLC_EFFECTIVE", 2015, None, INCREASE, _CLC),
    # 2. Mục tiêu đến năm 2020
    (
        "XMC2_15_60",
        2020,
        "98.85",
        AT_LEAST,
        "98,85% người trong độ tuổi từ 15 đến 60 biết chữ (nguyên văn; thấp hơn chỉ tiêu “trên 99,80%” năm 2015, "
        "có thể là lỗi đánh máy)",
    ),
    ("XMC1_15_35", 2020, "99.95", AT_LEAST, "99,95% người trong độ tuổi 15 đến 35 biết chữ"),
    (
        "NEW_LITERATE_CONTINUE",
        2020,
        "95",
        AT_LEAST,
        "95% số người mới biết chữ tiếp tục học tập và không mù chữ trở lại",
    ),
    ("PCGD_MN", 2020, "100", MAINTAIN, _PCGD),
    ("PCGD_TH", 2020, "100", MAINTAIN, _PCGD),
    ("PCGD_THCS", 2020, "100", MAINTAIN, _PCGD),
    ("CADRE_IT", 2020, "100", AT_LEAST, "100" + _CADRE_IT),
    ("CADRE_FL_L2", 2020, "50", AT_LEAST, "50% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2"),
    ("CADRE_FL_L3", 2020, "30", AT_LEAST, "30% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 3"),
    ("WORKER_IT_FL", 2020, None, INCREASE, "Hàng năm, tiếp tục " + _WORKER_IT_FL),
    (
        "CADRE_TRAINED_STANDARD",
        2020,
        "100",
        MAINTAIN,
        "Cán bộ, công chức từ cấp tỉnh đến cấp huyện: tiếp tục duy trì 100% được đào tạo đáp ứng tiêu chuẩn quy định",
    ),
    (
        "LEADER_TRAINED",
        2020,
        "100",
        MAINTAIN,
        "Duy trì 100% cán bộ công chức giữ các chức vụ lãnh đạo, quản lý các cấp được đào tạo, bồi dưỡng theo "
        "chương trình quy định",
    ),
    (
        "CADRE_MANDATORY_TRAINING",
        2020,
        "95",
        AT_LEAST,
        "Cán bộ, công chức từ cấp tỉnh đến cấp huyện: 95% thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
    ),
    (
        "COMMUNE_CADRE_FOSTERED",
        2020,
        "100",
        AT_LEAST,
        "100% cán bộ cấp xã được bồi dưỡng kiến thức, kỹ năng lãnh đạo, quản lý, điều hành theo vị trí công việc",
    ),
    (
        "COMMUNE_CADRE_QUALIFIED",
        2020,
        "100",
        AT_LEAST,
        "100% cán bộ cấp xã có trình độ chuyên môn theo chuẩn quy định",
    ),
    (
        "COMMUNE_CIVIL_MANDATORY_TRAINING",
        2020,
        "90",
        AT_LEAST,
        "90% công chức cấp xã thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
    ),
    ("RURAL_LABOUR_CLC", 2020, "80", AT_LEAST, "80" + _RURAL),
    (
        "WORKER_UPPER_SECONDARY",
        2020,
        "95",
        AT_LEAST,
        "95% công nhân lao động tại khu công nghiệp có trình độ học vấn trung học phổ thông hoặc tương đương",
    ),
    (
        "WORKER_HIGH_SKILL",
        2020,
        None,
        INCREASE,
        "Tăng tỷ lệ công nhân lao động có tay nghề cao ở các ngành kinh tế mũi nhọn",
    ),
    ("WORKER_VOCATIONAL", 2020, "98", AT_LEAST, "Phấn đấu 98% công nhân qua đào tạo nghề"),
    ("LIFE_SKILLS_PROGRAMMES", 2020, None, INCREASE, "Hàng năm, tiếp tục " + _LIFE_SKILLS),
    (
        "STUDENT_LIFE_SKILLS",
        2020,
        "70",
        AT_LEAST,
        "Phấn đấu 70% học sinh, sinh viên được học kỹ năng sống tại các cơ sở giáo dục",
    ),
    ("CLC_EFFECTIVE", 2020, None, INCREASE, _CLC),
]

_G = {"due_kind": DueKind.GUIDANCE}
_R = {"due_kind": DueKind.RECURRING}

#: Sections III (tasks and solutions), IV (per agency) and V (timeline). ``lead``/``partners`` are AGENCIES keys.
TASKS: list[dict] = [
    # III. Nhiệm vụ, giải pháp
    {
        "section": "III.1",
        "title": "Nâng cao nhận thức về mục đích, ý nghĩa, vai trò, lợi ích của việc xây dựng xã hội học tập",
        "description": (
            "a) Tổ chức các hình thức tuyên truyền phong phú trên các phương tiện thông tin đại chúng, trong các "
            "nhà trường, cơ quan, doanh nghiệp, khu dân cư, qua các hội nghị, hội thảo, mạng internet.\n"
            "b) Tổ chức tuyên truyền xây dựng xã hội học tập thông qua phong trào gia đình hiếu học, dòng họ hiếu "
            "học, phát động phong trào đơn vị học tập, cộng đồng học tập.\n"
            "c) Tổ chức bằng nhiều hình thức Tuần lễ hưởng ứng học tập suốt đời phong phú, cụ thể để động viên mọi "
            "tầng lớp nhân dân tham gia học tập; tổ chức hằng năm ở các địa phương.\n"
            "d) Xây dựng và tổ chức thực hiện chuyên mục “Xây dựng xã hội học tập” trên Báo Hưng Yên, Đài Phát "
            "thanh và Truyền hình tỉnh; biên soạn và phát hành bản tin, các tài liệu tuyên truyền về xây dựng xã "
            "hội học tập.\n"
            "đ) Tổ chức tuyên dương, khen thưởng các đơn vị và các cá nhân có nhiều thành tích trong công tác xây "
            "dựng xã hội học tập; tổ chức xét tặng danh hiệu “Đơn vị học tập” cho các cơ quan, các địa phương."
        ),
        **_G,
    },
    {
        "section": "III.2",
        "title": (
            "Tổ chức các hoạt động học tập suốt đời thông qua các phương tiện thông tin đại chúng, thư viện, bảo "
            "tàng, nhà văn hoá, câu lạc bộ"
        ),
        "description": (
            "a) Các phương tiện thông tin đại chúng thực hiện các chương trình giáo dục từ xa, bồi dưỡng, phổ biến "
            "kiến thức về các lĩnh vực của khoa học và đời sống.\n"
            "b) Xây dựng kế hoạch triển khai thực hiện Đề án Đẩy mạnh các hoạt động học tập suốt đời trong thư "
            "viện, bảo tàng, nhà văn hoá, câu lạc bộ trên địa bàn tỉnh."
        ),
        **_G,
    },
    {
        "section": "III.3",
        "title": "Củng cố, phát triển mạng lưới các cơ sở giáo dục",
        "description": (
            "a) Trung tâm học tập cộng đồng: củng cố, phát triển bền vững; tăng cường đầu tư kinh phí và cơ sở vật "
            "chất; tăng cường tập huấn tổ chức hoạt động cho cán bộ quản lý; đa dạng hoá nội dung, chương trình, "
            "hình thức giáo dục. Phấn đấu tăng số lượng trung tâm học tập cộng đồng hoạt động có hiệu quả. Phát "
            "triển mô hình trung tâm học tập cộng đồng kết hợp trung tâm văn hoá thể thao xã, phường, thị trấn.\n"
            "b) Trung tâm giáo dục thường xuyên: nâng cao chất lượng, năng lực của các trung tâm giáo dục thường "
            "xuyên cấp tỉnh, huyện; đa dạng hoá nội dung, chương trình, hình thức hoạt động.\n"
            "c) Các cơ sở giáo dục chính quy làm nhiệm vụ giáo dục thường xuyên: đổi mới phương pháp dạy học, kiểm "
            "tra, đánh giá; nghiên cứu hình thức học tập suốt đời, phát triển học liệu; bồi dưỡng phương pháp giáo "
            "dục người lớn cho giáo viên các cơ sở giáo dục thường xuyên; giáo dục kỹ năng sống cho học sinh, sinh "
            "viên.\n"
            "d) Các cơ sở giáo dục khác: củng cố, phát triển các trung tâm ngoại ngữ, tin học; khuyến khích các cơ "
            "quan, tổ chức, cơ sở sản xuất, kinh doanh, dịch vụ thành lập các cơ sở học tập, bồi dưỡng thường xuyên "
            "cho người lao động."
        ),
        **_G,
    },
    {
        "section": "III.4",
        "title": "Đẩy mạnh hình thức học từ xa, học qua mạng",
        "description": (
            "a) Đẩy mạnh các hoạt động đào tạo từ xa ở các cơ sở giáo dục và đào tạo.\n"
            "b) Tăng cường xây dựng cơ sở vật chất và hạ tầng công nghệ thông tin phục vụ cho việc đào tạo từ xa, "
            "đào tạo trực tuyến (E-learning); tăng cường ứng dụng công nghệ thông tin và truyền thông trong việc "
            "cung ứng các chương trình học tập suốt đời cho mọi người."
        ),
        **_G,
    },
    {
        "section": "III.5",
        "title": ("Triển khai các biện pháp hỗ trợ người học nhằm nâng cao chất lượng và hiệu quả học tập suốt đời"),
        "description": (
            "a) Tạo điều kiện hỗ trợ cho người học thuộc nhóm chính sách, phụ nữ, đặc biệt là các xã có điều kiện "
            "kinh tế-xã hội còn nhiều khó khăn.\n"
            "b) Trang bị tài liệu học tập về các lĩnh vực của đời sống xã hội đáp ứng nhu cầu học tập đa dạng của "
            "mọi tầng lớp nhân dân.\n"
            "d) Đổi mới phương pháp dạy học, đổi mới kiểm tra đánh giá phù hợp với việc học tập của người lớn."
        ),
        **_G,
    },
    {
        "section": "III.6",
        "title": (
            "Xây dựng cơ chế phối hợp giữa các cấp, các ngành, các tổ chức, doanh nghiệp trong quá trình xây dựng "
            "xã hội học tập"
        ),
        "description": (
            "a) Quy định trách nhiệm, nghĩa vụ, quyền lợi của các tổ chức và cá nhân, cơ chế tham gia, phối hợp của "
            "các cấp, các ngành, các tổ chức, doanh nghiệp đối với học tập suốt đời, xây dựng xã hội học tập.\n"
            "b) Xây dựng bộ chỉ số đánh giá việc thực hiện xây dựng xã hội học tập theo hướng dẫn của Bộ Giáo dục "
            "và Đào tạo.\n"
            "c) Các cơ quan nhà nước, các tổ chức kinh tế, tổ chức xã hội, đơn vị lực lượng vũ trang nhân dân đưa "
            "xây dựng xã hội học tập là nội dung bắt buộc trong chương trình, kế hoạch hoạt động, thi đua hàng năm "
            "và từng giai đoạn.\n"
            "d) Củng cố Ban Chỉ đạo xây dựng xã hội học tập cấp huyện, cấp xã.\n"
            "đ) Củng cố, xây dựng bộ phận làm đầu mối quản lý về học tập suốt đời, xây dựng xã hội học tập ở các "
            "sở, ngành, tổ chức, đoàn thể, doanh nghiệp.\n"
            "e) Khuyến khích doanh nghiệp, tổ chức, cá nhân và cộng đồng xây dựng “Quỹ học tập suốt đời” để hỗ trợ "
            "người lao động học tập nâng cao trình độ nghề nghiệp, hoặc đào tạo lại cho những người chuyển đổi "
            "nghề nghiệp."
        ),
        **_G,
    },
    {
        "section": "III.7",
        "title": "Tăng cường giao lưu học tập trong nước và quốc tế",
        "description": (
            "a) Tranh thủ sự hỗ trợ của các tổ chức quốc tế về xây dựng xã hội học tập; phối hợp tổ chức các hội "
            "nghị, hội thảo nhằm chia sẻ kinh nghiệm, cập nhật thông tin về học tập suốt đời và xây dựng xã hội học "
            "tập với các tỉnh.\n"
            "b) Tổ chức nghiên cứu, học tập kinh nghiệm về học tập suốt đời và xây dựng xã hội học tập tại một số "
            "nước có nhiều kinh nghiệm trong lĩnh vực này.\n"
            "c) Hợp tác quốc tế trong lĩnh vực đào tạo từ xa."
        ),
        **_G,
    },
    {
        "section": "III.8",
        "title": (
            "Hàng năm xây dựng kế hoạch và dự trù kinh phí thực hiện gửi về Sở Giáo dục và Đào tạo, Sở Tài chính "
            "để tổng hợp trình UBND tỉnh xem xét, phê duyệt"
        ),
        "lead": "songanh",
        "partners": ["huyen", "sgd", "stc"],
        "partners_note": "Các sở, ngành, huyện, thành phố gửi về Sở Giáo dục và Đào tạo, Sở Tài chính tổng hợp",
        "due_text": "Hàng năm",
        **_R,
    },
    # IV. Tổ chức thực hiện
    # 1. Sở Giáo dục và Đào tạo
    {
        "section": "IV.1",
        "title": (
            "Là cơ quan thường trực, giúp UBND tỉnh triển khai thực hiện Kế hoạch; tổ chức thực hiện; xây dựng các "
            "văn bản hướng dẫn xây dựng xã hội học tập và các vấn đề khác theo hướng dẫn của Bộ Giáo dục và Đào tạo"
        ),
        "lead": "sgd",
        "partners": ["songanh"],
        "partners_note": "Các sở, ban, ngành liên quan",
        **_G,
    },
    {
        "section": "IV.1",
        "title": "Triển khai thực hiện các đề án thành phần theo chỉ đạo của Trung ương",
        "lead": "sgd",
        "partners_note": "Các đơn vị liên quan",
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            "Tổ chức phổ biến kiến thức về các lĩnh vực phát triển kinh tế, văn hoá-xã hội, pháp luật, bảo vệ sức "
            "khỏe, bảo vệ môi trường trong các trung tâm học tập cộng đồng để đáp ứng nhu cầu học tập đa dạng của "
            "mọi tầng lớp nhân dân"
        ),
        "lead": "sgd",
        "partners": ["skhcn"],
        "partners_note": "Sở Khoa học và Công nghệ, các cơ quan, tổ chức, cá nhân liên quan",
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            "Xây dựng bộ chỉ số đánh giá việc thực hiện xây dựng xã hội học tập của các sở, ban, ngành, địa phương"
        ),
        "lead": "sgd",
        "partners": ["hkh"],
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            "Tổ chức thực hiện các nội dung các lĩnh vực xóa mù chữ, phổ cập giáo dục, bồi dưỡng ngoại ngữ và tin "
            "học, giáo dục kỹ năng sống cho học sinh, sinh viên; xây dựng Đề án phát triển giáo dục từ xa theo "
            "hướng dẫn của Bộ Giáo dục và Đào tạo"
        ),
        "lead": "sgd",
        "partners_note": "Các cơ quan, tổ chức, cá nhân liên quan",
        "due_text": "Theo hướng dẫn của Bộ Giáo dục và Đào tạo",
        **_G,
    },
    {
        "section": "IV.1",
        "title": (
            "Kiểm tra, giám sát, tổng hợp tình hình thực hiện Kế hoạch; định kỳ 6 tháng, hàng năm báo cáo UBND "
            "tỉnh và Bộ Giáo dục và Đào tạo"
        ),
        "lead": "sgd",
        "due_text": "Định kỳ 6 tháng, hàng năm",
        **_R,
    },
    # 2. Sở Lao động - Thương binh và Xã hội
    {
        "section": "IV.2",
        "title": "Xây dựng kế hoạch phát triển dạy nghề gắn với sản xuất và dạy nghề ở nông thôn",
        "lead": "sld",
        "partners": ["snn", "huyen"],
        "partners_note": "Sở Nông nghiệp và Phát triển nông thôn, các sở, ban, ngành liên quan, các huyện và thành phố",
        **_G,
    },
    {
        "section": "IV.2",
        "title": (
            "Triển khai, thực hiện có hiệu quả Quyết định số 914/QĐ-UBND ngày 31/5/2011 của UBND tỉnh ban hành Đề "
            "án Dạy nghề cho lao động nông thôn tỉnh Hưng Yên đến năm 2020"
        ),
        "lead": "sld",
        "partners": ["huyen"],
        "partners_note": "Các sở, ngành liên quan, UBND các huyện, thành phố",
        **_G,
    },
    {
        "section": "IV.2",
        "title": (
            "Thực hiện Đề án “Hỗ trợ cho người lao động nông thôn, những người hết tuổi lao động, người nội trợ, "
            "người khuyết tật có điều kiện để học tập suốt đời” trên địa bàn tỉnh"
        ),
        "lead": "sld",
        "due_text": "Theo hướng dẫn của Bộ Lao động-Thương binh và Xã hội",
        **_G,
    },
    # 3. Sở Văn hoá, Thể thao và Du lịch
    {
        "section": "IV.3",
        "title": (
            "Xây dựng Kế hoạch triển khai thực hiện Đề án “Đẩy mạnh các hoạt động học tập suốt đời trong các thư "
            "viện, bảo tàng, nhà văn hoá, câu lạc bộ” trên địa bàn tỉnh"
        ),
        "lead": "svh",
        "partners": ["huyen"],
        "partners_note": "Các sở, ngành liên quan, UBND các huyện, thành phố",
        "due_text": "Theo hướng dẫn của Bộ Văn hóa-Thể thao và Du lịch",
        **_G,
    },
    {
        "section": "IV.3",
        "title": "Trang bị kiến thức nâng cao văn hoá công sở cho cán bộ, công chức, viên chức",
        "lead": "svh",
        "partners": ["songanh", "huyen"],
        "partners_note": "Các sở, ngành, huyện, thành phố",
        **_G,
    },
    {
        "section": "IV.3",
        "title": (
            "Hướng dẫn các địa phương củng cố, kiện toàn mô hình hoạt động của trung tâm học tập cộng đồng kết hợp "
            "với trung tâm văn hoá thể thao xã"
        ),
        "lead": "sgd",
        "partners": ["svh"],
        "partners_note": "Sở Văn hoá, Thể thao và Du lịch phối hợp với Sở Giáo dục và Đào tạo",
        **_G,
    },
    # 4. Sở Thông tin và Truyền thông
    {
        "section": "IV.4",
        "title": "Tổ chức tuyên truyền về xây dựng xã hội học tập",
        "lead": "stt",
        "partners_note": "Các cơ quan liên quan",
        **_G,
    },
    {
        "section": "IV.4",
        "title": "Xây dựng Kế hoạch triển khai thực hiện Đề án “Truyền thông về xây dựng xã hội học tập”",
        "lead": "stt",
        "partners_note": "Các sở, ngành liên quan",
        "due_text": "Theo hướng dẫn của Bộ Thông tin và Truyền thông",
        **_G,
    },
    # 5. Sở Kế hoạch và Đầu tư
    {
        "section": "IV.5",
        "title": "Tham mưu bố trí kinh phí để thực hiện Kế hoạch theo quy định của Luật Ngân sách nhà nước",
        "lead": "skh",
        **_G,
    },
    # 6. Sở Tài chính (IV.5 gạch đầu dòng 2: Sở Kế hoạch và Đầu tư phối hợp)
    {
        "section": "IV.6",
        "title": (
            "Hướng dẫn cơ chế quản lý tài chính, đầu tư đối với hoạt động của Kế hoạch; phối hợp kiểm tra, giám sát "
            "thực hiện Kế hoạch"
        ),
        "lead": "stc",
        "partners": ["skh"],
        "partners_note": "Sở Kế hoạch và Đầu tư, các sở, ngành liên quan",
        **_G,
    },
    {
        "section": "IV.6",
        "title": (
            "Tham mưu mức phụ cấp cán bộ quản lý của trung tâm học tập cộng đồng xã, phường, thị trấn theo Thông "
            "tư số 96/2008/TT-BTC ngày 27/10/2008 của Bộ Tài chính"
        ),
        "lead": "stc",
        "partners_note": "Các sở, ngành liên quan",
        **_G,
    },
    # 7. Sở Nội vụ
    {
        "section": "IV.7",
        "title": (
            "Thực hiện bồi dưỡng cán bộ công chức, viên chức từ cấp tỉnh đến cấp xã; thực hiện tốt Kế hoạch số "
            "15/KH-UBND ngày 16/02/2012 của UBND tỉnh về đào tạo, bồi dưỡng cán bộ, công chức giai đoạn 2011-2015; "
            "phối hợp kiểm tra, giám sát thực hiện Kế hoạch"
        ),
        "lead": "snv",
        "partners_note": "Các sở, ngành liên quan",
        **_G,
    },
    # 8. Các sở, ngành khác
    {
        "section": "IV.8",
        "title": (
            "Cung ứng cơ hội học tập suốt đời và tạo điều kiện thuận lợi để đội ngũ cán bộ, công chức, viên chức và "
            "người lao động thuộc ngành mình được học tập suốt đời, trang bị tài liệu học tập cho mọi tầng lớp nhân "
            "dân về lĩnh vực theo chức năng và nhiệm vụ của từng sở, ngành"
        ),
        "lead": "songanh",
        "partners": ["sgd"],
        "partners_note": "Các sở, ngành khác; phối hợp chặt chẽ với Sở Giáo dục và Đào tạo, các cơ quan có liên quan",
        **_G,
    },
    # 9. Đài Phát thanh - Truyền hình, Báo Hưng Yên
    {
        "section": "IV.9",
        "title": (
            "Tổ chức các hình thức tuyên truyền phong phú về xây dựng xã hội học tập thông qua các phong trào gia "
            "đình hiếu học, dòng họ hiếu học, phát động phong trào đơn vị học tập, cộng đồng học tập"
        ),
        "lead": "dai",
        "partners": ["bao"],
        "partners_note": "Đài Phát thanh - Truyền hình và Báo Hưng Yên cùng thực hiện",
        **_G,
    },
    {
        "section": "IV.9",
        "title": (
            "Xây dựng chuyên mục “Xây dựng xã hội học tập” qua đó vận động người dân học tập thường xuyên, suốt "
            "đời, tận dụng mọi cơ hội để học tập nâng cao đời sống vật chất và tinh thần"
        ),
        "lead": "dai",
        "partners": ["bao"],
        "partners_note": "Đài Phát thanh - Truyền hình và Báo Hưng Yên cùng thực hiện",
        **_G,
    },
    # 10. Ủy ban nhân dân các huyện, thành phố
    {
        "section": "IV.10.a",
        "title": (
            "Thành lập Ban Chỉ đạo xây dựng xã hội học tập cấp huyện; chỉ đạo thành lập Ban Chỉ đạo xây dựng xã hội "
            "học tập cấp xã"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "IV.10.b",
        "title": "Ban hành Kế hoạch thực hiện xây dựng xã hội học tập trên địa bàn",
        "lead": "huyen",
        **_G,
    },
    {
        "section": "IV.10.c",
        "title": (
            "Chỉ đạo các cơ quan chuyên môn trực thuộc, UBND cấp xã chủ động, phối hợp tốt với các tổ chức chính "
            "trị-xã hội, tổ chức nghề nghiệp để triển khai thực hiện kế hoạch của cấp huyện"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "IV.10.d",
        "title": (
            "Chỉ đạo cấp đúng, đủ, kịp thời kinh phí duy trì hoạt động hàng năm của trung tâm học tập cộng đồng; "
            "chỉ đạo các phòng chuyên môn phối hợp với trung tâm học tập cộng đồng trên địa bàn tổ chức tuyên "
            "truyền, phổ biến kiến thức"
        ),
        "lead": "huyen",
        "due_text": "Hàng năm",
        **_R,
    },
    {
        "section": "IV.10.đ",
        "title": (
            "Tham mưu, đề xuất với UBND tỉnh và Ban Chỉ đạo tỉnh cơ chế tài chính và phân bổ ngân sách cho các "
            "hoạt động của Kế hoạch"
        ),
        "lead": "huyen",
        **_G,
    },
    # 11.1 Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
    {
        "section": "IV.11.1",
        "title": (
            "Tham gia tuyên truyền, vận động nhân dân tích cực tham gia học tập; đưa nội dung xây dựng xã hội học "
            "tập vào phong trào “Toàn dân đoàn kết xây dựng đời sống văn hoá ở khu dân cư”"
        ),
        "lead": "mttq",
        **_G,
    },
    {
        "section": "IV.11.1",
        "title": (
            "Chỉ đạo mặt trận tổ quốc các cấp phối hợp với ngành giáo dục và đào tạo, chính quyền các cấp thực hiện "
            "xây dựng xã hội học tập"
        ),
        "lead": "mttq",
        "partners": ["sgd"],
        "partners_note": "Ngành giáo dục và đào tạo, chính quyền các cấp",
        **_G,
    },
    # 11.2 Liên đoàn Lao động tỉnh
    {
        "section": "IV.11.2",
        "title": "Tổ chức bồi dưỡng cho đội ngũ người lao động trong các doanh nghiệp",
        "lead": "ldld",
        "partners_note": "Các cơ quan liên quan",
        **_G,
    },
    {
        "section": "IV.11.2",
        "title": "Phối hợp tổ chức các chương trình giáo dục giá trị sống và kỹ năng sống cho người lao động",
        "partners": ["ldld"],
        "partners_note": "Văn bản không nêu đơn vị chủ trì",
        **_G,
    },
    {
        "section": "IV.11.2",
        "title": (
            "Xây dựng Kế hoạch triển khai thực hiện Đề án “Đẩy mạnh các hoạt động học tập suốt đời cho công nhân "
            "lao động trong các doanh nghiệp” (ưu tiên các khu công nghiệp)"
        ),
        "lead": "ldld",
        "partners_note": "Các cơ quan liên quan",
        "due_text": "Theo hướng dẫn của Tổng Liên đoàn Lao động Việt Nam",
        **_G,
    },
    # 11.3 Tỉnh Đoàn
    {
        "section": "IV.11.3",
        "title": "Lồng ghép các hoạt động tuyên truyền về xây dựng xã hội học tập cho đoàn viên, thanh niên",
        "lead": "doan",
        **_G,
    },
    {
        "section": "IV.11.3",
        "title": (
            "Xây dựng phong trào thanh niên tình nguyện, thanh niên tài năng; vận động quỹ hỗ trợ thanh niên có "
            "hoàn cảnh khó khăn tham gia học tập"
        ),
        "lead": "sgd",
        "partners": ["doan"],
        "partners_note": "Tỉnh Đoàn phối hợp với Sở Giáo dục và Đào tạo",
        **_G,
    },
    # 11.4 Hội Liên hiệp Phụ nữ tỉnh
    {
        "section": "IV.11.4",
        "title": (
            "Phối hợp, lồng ghép các hoạt động tuyên truyền về xây dựng xã hội học tập trong phong trào “Phụ nữ "
            "tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc” và cuộc vận động “Xây dựng gia đình "
            "5 không 3 sạch”"
        ),
        "lead": "phunu",
        **_G,
    },
    {
        "section": "IV.11.4",
        "title": (
            "Tuyên truyền, vận động phụ nữ, trẻ em gái ở những xã khó khăn tham gia học nghề, các lớp chuyên đề "
            "nâng cao hiểu biết"
        ),
        "lead": "sgd",
        "partners": ["phunu"],
        "partners_note": "Hội Liên hiệp Phụ nữ tỉnh phối hợp với Sở Giáo dục và Đào tạo",
        **_G,
    },
    # 11.5 Hội Khuyến học tỉnh
    {
        "section": "IV.11.5",
        "title": (
            "Phối hợp với các tổ chức, các lực lượng xã hội trong việc tổ chức tuyên truyền, vận động người dân "
            "tích cực học tập suốt đời, xây dựng xã hội học tập"
        ),
        "partners": ["hkh"],
        "partners_note": "Hội Khuyến học tỉnh phối hợp với các tổ chức, các lực lượng xã hội",
        **_G,
    },
    {
        "section": "IV.11.5",
        "title": ("Duy trì, củng cố và nâng cao chất lượng, hiệu quả hoạt động của các trung tâm học tập cộng đồng"),
        "lead": "sgd",
        "partners": ["hkh"],
        "partners_note": "Hội Khuyến học tỉnh phối hợp với Sở Giáo dục và Đào tạo",
        **_G,
    },
    {
        "section": "IV.11.5",
        "title": "Đánh giá công nhận “Đơn vị học tập”, “Cộng đồng học tập”",
        "lead": "hkh",
        **_G,
    },
    {
        "section": "IV.11.5",
        "title": (
            "Thực hiện Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng dân cư”; xây "
            "dựng các mô hình học tập phù hợp để thực hiện các mục tiêu của Kế hoạch"
        ),
        "lead": "hkh",
        "due_text": "Theo hướng dẫn của Hội khuyến học Việt Nam",
        **_G,
    },
    # 11.6 (văn bản đánh số “6.”) Hội Nông dân, Hội Người cao tuổi, Hội Cựu chiến binh tỉnh
    {
        "section": "IV.11.6",
        "title": (
            "Phối hợp với các cơ quan liên quan, các tổ chức, các lực lượng xã hội trong việc tổ chức tuyên truyền, "
            "vận động người dân tích cực học tập suốt đời, xây dựng xã hội học tập"
        ),
        "partners": ["nongdan", "nct", "ccb"],
        "partners_note": "Hội Nông dân, Hội Người cao tuổi, Hội Cựu chiến binh tỉnh phối hợp với các cơ quan liên quan",
        **_G,
    },
    {
        "section": "IV.11.6",
        "title": (
            "Chỉ đạo các cấp hội phối hợp với ngành chức năng để tổ chức điều tra khảo sát trình độ văn hoá, nhu "
            "cầu học tập suốt đời của nông dân; xây dựng kế hoạch học xoá mù chữ, học chuyên đề khoa học kỹ thuật, "
            "pháp luật, kỹ thuật nông nghiệp cho nông dân tại các trung tâm giáo dục thường xuyên, trung tâm học "
            "tập cộng đồng và các cơ sở giáo dục khác"
        ),
        "lead": "nongdan",
        "partners": ["nct", "ccb"],
        "partners_note": "Hội Nông dân, Hội Người cao tuổi, Hội Cựu chiến binh tỉnh cùng thực hiện; ngành chức năng",
        **_G,
    },
    {
        "section": "IV.11.6",
        "title": (
            "Tích cực vận động người lao động nông thôn tham gia các lớp dạy nghề cho lao động nông thôn, các lớp "
            "chuyên đề do trung tâm giáo dục thường xuyên, trung tâm học tập cộng đồng tổ chức"
        ),
        "lead": "nongdan",
        "partners": ["nct", "ccb"],
        "partners_note": "Hội Nông dân, Hội Người cao tuổi, Hội Cựu chiến binh tỉnh cùng thực hiện",
        **_G,
    },
    # V. Tiến độ thực hiện
    {
        "section": "V.2",
        "title": (
            "Thành lập xong ban chỉ đạo các cấp; ban hành kế hoạch thực hiện xây dựng xã hội học tập cấp huyện, "
            "triển khai thực hiện ở cấp xã"
        ),
        "lead": "huyen",
        "partners_note": "Các cấp",
        "due_kind": DueKind.DATE,
        "due_date": datetime.date(2013, 10, 31),
        "due_year": 2013,
        "due_text": "Đến hết tháng 10/2013",
    },
    {
        "section": "V.3",
        "title": (
            "Hoàn thành việc điều tra khảo sát nhu cầu học tập, đào tạo nghề, bồi dưỡng nâng cao kiến thức, chuyên "
            "môn nghiệp vụ, kỹ năng sống của cán bộ công chức và nhân dân"
        ),
        "partners_note": "Văn bản không nêu đơn vị chủ trì",
        "due_kind": DueKind.DATE,
        "due_date": datetime.date(2013, 12, 31),
        "due_year": 2013,
        "due_text": "Đến hết tháng 12/2013",
    },
    {
        "section": "V.4",
        "title": "Triển khai thực hiện xây dựng xã hội học tập, hoàn thành các mục tiêu đến năm 2015",
        "partners": ["songanh", "huyen"],
        "partners_note": "Các cấp, các ngành, địa phương, đơn vị",
        "due_kind": DueKind.YEAR,
        "due_year": 2015,
        "due_text": "Năm 2014, 2015",
    },
    {
        "section": "V.4",
        "title": "Tổ chức sơ kết việc thực hiện Kế hoạch",
        "due_kind": DueKind.YEAR,
        "due_year": 2015,
        "due_text": "Cuối 2015",
    },
    {
        "section": "V.5",
        "title": "Tiếp tục triển khai thực hiện xây dựng xã hội học tập, hoàn thành các mục tiêu đến năm 2020",
        "partners": ["songanh", "huyen"],
        "partners_note": "Các cấp, các ngành, địa phương, đơn vị",
        "due_kind": DueKind.YEAR,
        "due_year": 2020,
        "due_text": "Từ năm 2016 đến 2020",
    },
    {
        "section": "V.5",
        "title": "Tổ chức tổng kết việc thực hiện Kế hoạch",
        "due_kind": DueKind.YEAR,
        "due_year": 2020,
        "due_text": "Cuối 2020",
    },
]

_BOTH = ("songanh", "huyen")

#: Phụ lục: Những công việc triển khai thực hiện Kế hoạch — (TT, nội dung, chủ trì keys, thời gian, due fields).
#: When two leads are named, the first is the lead and the second is recorded as partner ("đồng chủ trì").
APPENDIX: list[tuple[int, str, tuple[str, ...], str, dict]] = [
    (1, "Tổ chức hội nghị triển khai thực hiện Kế hoạch", ("bcd",), "Quý 3 năm 2013", {"q": (2013, 3)}),
    (
        2,
        "Thành lập ban chỉ đạo xây dựng xã hội học tập cấp huyện, hướng dẫn thành lập ban chỉ đạo cấp xã",
        ("huyen",),
        "Quý 3 năm 2013",
        {"q": (2013, 3)},
    ),
    (
        3,
        "Xây dựng kế hoạch và tổ chức thực hiện theo Kế hoạch của tỉnh",
        _BOTH,
        "Hoàn thành xây dựng kế hoạch trong Quý 4 năm 2013",
        {"q": (2013, 4)},
    ),
    (
        4,
        "Xây dựng kế hoạch thực hiện Đề án Xoá mù chữ giai đoạn 2012-2020; Đề án phát triển giáo dục từ xa.",
        ("sgd",),
        "Theo hướng dẫn của Bộ Giáo dục và Đào tạo",
        {},
    ),
    (
        5,
        "Xây dựng kế hoạch thực hiện Đề án Truyền thông về xây dựng xã hội học tập",
        ("stt",),
        "Theo hướng dẫn của Bộ Thông tin và Truyền thông",
        {},
    ),
    (
        6,
        "Xây dựng kế hoạch thực hiện Đề án Đẩy mạnh các hoạt động học tập suốt đời trong các thư viện, bảo tàng, "
        "nhà văn hoá, câu lạc bộ",
        ("svh",),
        "Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch",
        {},
    ),
    (
        7,
        "Xây dựng kế hoạch thực hiện Đề án Hỗ trợ cho người lao động nông thôn, những người hết tuổi lao động, "
        "người nội trợ, người khuyết tật có điều kiện thuận lợi để học tập suốt đời",
        ("sld",),
        "Theo hướng dẫn của Bộ Lao động - Thương binh và Xã hội",
        {},
    ),
    (
        8,
        "Xây dựng kế hoạch thực hiện Đề án Đẩy mạnh các hoạt động học tập suốt đời cho công nhân lao động trong "
        "các doanh nghiệp",
        ("ldld",),
        "Theo hướng dẫn của Tổng Liên đoàn Lao động Việt Nam",
        {},
    ),
    (
        9,
        "Xây dựng kế hoạch thực hiện Đề án Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng "
        "dân cư",
        ("hkh",),
        "Theo hướng dẫn của Hội Khuyến học Việt Nam",
        {},
    ),
    (10, "Kiểm tra thực hiện kế hoạch", _BOTH, "Theo từng năm, từng giai đoạn", {"recurring": True}),
    (11, "Báo cáo định kỳ", _BOTH, "Theo quy định tại Kế hoạch của tỉnh", {"recurring": True}),
    (12, "Hướng dẫn sơ kết giai đoạn 2012-2015", ("bcd",), "Quý 2 năm 2015", {"q": (2015, 2)}),
    (13, "Sơ kết giai đoạn 2012-2015", _BOTH, "Quý 3 năm 2015", {"q": (2015, 3)}),
    (14, "Tổ chức hội nghị sơ kết giai đoạn 2012-2015", ("bcd",), "Quý 4 năm 2015", {"q": (2015, 4)}),
    (15, "Tiếp tục tổ chức thực hiện kế hoạch", _BOTH, "Năm 2020", {"year": 2020}),
    (16, "Hướng dẫn Tổng kết giai đoạn 2012-2020", ("bcd",), "Quý 2 năm 2020", {"q": (2020, 2)}),
    (17, "Tổng kết các kế hoạch thành phần", _BOTH, "Quý 3 năm 2020", {"q": (2020, 3)}),
    (18, "Tổng kết thực hiện Kế hoạch", ("bcd",), "Quý 4 năm 2020", {"q": (2020, 4)}),
]

PURPOSE = (
    "1. Mục đích:\n"
    "a) Nâng cao nhận thức của hệ thống chính trị và mọi tầng lớp nhân dân về mục đích, ý nghĩa của học tập suốt "
    "đời, xây dựng xã hội học tập. Từ đó, tích cực tham gia xây dựng xã hội học tập bằng các nội dung và hình thức "
    "thích hợp, góp phần phát triển kinh tế-xã hội, bảo đảm an ninh-quốc phòng, nâng cao đời sống vật chất và tinh "
    "thần cho người dân.\n"
    "b) Xây dựng xã hội học tập dựa trên nền tảng phát triển, đồng thời gắn kết và liên thông giữa giáo dục chính "
    "quy và giáo dục thường xuyên; đẩy mạnh các hoạt động học tập suốt đời ở ngoài nhà trường; ưu tiên các đối "
    "tượng chính sách, phụ nữ và người bị thiệt thòi.\n"
    "2. Yêu cầu:\n"
    "a) Quán triệt sâu rộng trong cán bộ, công chức, viên chức và nhân dân về chủ trương xây dựng xã hội học tập "
    "đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa "
    "và hội nhập quốc tế.\n"
    'b) Tổ chức triển khai thực hiện Quyết định của Thủ tướng Chính phủ phê duyệt Đề án "Xây dựng xã hội học tập '
    'giai đoạn 2012-2020" gắn với các mục tiêu, nhiệm vụ, giải pháp phát triển kinh tế-xã hội; lồng ghép với các '
    "kế hoạch, đề án, các chương trình mục tiêu có liên quan đang triển khai thực hiện trên địa bàn tỉnh."
)

FUNDING = (
    "- Ngân sách Trung ương hỗ trợ theo Quyết định số 89/QĐ-TTg ngày 09/01/2013 của Thủ tướng Chính phủ phê duyệt "
    "Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”;\n"
    "- Ngân sách tỉnh hỗ trợ kinh phí thực hiện Kế hoạch theo hướng dẫn về kinh phí và cơ chế tài chính của Đề án.\n"
    "- Huy động các nguồn lực tài chính khác để bổ sung cho việc thực hiện Kế hoạch.\n"
    "Hàng năm các sở, ngành, huyện, thành phố xây dựng kế hoạch và dự trù kinh phí thực hiện gửi về Sở Giáo dục và "
    "Đào tạo, Sở Tài chính để tổng hợp trình UBND tỉnh xem xét, phê duyệt."
)

REPORT_TITLE = "Báo cáo kết quả thực hiện Kế hoạch"
REPORT_RECIPIENT = "UBND tỉnh (qua Sở Giáo dục và Đào tạo)"


def _parent() -> Plan:
    """QĐ 89/QĐ-TTg as written by the national module; kept as a reference plan if that module lacks it."""
    from . import national

    national.load()
    found = Plan.objects.filter(unit=national_unit(), number="89/QĐ-TTg").first()
    if found is not None:
        return found
    return plan(
        unit=national_unit(),
        number="89/QĐ-TTg",
        title="Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”",
        issuing_body="Thủ tướng Chính phủ",
        start_year=2012,
        end_year=2020,
        issued_on=datetime.date(2013, 1, 9),
        kind=PlanKind.DECISION,
        status=PlanStatus.REFERENCE,
        milestone_years=(2015, 2020),
    )


def get_plan() -> Plan:
    return Plan.objects.get(unit=legacy_unit(UNIT_CODE), number=NUMBER)


def load() -> None:
    parent = _parent()
    province = legacy_unit(UNIT_CODE)
    agencies = {key: agency(province, name, kind, short) for key, (name, kind, short) in AGENCIES.items()}
    basis = [
        document(
            "89/QĐ-TTg",
            "Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”",
            "Thủ tướng Chính phủ",
            datetime.date(2013, 1, 9),
        ),
        document(
            "822/BCĐQG-XHHT",
            "Về việc triển khai Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”",
            "Ban Chỉ đạo quốc gia xây dựng xã hội học tập",
            datetime.date(2013, 1, 30),
        ),
    ]
    obj = plan(
        unit=province,
        number=NUMBER,
        title=TITLE,
        issuing_body="UBND tỉnh Hưng Yên",
        start_year=2012,
        end_year=2020,
        issued_on=datetime.date(2013, 6, 10),
        parent=parent,
        status=PlanStatus.ISSUED,
        milestone_years=(2015, 2020),
        legal_basis=basis,
        purpose=PURPOSE,
        funding=FUNDING,
        source_note="KH 74/KH-UBND ngày 10/6/2013 của UBND tỉnh Hưng Yên (shared/seeds/001_c257e9a09d1695fa.txt)",
    )

    for code, year, value, kind, note in TARGETS:
        target(obj, code, year, value, kind, note=note)

    for n, title, leads, due_text, due in APPENDIX:
        fields = {"due_text": due_text, "section": f"PL.{n}"}
        if "q" in due:
            fields.update(due_kind=DueKind.QUARTER, due_year=due["q"][0], due_quarter=due["q"][1])
        elif "year" in due:
            fields.update(due_kind=DueKind.YEAR, due_year=due["year"])
        elif due.get("recurring"):
            fields.update(due_kind=DueKind.RECURRING)
        else:
            fields.update(due_kind=DueKind.GUIDANCE)
        partners = [agencies[key] for key in leads[1:]]
        if partners:
            fields["partners_note"] = "Đồng chủ trì: " + "; ".join(AGENCIES[key][0] for key in leads[1:])
        task(obj, title, lead=agencies[leads[0]], partners=partners, order=n, **fields)

    for i, data in enumerate(TASKS, start=101):
        fields = dict(data)
        title = fields.pop("title")
        lead = agencies[fields.pop("lead")] if "lead" in fields else None
        partners = [agencies[key] for key in fields.pop("partners", ())]
        task(obj, title, lead=lead, partners=partners, order=i, **fields)

    rule = reporting_rule(
        obj,
        title=REPORT_TITLE,
        frequency=Frequency.HALF_YEARLY,
        due_days=["06-15", "12-15"],
        reporting_level=Level.DISTRICT,
        recipient=REPORT_RECIPIENT,
        first_year=2013,
        last_year=2020,
    )
    rule.reporting_agencies.add(agencies["songanh"], agencies["huyen"])
