"""Seed: the national programmes the seed plans implement, as plans of the national root.

QĐ 89/QĐ-TTg (Đề án 2012-2020), QĐ 1373/QĐ-TTg (Đề án 2021-2030, with its known national targets for 2025
and 2030), Chỉ thị 14/CT-TTg (2021-2030), QĐ 387/QĐ-TTg (learning families, clans, communities and units)
and QĐ 677/QĐ-TTg (learning citizens). Facts from /work/shared/REGULATIONS.md. The targets of a national
plan are set on the national unit: a ``standard`` indicator there is the share of provinces (or, for
LEARNING_DISTRICT, of districts) that reach the standard.
"""

from __future__ import annotations

import datetime

from plans.models import Plan, PlanKind, PlanStatus, TargetKind

from ._common import national_unit, plan, target

AT_LEAST = TargetKind.AT_LEAST
ISSUER = "Thủ tướng Chính phủ"

#: number -> plan fields. Looked up by other seeds as Plan.objects.get(unit=national_unit(), number=...).
PLANS: dict[str, dict] = {
    "89/QĐ-TTg": {
        "title": "Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”",
        "kind": PlanKind.DECISION,
        "issued_on": datetime.date(2013, 1, 9),
        "start_year": 2012,
        "end_year": 2020,
        "milestone_years": (2015, 2020),
    },
    "14/CT-TTg": {
        "title": ("Về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021-2030"),
        "kind": PlanKind.DIRECTIVE,
        "issued_on": datetime.date(2021, 5, 25),
        "start_year": 2021,
        "end_year": 2030,
        "milestone_years": (),
    },
    "1373/QĐ-TTg": {
        "title": "Phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
        "kind": PlanKind.DECISION,
        "issued_on": datetime.date(2021, 7, 30),
        "start_year": 2021,
        "end_year": 2030,
        "milestone_years": (2025, 2030),
    },
    "387/QĐ-TTg": {
        "title": (
            "Phê duyệt Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, "
            "đơn vị giai đoạn 2021-2030”"
        ),
        "kind": PlanKind.DECISION,
        "issued_on": datetime.date(2022, 3, 25),
        "start_year": 2021,
        "end_year": 2030,
        "milestone_years": (2025, 2030),
        "parent": "1373/QĐ-TTg",
    },
    "677/QĐ-TTg": {
        "title": "Phê duyệt Đề án “Xây dựng mô hình công dân học tập giai đoạn 2021-2030”",
        "kind": PlanKind.DECISION,
        "issued_on": datetime.date(2022, 6, 3),
        "start_year": 2021,
        "end_year": 2030,
        "milestone_years": (2025, 2030),
        "parent": "1373/QĐ-TTg",
        "general_objective": (
            "Đến năm 2025: 40% người lao động trong gia đình, dòng họ, cộng đồng học tập và 60% cán bộ, công "
            "chức, viên chức trong đơn vị học tập đạt danh hiệu công dân học tập; 70% người đạt danh hiệu có kỹ "
            "năng số. Đến năm 2030: 60% / 80% / 90%. Tiêu chí: QĐ 324/QĐ-KHVN; công dân tự đánh giá trực tuyến "
            "theo ba nhóm năng lực (tự học; sử dụng công cụ tương tác; quan hệ xã hội), đạt từ 80/100 điểm và "
            "không có chỉ số dưới 5 điểm."
        ),
    },
}

_PROV = "tỉnh, thành phố trực thuộc trung ương"

#: number -> [(indicator, year, value, kind, note, extra)].
TARGETS: dict[str, list[tuple]] = {
    "1373/QĐ-TTg": [
        ("XMC", 2025, 70, AT_LEAST, f"70% {_PROV} đạt chuẩn xóa mù chữ mức độ 2", {"standard_level": 2}),
        ("XMC", 2030, 90, AT_LEAST, f"90% {_PROV} đạt chuẩn xóa mù chữ mức độ 2", {"standard_level": 2}),
        ("PCGD_MN", 2025, 70, AT_LEAST, f"70% {_PROV} đạt chuẩn phổ cập giáo dục mầm non", {}),
        ("PCGD_MN", 2030, 100, AT_LEAST, f"100% {_PROV} đạt chuẩn phổ cập giáo dục mầm non", {}),
        (
            "PCGD_TH",
            2025,
            50,
            AT_LEAST,
            f"50% {_PROV} đạt chuẩn phổ cập giáo dục tiểu học mức độ 3",
            {"standard_level": 3},
        ),
        (
            "PCGD_TH",
            2030,
            70,
            AT_LEAST,
            f"70% {_PROV} đạt chuẩn phổ cập giáo dục tiểu học mức độ 3",
            {"standard_level": 3},
        ),
        (
            "INFO_COMPETENCY",
            2025,
            50,
            AT_LEAST,
            "50% người trong độ tuổi lao động được trang bị năng lực thông tin",
            {},
        ),
        (
            "INFO_COMPETENCY",
            2030,
            70,
            AT_LEAST,
            "70% người trong độ tuổi lao động được trang bị năng lực thông tin",
            {},
        ),
        ("LIFE_SKILLS", 2025, 50, AT_LEAST, "50% người trong độ tuổi lao động được trang bị kỹ năng sống", {}),
        ("LIFE_SKILLS", 2030, 70, AT_LEAST, "70% người trong độ tuổi lao động được trang bị kỹ năng sống", {}),
        (
            "TRAINED_15PLUS",
            2025,
            50,
            AT_LEAST,
            "50% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
            {},
        ),
        (
            "TRAINED_15PLUS",
            2030,
            60,
            AT_LEAST,
            "60% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
            {},
        ),
        ("UNIVERSITY_15PLUS", 2025, 12, AT_LEAST, "Trong đó 12% có trình độ đại học trở lên", {}),
        ("UNIVERSITY_15PLUS", 2030, 15, AT_LEAST, "Trong đó 15% có trình độ đại học trở lên", {}),
        ("DIGITAL_UNIVERSITY", 2025, 70, AT_LEAST, "70% cơ sở giáo dục đại học triển khai đại học số", {}),
        ("DIGITAL_UNIVERSITY", 2030, 90, AT_LEAST, "90% cơ sở giáo dục đại học triển khai đại học số", {}),
        (
            "DIGITAL_INSTITUTIONS",
            2025,
            60,
            AT_LEAST,
            "60% cơ sở giáo dục phổ thông, giáo dục nghề nghiệp - giáo dục thường xuyên và cơ sở giáo dục khác "
            "triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
            {},
        ),
        (
            "DIGITAL_INSTITUTIONS",
            2030,
            80,
            AT_LEAST,
            "80% cơ sở giáo dục phổ thông, giáo dục nghề nghiệp - giáo dục thường xuyên và cơ sở giáo dục khác "
            "triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
            {},
        ),
        (
            "CLC_IT",
            2025,
            70,
            AT_LEAST,
            "70% trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động",
            {},
        ),
        ("LEARNING_CITIZEN", 2025, 40, AT_LEAST, "40% công dân đạt danh hiệu công dân học tập", {}),
        ("LEARNING_CITIZEN", 2030, 60, AT_LEAST, "60% công dân đạt danh hiệu công dân học tập", {}),
        ("LEARNING_DISTRICT", 2030, 50, AT_LEAST, "50% huyện được công nhận danh hiệu “Huyện học tập”", {}),
        ("LEARNING_PROVINCE", 2030, 35, AT_LEAST, f"35% {_PROV} được công nhận danh hiệu học tập", {}),
    ],
    "387/QĐ-TTg": [
        ("LEARNING_FAMILY", 2025, 70, AT_LEAST, "70% gia đình đạt danh hiệu “Gia đình học tập”", {}),
        ("LEARNING_CLAN", 2025, 65, AT_LEAST, "65% dòng họ đạt danh hiệu “Dòng họ học tập”", {}),
        (
            "LEARNING_COMMUNITY",
            2025,
            65,
            AT_LEAST,
            "65% cộng đồng (thôn, bản, tổ dân phố và tương đương) đạt danh hiệu “Cộng đồng học tập”",
            {},
        ),
        (
            "LEARNING_UNIT",
            2025,
            80,
            AT_LEAST,
            "80% đơn vị (tổ chức, cơ quan, trường học) trên địa bàn cấp xã đạt danh hiệu “Đơn vị học tập”",
            {},
        ),
        (
            "LEARNING_CITIZEN_WORKERS",
            2025,
            40,
            AT_LEAST,
            "40% người lao động trong gia đình, dòng họ, cộng đồng học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
        (
            "LEARNING_CITIZEN_STAFF",
            2025,
            60,
            AT_LEAST,
            "60% cán bộ, công chức, viên chức trong đơn vị học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
    ],
    "677/QĐ-TTg": [
        (
            "LEARNING_CITIZEN_WORKERS",
            2025,
            40,
            AT_LEAST,
            "40% người lao động trong gia đình, dòng họ, cộng đồng học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
        (
            "LEARNING_CITIZEN_WORKERS",
            2030,
            60,
            AT_LEAST,
            "60% người lao động trong gia đình, dòng họ, cộng đồng học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
        (
            "LEARNING_CITIZEN_STAFF",
            2025,
            60,
            AT_LEAST,
            "60% cán bộ, công chức, viên chức trong đơn vị học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
        (
            "LEARNING_CITIZEN_STAFF",
            2030,
            80,
            AT_LEAST,
            "80% cán bộ, công chức, viên chức trong đơn vị học tập đạt danh hiệu “Công dân học tập”",
            {},
        ),
    ],
}


def get_plan(number: str = "1373/QĐ-TTg") -> Plan:
    return Plan.objects.get(unit=national_unit(), number=number)


def load() -> None:
    root = national_unit()
    plans: dict[str, Plan] = {}
    for number, data in PLANS.items():
        fields = dict(data)
        parent_number = fields.pop("parent", None)
        plans[number] = plan(
            unit=root,
            number=number,
            issuing_body=ISSUER,
            status=PlanStatus.ISSUED,
            parent=plans[parent_number] if parent_number else None,
            source_note="/work/shared/REGULATIONS.md (các chương trình quốc gia)",
            **fields,
        )
    for number, rows in TARGETS.items():
        for code, year, value, kind, note, extra in rows:
            target(plans[number], code, year, value, kind, note=note, **extra)
