"""The criteria sets REGULATIONS.md describes, as far as it describes them (``criteria_sets_load``).

What the facts give: the legal basis, the kind, the scheme, the criteria and their points (TT 22/2020:
conditions 30, members' results 30, effect 40; bands Tốt 85-100, Khá 70-<85, Trung bình 50-<70, Chưa
đạt), the levels 1-3 of TT 24/2023 and TT 25/2023 with the 90 % / 95 % learning-citizen conditions, the
learning family's children 30 / adults 30, the learning citizen's three competency groups with ≥ 80/100
and no indicator below 5. Everything else (the wording and split of indicators, the validity dates where
the facts give none, the family's remaining criteria and its threshold) is ILLUSTRATIVE: every set is
marked ``is_illustrative`` with a note saying what to check against the official text.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from units.models import Level

from .models import Band, CriteriaIndicator, CriteriaSet, Criterion, ModelKind, Scheme

D = datetime.date
ILLUSTRATIVE = (
    "Nội dung minh họa: tên và cách chia chỉ số, ngày áp dụng (nếu văn bản không nêu) do cổng tự soạn để "
    "chạy thử; hãy đối chiếu văn bản gốc và sửa trong trang quản trị trước khi đánh giá chính thức."
)

# (code, name, kind, legal basis, valid from, valid to, scheme, recognising level, floor, note,
#  criteria: [(code, name, max points, [(code, name, max points, level)])], bands: [(name, min, max, recognised)])
SETS = [
    {
        "code": "TT22-2020-DVHT",
        "name": "Đánh giá, xếp loại “Đơn vị học tập” cấp xã (chấm điểm)",
        "kind": ModelKind.UNIT,
        "legal_basis": "Thông tư 22/2020/TT-BGDĐT",
        "valid_from": D(2020, 1, 1),
        "valid_to": D(2023, 12, 31),
        "scheme": Scheme.POINTS,
        "recognising_level": Level.DISTRICT,
        "note": "Thang điểm 100: điều kiện 30, kết quả thành viên 30, tác động 40; tự đánh giá gửi trước hết quý I năm sau.",
        "criteria": [
            (
                "1",
                "Điều kiện bảo đảm học tập",
                30,
                [
                    ("1.1", "Kế hoạch học tập của đơn vị và của từng thành viên", 15, None),
                    ("1.2", "Cơ sở vật chất, tài liệu, thời gian dành cho học tập", 15, None),
                ],
            ),
            (
                "2",
                "Kết quả học tập của thành viên",
                30,
                [
                    ("2.1", "Thành viên hoàn thành chương trình bồi dưỡng, học tập", 15, None),
                    ("2.2", "Thành viên đạt danh hiệu “Công dân học tập”", 15, None),
                ],
            ),
            (
                "3",
                "Tác động của học tập",
                40,
                [
                    ("3.1", "Hoàn thành nhiệm vụ của đơn vị", 20, None),
                    ("3.2", "Lan tỏa phong trào học tập ra cộng đồng", 20, None),
                ],
            ),
        ],
        "bands": [
            ("Tốt", 85, None, True),
            ("Khá", 70, 85, True),
            ("Trung bình", 50, 70, True),
            ("Chưa đạt", 0, 50, False),
        ],
    },
    {
        "code": "TT24-2023-DVHT",
        "name": "Đánh giá, công nhận “Đơn vị học tập” cấp xã (mức độ 1-3)",
        "kind": ModelKind.UNIT,
        "legal_basis": "Thông tư 24/2023/TT-BGDĐT",
        "valid_from": D(2024, 1, 1),
        "valid_to": None,
        "scheme": Scheme.LEVELS,
        "recognising_level": Level.DISTRICT,
        "note": "Số liệu 01/01-31/12; hồ sơ gửi phòng giáo dục trước 15/01 năm sau; Ủy ban nhân dân quyết định công nhận.",
        "criteria": [
            (
                "1",
                "Điều kiện bảo đảm",
                None,
                [
                    ("1.1", "Có kế hoạch học tập của đơn vị, được thực hiện", None, 1),
                    ("1.2", "Bố trí kinh phí, thời gian, tài liệu cho thành viên học tập", None, 2),
                ],
            ),
            (
                "2",
                "Kết quả học tập của thành viên",
                None,
                [
                    ("2.1", "Ít nhất 90 % thành viên đạt danh hiệu “Công dân học tập”", None, 1),
                    ("2.2", "Ít nhất 95 % thành viên đạt danh hiệu “Công dân học tập”", None, 2),
                ],
            ),
            (
                "3",
                "Tác động",
                None,
                [
                    ("3.1", "Đơn vị hoàn thành tốt nhiệm vụ trong năm", None, 1),
                    ("3.2", "Có sáng kiến, mô hình học tập được nhân rộng", None, 3),
                ],
            ),
        ],
        "bands": [],
    },
    *[
        {
            "code": f"TT25-2023-{suffix}",
            "name": f"Đánh giá, công nhận “Cộng đồng học tập” {label} (mức độ 1-3)",
            "kind": kind,
            "legal_basis": "Thông tư 25/2023/TT-BGDĐT",
            "valid_from": D(2024, 2, 12),
            "valid_to": None,
            "scheme": Scheme.LEVELS,
            "recognising_level": level,
            "note": "Thay Thông tư 44/2014/TT-BGDĐT (chỉ cấp xã) từ 12/02/2024; ba mức độ ở mỗi cấp.",
            "criteria": [
                (
                    "1",
                    "Thực hiện công tác xây dựng xã hội học tập",
                    None,
                    [
                        ("1.1", "Có kế hoạch xây dựng xã hội học tập được triển khai", None, 1),
                        ("1.2", "Huy động nguồn lực cho học tập suốt đời", None, 2),
                    ],
                ),
                (
                    "2",
                    "Kết quả học tập và các mô hình học tập",
                    None,
                    [
                        ("2.1", "Đạt chỉ tiêu mô hình học tập của kế hoạch năm", None, 1),
                        ("2.2", "Vượt chỉ tiêu mô hình học tập, duy trì hai năm liền", None, 3),
                    ],
                ),
            ],
            "bands": [],
        }
        for suffix, label, kind, level in [
            ("XA", "cấp xã", ModelKind.LEARNING_COMMUNE, Level.DISTRICT),
            ("HUYEN", "cấp huyện", ModelKind.LEARNING_DISTRICT, Level.PROVINCE),
            ("TINH", "cấp tỉnh", ModelKind.LEARNING_PROVINCE, Level.NATIONAL),
        ]
    ],
    *[
        {
            "code": f"KHVN-2022-{suffix}",
            "name": f"Bộ tiêu chí đánh giá, công nhận “{label}”",
            "kind": kind,
            "legal_basis": "QĐ 448/QĐ-KHVN (2015), Kế hoạch 123/KH-KHVN ngày 14/4/2022 của Hội Khuyến học Việt Nam",
            "valid_from": D(2022, 1, 1),
            "valid_to": None,
            "scheme": Scheme.POINTS,
            "recognising_level": Level.COMMUNE,
            "note": "Công nhận hằng năm ở thôn/xã; báo cáo lên cấp trên trước 15/12.",
            "criteria": criteria,
            "bands": [("Đạt", 80, None, True), ("Chưa đạt", 0, 80, False)],
        }
        for suffix, label, kind, criteria in [
            (
                "GDHT",
                "Gia đình học tập",
                ModelKind.FAMILY,
                [
                    (
                        "1",
                        "Học tập của trẻ em",
                        30,
                        [("1.1", "Trẻ em trong độ tuổi đi học được đến trường, chuyên cần", 30, None)],
                    ),
                    (
                        "2",
                        "Học tập của người lớn",
                        30,
                        [("2.1", "Người lớn học tập thường xuyên, tham gia sinh hoạt TTHTCĐ", 30, None)],
                    ),
                    (
                        "3",
                        "Điều kiện học tập của gia đình",
                        20,
                        [("3.1", "Có góc học tập, sách báo, thiết bị học tập", 20, None)],
                    ),
                    (
                        "4",
                        "Kết quả, tác động của học tập",
                        20,
                        [("4.1", "Kinh tế ổn định, gia đình văn hóa", 20, None)],
                    ),
                ],
            ),
            (
                "DHHT",
                "Dòng họ học tập",
                ModelKind.CLAN,
                [
                    (
                        "1",
                        "Tổ chức khuyến học trong dòng họ",
                        30,
                        [("1.1", "Có ban khuyến học, quỹ khuyến học của dòng họ", 30, None)],
                    ),
                    (
                        "2",
                        "Gia đình học tập trong dòng họ",
                        40,
                        [("2.1", "Tỷ lệ gia đình trong dòng họ đạt gia đình học tập", 40, None)],
                    ),
                    ("3", "Tác động", 30, [("3.1", "Con cháu học tập, thành đạt; không vi phạm pháp luật", 30, None)]),
                ],
            ),
            (
                "CDHT",
                "Cộng đồng học tập (thôn, tổ dân phố)",
                ModelKind.COMMUNITY,
                [
                    (
                        "1",
                        "Tổ chức học tập trong cộng đồng",
                        30,
                        [("1.1", "Chi hội khuyến học hoạt động, có kế hoạch học tập", 30, None)],
                    ),
                    (
                        "2",
                        "Gia đình, dòng họ học tập trong cộng đồng",
                        40,
                        [("2.1", "Tỷ lệ gia đình học tập của thôn", 40, None)],
                    ),
                    ("3", "Tác động", 30, [("3.1", "Thôn đạt danh hiệu văn hóa, an ninh trật tự bảo đảm", 30, None)]),
                ],
            ),
        ]
    ],
    {
        "code": "KHVN-324-CDHT",
        "name": "Đánh giá, công nhận “Công dân học tập”",
        "kind": ModelKind.CITIZEN,
        "legal_basis": "QĐ 677/QĐ-TTg (2022); tiêu chí theo QĐ 324/QĐ-KHVN",
        "valid_from": D(2022, 6, 3),
        "valid_to": None,
        "scheme": Scheme.POINTS,
        "recognising_level": Level.COMMUNE,
        "min_indicator_points": 5,
        "note": "Công dân tự đánh giá trực tuyến; đạt khi từ 80/100 điểm và không chỉ số nào dưới 5 điểm.",
        "criteria": [
            (
                "1",
                "Năng lực tự học",
                40,
                [
                    ("1.1", "Xác định nhu cầu, mục tiêu học tập", 10, None),
                    ("1.2", "Lập và thực hiện kế hoạch tự học", 10, None),
                    ("1.3", "Tìm kiếm, chọn lọc thông tin", 10, None),
                    ("1.4", "Vận dụng kết quả học vào cuộc sống", 10, None),
                ],
            ),
            (
                "2",
                "Năng lực sử dụng công cụ tương tác",
                30,
                [
                    ("2.1", "Sử dụng ngôn ngữ, văn bản", 10, None),
                    ("2.2", "Sử dụng thiết bị số, Internet", 10, None),
                    ("2.3", "Khai thác dịch vụ công trực tuyến", 10, None),
                ],
            ),
            (
                "3",
                "Năng lực quan hệ xã hội",
                30,
                [
                    ("3.1", "Hợp tác, làm việc nhóm", 10, None),
                    ("3.2", "Ứng xử văn hóa, tuân thủ pháp luật", 10, None),
                    ("3.3", "Tham gia hoạt động cộng đồng", 10, None),
                ],
            ),
        ],
        "bands": [("Đạt", 80, None, True), ("Chưa đạt", 0, 80, False)],
    },
]


def _decimal(x) -> Decimal | None:
    return None if x is None else Decimal(x)


@transaction.atomic
def criteria_sets_load() -> int:
    """Create the sets that do not exist yet (by code); an existing set is left as the administrator edited it."""
    created = 0
    for data in SETS:
        if CriteriaSet.objects.filter(code=data["code"]).exists():
            continue
        criteria_set = CriteriaSet.objects.create(
            code=data["code"],
            name=data["name"],
            kind=data["kind"],
            legal_basis=data["legal_basis"],
            valid_from=data["valid_from"],
            valid_to=data["valid_to"],
            scheme=data["scheme"],
            recognising_level=data["recognising_level"],
            min_indicator_points=_decimal(data.get("min_indicator_points")),
            is_illustrative=True,
            note=f"{data['note']}\n{ILLUSTRATIVE}",
        )
        for order, (code, name, max_points, indicators) in enumerate(data["criteria"], start=1):
            criterion = Criterion.objects.create(
                criteria_set=criteria_set, order=order, code=code, name=name, max_points=_decimal(max_points)
            )
            CriteriaIndicator.objects.bulk_create(
                CriteriaIndicator(
                    criterion=criterion, order=n, code=icode, name=iname, max_points=_decimal(imax), level=level
                )
                for n, (icode, iname, imax, level) in enumerate(indicators, start=1)
            )
        Band.objects.bulk_create(
            Band(criteria_set=criteria_set, name=name, min_points=low, max_points=_decimal(high), recognised=ok)
            for name, low, high, ok in data["bands"]
        )
        created += 1
    return created
