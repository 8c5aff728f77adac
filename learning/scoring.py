"""The one place where a result is computed from scores: ``score_evaluate`` (pure, no query).

POINTS: the total is the sum of the indicators' points; the band is the one with min ≤ total < max
(``max`` empty: no upper bound). A set may also require every indicator to reach a minimum
(``min_indicator_points``, e.g. learning citizens: no indicator below 5): below it, no recognised band.
LEVELS: an indicator scores 1 (met) or 0; level n is reached when every indicator required for level n
or a lower one is met; the result is the highest such level (0: not reached).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Band, CriteriaSet, Scheme

ZERO = Decimal(0)


@dataclasses.dataclass(frozen=True)
class Outcome:
    total: Decimal | None
    band: Band | None
    level: int | None
    recognisable: bool
    label: str


def score_check(criteria_set: CriteriaSet, scores: Mapping[int, Decimal]) -> dict[int, str]:
    """Per indicator id, the reason a score is out of range (Vietnamese)."""
    errors = {}
    for indicator in criteria_set.indicators_list:
        points = scores.get(indicator.pk)
        if points is None:
            continue
        if criteria_set.scheme == Scheme.LEVELS:
            if points not in (0, 1):
                errors[indicator.pk] = _("Chỉ số theo mức chỉ nhận 1 (đạt) hoặc 0 (chưa đạt).")
        elif points < 0 or (indicator.max_points is not None and points > indicator.max_points):
            errors[indicator.pk] = _("Điểm phải từ 0 đến %(max)s.") % {"max": indicator.max_points}
    return errors


def score_evaluate(criteria_set: CriteriaSet, scores: Mapping[int, Decimal]) -> Outcome:
    """The total and band (POINTS) or level (LEVELS) of ``scores`` (indicator id → points); missing = 0."""
    indicators = criteria_set.indicators_list
    if criteria_set.scheme == Scheme.LEVELS:
        reached = 0
        for level in (1, 2, 3):
            required = [i for i in indicators if i.level is not None and i.level <= level]
            if required and all(scores.get(i.pk, ZERO) >= 1 for i in required):
                reached = level
            else:
                break
        label = _("Mức độ %(level)s") % {"level": reached} if reached else _("Chưa đạt")
        return Outcome(None, None, reached, reached >= 1, label)

    total = sum((Decimal(scores.get(i.pk, ZERO)) for i in indicators), ZERO)
    floor = criteria_set.min_indicator_points
    below_floor = floor is not None and any(Decimal(scores.get(i.pk, ZERO)) < floor for i in indicators)
    band = next(
        (
            b
            for b in criteria_set.bands_list
            if b.min_points <= total and (b.max_points is None or total < b.max_points)
        ),
        None,
    )
    if below_floor and band is not None and band.recognised:
        band = next((b for b in criteria_set.bands_list if not b.recognised), None)
        label = band.name if band else _("Chưa đạt")
        return Outcome(total, band, None, False, label)
    if band is None:
        return Outcome(total, None, None, False, _("Chưa đạt"))
    return Outcome(total, band, None, band.recognised, band.name)
