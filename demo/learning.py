"""Demo data for the learning models: a register for Xã Cổ Đô (Ba Vì) and Xã Y Tịch (Chi Lăng), and Cổ Đô's
families of 2024 taken through the whole workflow by the demo accounts. The criteria sets they are scored
on are reference data (``load_reference_data``), loaded before.

The names, scores and the decision are invented (Dữ liệu mẫu); the random draws are seeded, so every run
gives the same data. Idempotent: a commune that already has a register is left alone.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction

from accounts.models import Role, User
from learning.models import Evaluation, ModelKind, Score, Subject
from learning.services import evaluation_check, evaluation_self_assess, evaluations_open, recognition_decision_issue
from units.models import Structure, Unit

DEMO_YEAR = 2024
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Thu", "Minh", "Hữu", "Ngọc", "Quang"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Thảo",
]
COMMUNES = {
    # code: (families, villages, units)
    "09628": (
        60,
        ["Thôn Cổ Đô", "Thôn Phú Xuyên", "Thôn Hậu Trạch", "Thôn Chu Châu"],
        ["UBND xã Cổ Đô", "Trường Mầm non Cổ Đô", "Trường Tiểu học Cổ Đô", "Trạm Y tế xã Cổ Đô"],
    ),
    "06520": (
        80,
        ["Thôn Còn Cuống", "Thôn Làng Cháy", "Thôn Lân Hoài", "Thôn Ngọc Lâu", "Thôn Làng Thông"],
        ["UBND xã Y Tịch", "Trường PTDTBT Tiểu học và THCS Y Tịch", "Trạm Y tế xã Y Tịch"],
    ),
}


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _register(commune: Unit, rng: random.Random) -> int:
    families, villages, units = COMMUNES[commune.code]
    subjects = []
    for n in range(families):
        head = _person(rng)
        subjects.append(
            Subject(
                commune=commune,
                kind=ModelKind.FAMILY,
                code=f"H{n + 1:03d}",
                name=f"Hộ {head}",
                head=head,
                address=villages[n % len(villages)],
            )
        )
    for n, surname in enumerate(sorted(set(SURNAMES[:4]))):
        subjects.append(
            Subject(
                commune=commune,
                kind=ModelKind.CLAN,
                code=f"DH{n + 1:02d}",
                name=f"Dòng họ {surname}",
                head=f"{surname} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                address=villages[n % len(villages)],
            )
        )
    for n, village in enumerate(villages):
        subjects.append(
            Subject(
                commune=commune,
                kind=ModelKind.COMMUNITY,
                code=f"T{n + 1:02d}",
                name=village,
                head=_person(rng),
                address=village,
            )
        )
    for n, unit in enumerate(units):
        subjects.append(
            Subject(commune=commune, kind=ModelKind.UNIT, code=f"DV{n + 1:02d}", name=unit, head=_person(rng))
        )
    Subject.objects.bulk_create(subjects)
    return len(subjects)


def _score_families(commune: Unit, rng: random.Random) -> list[int]:
    evaluations = list(
        Evaluation.objects.filter(subject__commune=commune, subject__kind=ModelKind.FAMILY, year=DEMO_YEAR)
    )
    scores = []
    for evaluation in evaluations:
        good = rng.random() < 0.8
        for indicator in evaluation.criteria_set.indicators_list:
            share = rng.uniform(0.8, 1.0) if good else rng.uniform(0.4, 0.8)
            scores.append(
                Score(
                    evaluation=evaluation,
                    indicator=indicator,
                    points=Decimal(round(float(indicator.max_points) * share)),
                )
            )
    Score.objects.bulk_create(scores)
    return [e.pk for e in evaluations]


@transaction.atomic
def learning_demo_load() -> str:
    rng = random.Random(2024)
    legacy = Unit.objects.of_structure(Structure.LEGACY)
    registered = 0
    for code in COMMUNES:
        commune = legacy.filter(code=code).first()
        if commune is None or Subject.objects.filter(commune=commune).exists():
            continue
        registered += _register(commune, rng)
        # The commune's own account, or (a commune closed on 30/6/2025, whose account moved on) the administrator
        # keeping its history; the legacy district's officer checks.
        reporter = (
            User.objects.filter(unit=commune, role=Role.COMMUNE_REPORTER, is_active=True).first()
            or User.objects.filter(username="demo-admin").first()
        )
        accounts = {u.username: u for u in User.objects.filter(username="demo-district")}
        if reporter is None:
            continue
        evaluations_open(commune=commune, kind=ModelKind.FAMILY, year=DEMO_YEAR, user=reporter)
        ids = _score_families(commune, rng)
        if code != "09628" or "demo-district" not in accounts:
            continue  # Y Tịch: families scored, left for the commune to self-assess
        evaluation_self_assess(evaluations=ids, user=reporter)
        evaluation_check(evaluations=ids, user=accounts["demo-district"])
        recognition_decision_issue(
            evaluations=ids,
            user=reporter,
            number="25/QĐ-UBND",
            issued_on=datetime.date(DEMO_YEAR, 12, 10),
            signer_name="Nguyễn Văn Mẫu",
            signer_title="Chủ tịch",
            superior_body="UBND huyện Ba Vì",
            issuing_body="Ủy ban nhân dân xã Cổ Đô",
            place="Cổ Đô",
        )
    return f"đối tượng mới {registered}"
