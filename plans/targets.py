"""Which target applies to a unit and an indicator in a year: the one owner of that rule.

A ``Target`` row for this unit from the nearest plan (the plan whose issuing unit is deepest in the tree; an
issued plan before a draft; then the latest issued). For ratios and standards a unit without a target of its
own inherits the target of its nearest ancestor that has one ("70 % of families are learning families" holds
for every district and commune of the city); a count never inherits (100 centres for the city are not 100
centres for each commune). Only plans running in the year (``start_year ≤ year ≤ end_year``) count; of their
targets, the first at or after the year: a year between two milestones is measured against the next one.

A target may be given for one area category (``Target.area_category``: "60 % in especially difficult
communes"): it applies to the units that belong to the category on the year's reference day (14/12,
``plans.periods.period_window``), and there it wins over the plan's general target at the same unit.

Used by progress (roll-up page, Excel, PDF, API), the entry grid, the entry template and the learning board.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence

from indicators.models import Indicator, Measure
from plans.models import PeriodKind, PlanStatus, Target
from plans.periods import period_window
from units.models import Unit

INHERITING_MEASURES = {Measure.RATIO, Measure.STANDARD}


class TargetIndex(dict):
    """Targets keyed by (unit path, indicator id); ``areas``: the area categories of the units asked for
    (unit id → category ids), read only when a target is given for a category."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas: dict[int, set[int]] = {}


def targets_index(*, units: Sequence[Unit], indicators: Sequence[Indicator], year: int, plan=None) -> TargetIndex:
    """Targets of plans running in ``year`` for the units and their ancestors, keyed by (unit path, indicator
    id); ``plan``: that plan's targets only. One query, and one more for the units' area categories when a
    target is given for a category."""
    paths = {p for unit in units for p in unit.ancestor_paths()}
    qs = (
        Target.objects.filter(
            indicator__in=[i.pk for i in indicators],
            unit__path__in=paths,
            year__gte=year,
            plan__start_year__lte=year,
            plan__end_year__gte=year,
        )
        .select_related("plan__unit", "unit", "indicator", "area_category")
        .order_by()
    )
    if plan is not None:
        qs = qs.filter(plan=plan)
    grouped: dict[tuple[str, int], list[Target]] = defaultdict(list)
    for target in qs:
        grouped[(target.unit.path, target.indicator_id)].append(target)
    index = TargetIndex(grouped)
    if any(t.area_category_id for targets in grouped.values() for t in targets):
        from units.areas import categories_of

        index.areas = categories_of(units, period_window(PeriodKind.YEAR, year, 1)[1])
    return index


def _plan_rank(target: Target) -> tuple:
    plan = target.plan
    return (plan.status != PlanStatus.DRAFT, len(plan.unit.path), plan.issued_on or datetime.date.min, plan.pk)


def target_choose(index: TargetIndex, unit: Unit, indicator: Indicator) -> tuple[Target | None, bool]:
    """The target that applies to (unit, indicator), and whether it is inherited from an ancestor. No query."""
    paths = unit.ancestor_paths()[::-1]  # nearest first
    if indicator.measure not in INHERITING_MEASURES:
        paths = paths[:1]
    areas = getattr(index, "areas", {}).get(unit.pk, set())
    for path in paths:
        candidates = [
            t
            for t in index.get((path, indicator.pk)) or ()
            if t.area_category_id is None or t.area_category_id in areas
        ]
        if not candidates:
            continue
        candidates = [t for t in candidates if t.area_category_id is not None] or candidates
        nearest = max(candidates, key=_plan_rank)
        of_plan = [t for t in candidates if t.plan_id == nearest.plan_id]
        return min(of_plan, key=lambda t: t.year), path != unit.path
    return None, False


def target_for(*, unit: Unit, indicator: Indicator, year: int, plan=None) -> tuple[Target | None, bool]:
    """``target_choose`` for one unit and indicator (one query)."""
    index = targets_index(units=[unit], indicators=[indicator], year=year, plan=plan)
    return target_choose(index, unit, indicator)
