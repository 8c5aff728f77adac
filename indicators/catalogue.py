"""The indicator catalogue of the demo data: the indicators the five seed plans and the national programmes
they implement (QĐ 89/QĐ-TTg, QĐ 1373/QĐ-TTg, QĐ 387/QĐ-TTg) actually target, as plain data.

Names keep the wording of the plans (see /work/shared/seeds). Ratios of people are entered at commune
level with a numerator and a denominator; "x % of communes / districts reach a standard" targets use a
``standard`` indicator entered at the level of the unit that reaches it, with the thresholds of
NĐ 20/2014/NĐ-CP kept as ``StandardThreshold`` rows. ``indicators_load()`` is idempotent.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from units.models import Level

from .models import Category, Direction, Indicator, Measure, PeriodAggregation, StandardThreshold

C, D, P = Level.COMMUNE, Level.DISTRICT, Level.PROVINCE
LATEST, SUM = PeriodAggregation.LATEST, PeriodAggregation.SUM


def _ratio(code, name, name_en, category, numerator, denominator, *, entry_level=C, description="", **extra):
    return {
        "code": code,
        "name": name,
        "name_en": name_en,
        "category": category,
        "measure": Measure.RATIO,
        "unit_of_measure": "%",
        "entry_level": entry_level,
        "numerator_label": numerator,
        "denominator_label": denominator,
        "description": description,
        **extra,
    }


def _standard(code, name, name_en, category, *, entry_level=C, max_level=1, source=None, description="", **extra):
    return {
        "code": code,
        "name": name,
        "name_en": name_en,
        "category": category,
        "measure": Measure.STANDARD,
        "unit_of_measure": "%",
        "entry_level": entry_level,
        "max_level": max_level,
        "source": source,
        "description": description,
        **extra,
    }


#: The catalogue. ``order`` is assigned from the position within each category by ``indicators_load``.
INDICATORS: list[dict] = [
    # --- Xóa mù chữ và phổ cập giáo dục -------------------------------------------------------------
    _ratio(
        "XMC2_15_60",
        "Tỷ lệ người trong độ tuổi 15-60 biết chữ",
        "Literate people aged 15-60",
        Category.LITERACY,
        "Số người trong độ tuổi 15-60 biết chữ",
        "Tổng số người trong độ tuổi 15-60",
        description="Nguồn của chuẩn xóa mù chữ mức độ 2 (NĐ 20/2014/NĐ-CP). Hưng Yên, Hà Nội, QĐ 1373/QĐ-TTg.",
    ),
    _ratio(
        "XMC1_15_35",
        "Tỷ lệ người trong độ tuổi 15-35 biết chữ",
        "Literate people aged 15-35",
        Category.LITERACY,
        "Số người trong độ tuổi 15-35 biết chữ",
        "Tổng số người trong độ tuổi 15-35",
        description="Nguồn của chuẩn xóa mù chữ mức độ 1 (NĐ 20/2014/NĐ-CP). KH 74/KH-UBND tỉnh Hưng Yên.",
    ),
    _ratio(
        "NEW_LITERATE_CONTINUE",
        "Tỷ lệ người mới biết chữ tiếp tục học tập và không tái mù chữ",
        "Newly literate people who continue learning and do not relapse into illiteracy",
        Category.LITERACY,
        "Số người mới biết chữ tiếp tục học tập và không tái mù chữ",
        "Tổng số người mới biết chữ",
        description="Hưng Yên: “số người mới biết chữ tiếp tục học tập và không mù chữ trở lại”; Hà Nội.",
    ),
    _standard(
        "XMC",
        "Đạt chuẩn xóa mù chữ",
        "Literacy standard reached (levels 1-2)",
        Category.LITERACY,
        max_level=2,
        source="XMC2_15_60",
        description=(
            "NĐ 20/2014/NĐ-CP. Cấp xã: mức độ 1 khi ≥ 90% người 15-35 biết chữ mức độ 1 (xã đặc biệt khó khăn: "
            "15-25), mức độ 2 khi ≥ 90% người 15-60 biết chữ mức độ 2 (xã đặc biệt khó khăn: 15-35). Cấp trên: "
            "tỷ lệ đơn vị cấp dưới đạt chuẩn. Củ Chi ghi “đạt chuẩn xóa mù chữ; giáo dục tiếp tục sau khi "
            "biết chữ mức độ 2”."
        ),
    ),
    _standard(
        "PCGD_MN",
        "Đạt chuẩn phổ cập giáo dục mầm non",
        "Universal preschool education standard reached",
        Category.LITERACY,
        description=(
            "Hưng Yên: “phổ cập giáo dục mầm non cho trẻ em năm tuổi”; Hà Nội, Củ Chi: “phổ cập giáo dục "
            "mầm non cho trẻ (em) mẫu giáo”."
        ),
    ),
    _standard(
        "PCGD_TH",
        "Đạt chuẩn phổ cập giáo dục tiểu học",
        "Universal primary education standard reached (levels 1-3)",
        Category.LITERACY,
        max_level=3,
        description="NĐ 20/2014/NĐ-CP, mức độ 1-3. Hưng Yên: “phổ cập giáo dục tiểu học đúng độ tuổi”.",
    ),
    _standard(
        "PCGD_THCS",
        "Đạt chuẩn phổ cập giáo dục trung học cơ sở",
        "Universal lower-secondary education standard reached (levels 1-3)",
        Category.LITERACY,
        max_level=3,
        description="NĐ 20/2014/NĐ-CP, mức độ 1-3.",
    ),
    _standard(
        "PCGD_TRUNG_HOC",
        "Đạt chuẩn phổ cập giáo dục bậc trung học",
        "Universal secondary education standard reached",
        Category.LITERACY,
        description="KH năm 2023 huyện Củ Chi (chuẩn riêng của TP Hồ Chí Minh; văn bản ghi “bậc dục trung học”).",
    ),
    {
        "code": "XMC_CLASSES",
        "name": "Số lớp xóa mù chữ, giáo dục tiếp tục sau khi biết chữ được tổ chức",
        "name_en": "Literacy and post-literacy classes held",
        "category": Category.LITERACY,
        "measure": Measure.COUNT,
        "unit_of_measure": "lớp",
        "entry_level": C,
        "period_aggregation": SUM,
        "description": "Chỉ tiêu luồng: cộng các kỳ trong năm.",
    },
    # --- Năng lực, trình độ của người dân ------------------------------------------------------------
    _ratio(
        "INFO_COMPETENCY",
        "Tỷ lệ người trong độ tuổi lao động được trang bị năng lực thông tin",
        "Working-age people equipped with information competency",
        Category.COMPETENCIES,
        "Số người trong độ tuổi lao động được trang bị năng lực thông tin",
        "Tổng số người trong độ tuổi lao động",
    ),
    _ratio(
        "LIFE_SKILLS",
        "Tỷ lệ người trong độ tuổi lao động được trang bị kỹ năng sống",
        "Working-age people equipped with life skills",
        Category.COMPETENCIES,
        "Số người trong độ tuổi lao động được trang bị kỹ năng sống",
        "Tổng số người trong độ tuổi lao động",
    ),
    _ratio(
        "TRAINED_15PLUS",
        "Tỷ lệ dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        "Population aged 15+ with technical or professional qualifications",
        Category.COMPETENCIES,
        "Số người từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        "Dân số từ 15 tuổi trở lên",
    ),
    _ratio(
        "UNIVERSITY_15PLUS",
        "Tỷ lệ dân số có trình độ đại học trở lên",
        "Population with a university degree or higher",
        Category.COMPETENCIES,
        "Số người từ 15 tuổi trở lên có trình độ đại học trở lên",
        "Dân số từ 15 tuổi trở lên",
    ),
    _ratio(
        "STUDENT_LIFE_SKILLS",
        "Tỷ lệ học sinh, sinh viên được học kỹ năng sống tại các cơ sở giáo dục",
        "Pupils and students taught life skills at educational institutions",
        Category.COMPETENCIES,
        "Số học sinh, sinh viên được học kỹ năng sống tại các cơ sở giáo dục",
        "Tổng số học sinh, sinh viên",
        description="Hưng Yên: học sinh, sinh viên; Củ Chi: học sinh.",
    ),
    _ratio(
        "LIFE_SKILLS_PROGRAMMES",
        "Tỷ lệ học sinh, sinh viên và người lao động tham gia học tập các chương trình kỹ năng sống",
        "Pupils, students and workers taking part in life-skills programmes",
        Category.COMPETENCIES,
        "Số học sinh, sinh viên và người lao động tham gia học tập các chương trình kỹ năng sống",
        "Tổng số học sinh, sinh viên và người lao động",
        description="Hưng Yên, Củ Chi: “tăng dần tỷ lệ” (chỉ tiêu tăng dần hằng năm).",
    ),
    # --- Cơ sở giáo dục, trung tâm học tập cộng đồng -------------------------------------------------
    _ratio(
        "DIGITAL_INSTITUTIONS",
        "Tỷ lệ cơ sở giáo dục phổ thông, cơ sở giáo dục nghề nghiệp - giáo dục thường xuyên và các cơ sở giáo dục "
        "khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        "Schools, vocational and continuing-education institutions managing, teaching and learning in a digital "
        "environment",
        Category.INSTITUTIONS,
        "Số cơ sở giáo dục triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        "Tổng số cơ sở giáo dục phổ thông, giáo dục nghề nghiệp, giáo dục thường xuyên và cơ sở giáo dục khác",
    ),
    _ratio(
        "DIGITAL_UNIVERSITY",
        "Tỷ lệ cơ sở giáo dục đại học triển khai đại học số",
        "Universities running a digital university",
        Category.INSTITUTIONS,
        "Số cơ sở giáo dục đại học triển khai đại học số",
        "Tổng số cơ sở giáo dục đại học",
        entry_level=P,
        description="QĐ 1373/QĐ-TTg; Hà Nội: “Cơ sở giáo dục đại học trực thuộc triển khai đại học số”.",
    ),
    _ratio(
        "CLC_IT",
        "Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục",
        "Community learning centres using IT in management and educational activities",
        Category.INSTITUTIONS,
        "Số trung tâm học tập cộng đồng ứng dụng công nghệ thông tin",
        "Tổng số trung tâm học tập cộng đồng",
    ),
    _ratio(
        "CLC_GOOD",
        "Tỷ lệ trung tâm học tập cộng đồng được xếp loại tốt",
        "Community learning centres ranked good",
        Category.INSTITUTIONS,
        "Số trung tâm học tập cộng đồng được xếp loại tốt",
        "Tổng số trung tâm học tập cộng đồng",
        description="Hà Nội, mục III.4: “Phấn đấu đến năm 2030 có 80% trung tâm học tập cộng đồng được xếp loại tốt”.",
    ),
    {
        "code": "CLC_EFFECTIVE",
        "name": "Số trung tâm học tập cộng đồng hoạt động có hiệu quả",
        "name_en": "Community learning centres operating effectively",
        "category": Category.INSTITUTIONS,
        "measure": Measure.COUNT,
        "unit_of_measure": "trung tâm",
        "entry_level": C,
        "period_aggregation": LATEST,
        "description": "Hưng Yên: “Phấn đấu tăng số lượng trung tâm học tập cộng đồng hoạt động có hiệu quả”.",
    },
    {
        "code": "CLC_CLASSES",
        "name": "Số lớp phổ biến kiến thức, kỹ năng, chuyển giao công nghệ do trung tâm học tập cộng đồng tổ chức",
        "name_en": "Knowledge, skills and technology-transfer classes held by community learning centres",
        "category": Category.INSTITUTIONS,
        "measure": Measure.COUNT,
        "unit_of_measure": "lớp",
        "entry_level": C,
        "period_aggregation": SUM,
        "description": "Chỉ tiêu luồng: cộng các kỳ trong năm.",
    },
    # --- Mô hình học tập ---------------------------------------------------------------------------------
    _ratio(
        "LEARNING_FAMILY",
        "Tỷ lệ gia đình được công nhận đạt danh hiệu “Gia đình học tập”",
        "Families recognised as learning families",
        Category.LEARNING_MODELS,
        "Số gia đình được công nhận gia đình học tập",
        "Tổng số hộ gia đình",
    ),
    _ratio(
        "LEARNING_CLAN",
        "Tỷ lệ dòng họ được công nhận đạt danh hiệu “Dòng họ học tập”",
        "Clans recognised as learning clans",
        Category.LEARNING_MODELS,
        "Số dòng họ được công nhận dòng họ học tập",
        "Tổng số dòng họ",
    ),
    _ratio(
        "LEARNING_COMMUNITY",
        "Tỷ lệ cộng đồng được công nhận đạt danh hiệu “Cộng đồng học tập”",
        "Communities (villages, residential groups) recognised as learning communities",
        Category.LEARNING_MODELS,
        "Số thôn, tổ dân phố được công nhận cộng đồng học tập",
        "Tổng số thôn, tổ dân phố",
        description="Cộng đồng: thôn, bản, tổ dân phố và tương đương (QĐ 387/QĐ-TTg).",
    ),
    _ratio(
        "LEARNING_UNIT",
        "Tỷ lệ đơn vị được công nhận đạt danh hiệu “Đơn vị học tập”",
        "Organisations recognised as learning units",
        Category.LEARNING_MODELS,
        "Số tổ chức, cơ quan, trường học được công nhận đơn vị học tập",
        "Tổng số tổ chức, cơ quan, trường học",
        description="Y Tịch: “các tổ chức, cơ quan, trường học trên địa bàn cấp xã”; Hà Nội: “đơn vị”.",
    ),
    _ratio(
        "LEARNING_CITIZEN",
        "Tỷ lệ công dân đạt danh hiệu “Công dân học tập”",
        "Citizens recognised as learning citizens",
        Category.LEARNING_MODELS,
        "Số công dân đạt danh hiệu công dân học tập",
        "Tổng số công dân thuộc đối tượng đánh giá",
    ),
    _ratio(
        "LEARNING_CITIZEN_WORKERS",
        "Tỷ lệ người lao động trong “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập” đạt danh hiệu "
        "“Công dân học tập”",
        "Workers in learning families, clans and communities recognised as learning citizens",
        Category.LEARNING_MODELS,
        "Số người lao động trong gia đình, dòng họ, cộng đồng học tập đạt danh hiệu công dân học tập",
        "Tổng số người lao động trong gia đình, dòng họ, cộng đồng học tập",
    ),
    _ratio(
        "LEARNING_CITIZEN_STAFF",
        "Tỷ lệ cán bộ, công chức, viên chức trong “Đơn vị học tập” đạt danh hiệu “Công dân học tập”",
        "Staff of learning units recognised as learning citizens",
        Category.LEARNING_MODELS,
        "Số cán bộ, công chức, viên chức trong đơn vị học tập đạt danh hiệu công dân học tập",
        "Tổng số cán bộ, công chức, viên chức trong đơn vị học tập",
        description="Y Tịch 2025 ghi “cán bộ, công chức, nhân viên”.",
    ),
    _standard(
        "LEARNING_CITIZEN_EVAL",
        "Xã, thị trấn hoàn thành chỉ tiêu đánh giá công dân học tập",
        "Communes that completed the learning-citizen evaluation",
        Category.LEARNING_MODELS,
        description="KH năm 2023 huyện Củ Chi: “Hoàn thành chỉ tiêu đánh giá công dân học tập 21/21 xã, thị trấn”.",
    ),
    # --- Cán bộ, công chức, viên chức và người lao động ---------------------------------------------
    _ratio(
        "CADRE_IT",
        "Tỷ lệ cán bộ, công chức, viên chức tham gia các chương trình học tập nâng cao trình độ ứng dụng công nghệ "
        "thông tin đáp ứng yêu cầu của vị trí việc làm",
        "Civil servants in IT-skills programmes meeting job requirements",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức, viên chức tham gia các chương trình nâng cao trình độ ứng dụng CNTT",
        "Tổng số cán bộ, công chức, viên chức",
        entry_level=P,
    ),
    _ratio(
        "CADRE_FL_L2",
        "Tỷ lệ cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2",
        "Civil servants with foreign-language level 2",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2",
        "Tổng số cán bộ, công chức, viên chức",
        entry_level=P,
    ),
    _ratio(
        "CADRE_FL_L3",
        "Tỷ lệ cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 3",
        "Civil servants with foreign-language level 3",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 3",
        "Tổng số cán bộ, công chức, viên chức",
        entry_level=P,
    ),
    _ratio(
        "CADRE_TRAINED_STANDARD",
        "Tỷ lệ cán bộ, công chức từ cấp tỉnh đến cấp huyện được đào tạo đáp ứng tiêu chuẩn quy định",
        "Province and district civil servants trained to the required standard",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức cấp tỉnh, cấp huyện được đào tạo đáp ứng tiêu chuẩn quy định",
        "Tổng số cán bộ, công chức cấp tỉnh, cấp huyện",
        entry_level=P,
    ),
    _ratio(
        "LEADER_TRAINED",
        "Tỷ lệ cán bộ, công chức giữ các chức vụ lãnh đạo, quản lý các cấp được đào tạo, bồi dưỡng theo chương "
        "trình quy định",
        "Civil servants in leadership posts trained under the prescribed programmes",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức lãnh đạo, quản lý được đào tạo, bồi dưỡng theo chương trình quy định",
        "Tổng số cán bộ, công chức giữ chức vụ lãnh đạo, quản lý",
        entry_level=P,
    ),
    _ratio(
        "LEADER_TRAINED_BEFORE_APPOINTMENT",
        "Tỷ lệ cán bộ lãnh đạo, quản lý cấp phòng, ban, bộ phận và tương đương được đào tạo, bồi dưỡng theo "
        "chương trình quy định trước khi bổ nhiệm",
        "Office-level managers trained under the prescribed programmes before appointment",
        Category.CADRES_WORKERS,
        "Số cán bộ lãnh đạo, quản lý cấp phòng được đào tạo, bồi dưỡng trước khi bổ nhiệm",
        "Tổng số cán bộ được bổ nhiệm lãnh đạo, quản lý cấp phòng",
        entry_level=P,
    ),
    _ratio(
        "CADRE_MANDATORY_TRAINING",
        "Tỷ lệ cán bộ, công chức từ cấp tỉnh đến cấp huyện thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
        "Province and district civil servants completing the minimum mandatory annual training",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức cấp tỉnh, cấp huyện thực hiện chế độ bồi dưỡng bắt buộc tối thiểu",
        "Tổng số cán bộ, công chức cấp tỉnh, cấp huyện",
        entry_level=P,
    ),
    _ratio(
        "COMMUNE_CADRE_FOSTERED",
        "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kiến thức, kỹ năng lãnh đạo, quản lý, điều hành theo vị "
        "trí công việc",
        "Commune cadres trained in leadership, management and administration for their post",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức cấp xã được bồi dưỡng kiến thức, kỹ năng lãnh đạo, quản lý, điều hành",
        "Tổng số cán bộ, công chức cấp xã",
        description="Hưng Yên: “cán bộ cấp xã”; Củ Chi: “cán bộ, công chức xã, thị trấn”.",
    ),
    _ratio(
        "COMMUNE_CADRE_QUALIFIED",
        "Tỷ lệ cán bộ cấp xã có trình độ chuyên môn theo chuẩn quy định",
        "Commune cadres qualified to the required standard",
        Category.CADRES_WORKERS,
        "Số cán bộ cấp xã có trình độ chuyên môn theo chuẩn quy định",
        "Tổng số cán bộ cấp xã",
    ),
    _ratio(
        "COMMUNE_CADRE_TRAINED",
        "Tỷ lệ cán bộ, công chức xã, thị trấn có trình độ chuyên môn, nghiệp vụ, chính trị, quản lý Nhà nước, tin "
        "học... đã được đào tạo",
        "Commune cadres trained in their profession, politics, state management, IT",
        Category.CADRES_WORKERS,
        "Số cán bộ, công chức xã, thị trấn đã được đào tạo chuyên môn, nghiệp vụ, chính trị, quản lý Nhà nước, "
        "tin học",
        "Tổng số cán bộ, công chức xã, thị trấn",
    ),
    _ratio(
        "COMMUNE_CIVIL_MANDATORY_TRAINING",
        "Tỷ lệ công chức cấp xã thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hàng năm",
        "Commune civil servants completing the minimum mandatory annual training",
        Category.CADRES_WORKERS,
        "Số công chức cấp xã thực hiện chế độ bồi dưỡng bắt buộc tối thiểu",
        "Tổng số công chức cấp xã",
    ),
    _ratio(
        "RURAL_LABOUR_CLC",
        "Tỷ lệ lao động nông thôn tham gia học tập cập nhật kiến thức, kỹ năng, chuyển giao khoa học kỹ thuật công "
        "nghệ sản xuất tại các trung tâm học tập cộng đồng",
        "Rural workers learning new knowledge, skills and production technology at community learning centres",
        Category.CADRES_WORKERS,
        "Số lao động nông thôn tham gia học tập tại trung tâm học tập cộng đồng",
        "Tổng số lao động nông thôn",
        description="Văn bản Hưng Yên và Củ Chi ghi “chuyên giao”.",
    ),
    _ratio(
        "WORKER_UPPER_SECONDARY",
        "Tỷ lệ công nhân lao động tại khu công nghiệp có trình độ học vấn trung học phổ thông hoặc tương đương",
        "Industrial-park workers with upper-secondary education or equivalent",
        Category.CADRES_WORKERS,
        "Số công nhân lao động tại khu công nghiệp có trình độ trung học phổ thông hoặc tương đương",
        "Tổng số công nhân lao động tại khu công nghiệp",
    ),
    _ratio(
        "WORKER_VOCATIONAL",
        "Tỷ lệ công nhân qua đào tạo nghề",
        "Workers with vocational training",
        Category.CADRES_WORKERS,
        "Số công nhân lao động qua đào tạo nghề",
        "Tổng số công nhân lao động",
    ),
    _ratio(
        "WORKER_HIGH_SKILL",
        "Tỷ lệ công nhân lao động có tay nghề cao ở các ngành kinh tế mũi nhọn",
        "Highly skilled workers in key economic sectors",
        Category.CADRES_WORKERS,
        "Số công nhân lao động có tay nghề cao ở các ngành kinh tế mũi nhọn",
        "Tổng số công nhân lao động ở các ngành kinh tế mũi nhọn",
    ),
    _ratio(
        "WORKER_IT_FL",
        "Tỷ lệ công nhân lao động có kiến thức cơ bản về tin học, ngoại ngữ đáp ứng yêu cầu công việc và giao lưu "
        "văn hoá",
        "Workers with basic IT and foreign-language knowledge",
        Category.CADRES_WORKERS,
        "Số công nhân lao động có kiến thức cơ bản về tin học, ngoại ngữ",
        "Tổng số công nhân lao động",
    ),
    _ratio(
        "LA_CADRE_CLC_IT",
        "Tỷ lệ cán bộ làm công tác khuyến học cấp xã tham gia tổ chức các hoạt động của trung tâm học tập cộng "
        "đồng và được bồi dưỡng, tập huấn về ứng dụng công nghệ thông tin",
        "Commune learning-promotion staff running community learning centre activities and trained in IT",
        Category.CADRES_WORKERS,
        "Số cán bộ làm công tác khuyến học cấp xã tham gia hoạt động TTHTCĐ và được tập huấn ứng dụng CNTT",
        "Tổng số cán bộ làm công tác khuyến học cấp xã",
    ),
    _ratio(
        "LA_MEMBERS_BRIEFED",
        "Tỷ lệ cán bộ, hội viên Hội Khuyến học được học tập, quán triệt các chủ trương về khuyến học, khuyến tài, "
        "xây dựng xã hội học tập",
        "Officers and members of the Association for Promoting Learning briefed on learning-society policy",
        Category.CADRES_WORKERS,
        "Số cán bộ, hội viên Hội Khuyến học được học tập, quán triệt",
        "Tổng số cán bộ, hội viên Hội Khuyến học",
    ),
    # --- Công nhận danh hiệu -------------------------------------------------------------------------
    _standard(
        "LEARNING_COMMUNE",
        "Xã, phường, thị trấn được công nhận danh hiệu “Cộng đồng học tập” cấp xã",
        "Communes recognised as commune-level learning communities",
        Category.RECOGNITION,
        max_level=3,
        description="TT 44/2014/TT-BGDĐT, thay bằng TT 25/2023/TT-BGDĐT (mức độ 1-3) từ 12/2/2024.",
    ),
    _standard(
        "LEARNING_DISTRICT",
        "Huyện được công nhận danh hiệu “Huyện học tập”",
        "Districts recognised as learning districts",
        Category.RECOGNITION,
        entry_level=D,
        max_level=3,
        description="“Cộng đồng học tập” cấp huyện (TT 25/2023/TT-BGDĐT, mức độ 1-3). Hà Nội: quận, huyện, thị xã.",
    ),
    _standard(
        "LEARNING_PROVINCE",
        "Tỉnh, thành phố được công nhận danh hiệu “Tỉnh học tập”, “Thành phố học tập”",
        "Provinces and centrally-run cities recognised as learning provinces",
        Category.RECOGNITION,
        entry_level=P,
        max_level=3,
        description="Dùng cho chỉ tiêu tỷ lệ tỉnh, thành phố học tập của QĐ 1373/QĐ-TTg.",
    ),
    {
        "code": "LEARNING_CITY",
        "name": "Danh hiệu “Thành phố học tập”",
        "name_en": "Learning city title",
        "category": Category.RECOGNITION,
        "measure": Measure.STATUS,
        "unit_of_measure": "mức",
        "entry_level": P,
        "period_aggregation": LATEST,
        "description": "Tình trạng: 0 = chưa đăng ký, 1 = đã đăng ký danh hiệu, 2 = được công nhận danh hiệu (Hà Nội).",
    },
    {
        "code": "GLOBAL_LEARNING_CITY",
        "name": "Tham gia mạng lưới “Thành phố học tập toàn cầu” do UNESCO công nhận",
        "name_en": "Member of the UNESCO Global Network of Learning Cities",
        "category": Category.RECOGNITION,
        "measure": Measure.STATUS,
        "unit_of_measure": "mức",
        "entry_level": D,
        "period_aggregation": LATEST,
        "description": (
            "Tình trạng: 0 = chưa tham gia, 1 = đã đăng ký tham gia, 2 = được công nhận là thành viên mạng lưới. "
            "Đồng Tháp: thành phố Sa Đéc “tiếp tục duy trì và phát triển mạng lưới”."
        ),
    },
]


#: When a unit reaches a standard (NĐ 20/2014/NĐ-CP): (indicator, level, standard level, min %, note).
THRESHOLDS: list[tuple[str, str, int, str, str]] = [
    ("XMC", C, 1, "90", "≥ 90% người 15-35 biết chữ mức độ 1 (xã đặc biệt khó khăn: 15-25)"),
    ("XMC", D, 1, "90", "≥ 90% số xã đạt chuẩn xóa mù chữ mức độ 1"),
    ("XMC", P, 1, "90", "≥ 90% số huyện đạt chuẩn xóa mù chữ mức độ 1"),
    ("XMC", C, 2, "90", "≥ 90% người 15-60 biết chữ mức độ 2 (xã đặc biệt khó khăn: 15-35)"),
    ("XMC", D, 2, "90", "≥ 90% số xã đạt chuẩn xóa mù chữ mức độ 2"),
    ("XMC", P, 2, "100", "100% số huyện đạt chuẩn xóa mù chữ mức độ 2"),
    (
        "PCGD_TH",
        C,
        1,
        "90",
        "Trẻ 6 tuổi vào lớp 1 ≥ 90%; trẻ 14 tuổi hoàn thành chương trình tiểu học ≥ 80% (xã đặc biệt khó khăn: 70%)",
    ),
    ("PCGD_TH", D, 1, "90", "≥ 90% số xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 1"),
    ("PCGD_TH", P, 1, "100", "100% số huyện đạt chuẩn phổ cập giáo dục tiểu học mức độ 1"),
    (
        "PCGD_TH",
        C,
        3,
        "98",
        "Trẻ 6 tuổi vào lớp 1 ≥ 98%; trẻ 11 tuổi hoàn thành chương trình tiểu học ≥ 90% (xã đặc biệt khó khăn: 80%)",
    ),
    (
        "PCGD_THCS",
        C,
        1,
        "80",
        "Đạt chuẩn PCGD tiểu học và XMC mức độ 1; thanh thiếu niên 15-18 tuổi tốt nghiệp THCS ≥ 80% (xã đặc biệt "
        "khó khăn: 70%)",
    ),
    ("PCGD_THCS", D, 1, "90", "≥ 90% số xã đạt chuẩn phổ cập giáo dục THCS mức độ 1"),
    ("PCGD_THCS", P, 1, "100", "100% số huyện đạt chuẩn phổ cập giáo dục THCS mức độ 1"),
    (
        "PCGD_THCS",
        C,
        3,
        "95",
        "Đạt mức độ 2; 15-18 tuổi tốt nghiệp THCS ≥ 95% (90%); 15-18 tuổi đang học THPT, GDTX hoặc giáo dục nghề "
        "nghiệp ≥ 80% (70%)",
    ),
    ("PCGD_THCS", D, 3, "100", "100% số xã đạt chuẩn phổ cập giáo dục THCS mức độ 3"),
    ("PCGD_THCS", P, 3, "100", "100% số huyện đạt chuẩn phổ cập giáo dục THCS mức độ 3"),
]

_FIELDS = (
    "name",
    "name_en",
    "category",
    "measure",
    "unit_of_measure",
    "entry_level",
    "direction",
    "period_aggregation",
    "numerator_label",
    "denominator_label",
    "max_level",
    "description",
)


def indicator_defaults(data: dict, order: int) -> dict:
    defaults = {
        "direction": Direction.HIGHER,
        "period_aggregation": LATEST,
        "unit_of_measure": "",
        "numerator_label": "",
        "denominator_label": "",
        "max_level": 1,
        "description": "",
        "entry_level": C,
    }
    defaults.update({key: data[key] for key in _FIELDS if key in data})
    defaults["order"] = order
    return defaults


@transaction.atomic
def indicators_load() -> int:
    """Create or update the catalogue and the standard thresholds; returns the number of indicators created."""
    created_count = 0
    by_code: dict[str, Indicator] = {}
    positions: dict[str, int] = {}
    for data in INDICATORS:
        positions[data["category"]] = positions.get(data["category"], 0) + 1
        indicator, created = Indicator.objects.update_or_create(
            code=data["code"], defaults=indicator_defaults(data, positions[data["category"]] * 10)
        )
        created_count += created
        by_code[indicator.code] = indicator
    for data in INDICATORS:
        source = data.get("source")
        indicator = by_code[data["code"]]
        source_id = by_code[source].pk if source else None
        if indicator.source_id != source_id:
            indicator.source_id = source_id
            indicator.save(update_fields=["source"])
    for code, level, standard_level, min_percent, note in THRESHOLDS:
        StandardThreshold.objects.update_or_create(
            indicator=by_code[code],
            level=level,
            standard_level=standard_level,
            defaults={"min_percent": Decimal(min_percent), "note": note},
        )
    return created_count
