"""Reads for the data-quality rules (``reports.quality``): the figures of a report, or of a whole subtree, with
the previous period's and the siblings' figures the rules compare them with.

Set-based: three queries whatever the number of units and indicators (this period's values of the units and of
their siblings, the previous period's values of the units; the subtree's list adds the units' names).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.db.models import Q

from indicators.models import Indicator
from plans.models import Period
from plans.periods import period_neighbour_code
from reports.models import Value
from reports.quality import Figure, Flag, flags_find, rules_load
from units.models import Unit

FIELDS = (
    "unit_id", "unit__parent_id", "indicator__code", "indicator__measure", "value", "numerator", "denominator",
    "not_applicable", "unit__path",
)  # fmt: skip


def _figures(queryset) -> list[tuple[Figure, str]]:
    """(figure, its unit's path) of the values of a queryset ("nothing to report" is no figure)."""
    return [
        (Figure(unit_id=u, parent_id=p, code=c, measure=m, value=v, numerator=n, denominator=d), path)
        for u, p, c, m, v, n, d, na, path in queryset.values_list(*FIELDS)
        if not na
    ]


@dataclasses.dataclass
class QualityResult:
    flags: list[Flag]
    previous: dict[tuple[int, str], Figure]  # the previous period's figures of the units looked at

    def of(self, unit_id: int, code: str) -> list[Flag]:
        return [f for f in self.flags if f.unit_id == unit_id and f.code == code]


def quality_flags(*, unit: Unit, period: Period, subtree: bool = False) -> QualityResult:
    """The flags of the unit's own figures for the period (its report), or with ``subtree`` of every unit of the
    subtree (the unit's own included). Two queries."""
    if period.pk is None:
        return QualityResult([], {})
    if subtree:
        looked_at = Q(unit__path__startswith=unit.path)
        # the siblings of the unit itself are outside the subtree: its own figures get no sibling comparison
        around = looked_at | Q(unit__parent_id=unit.parent_id) if unit.parent_id else looked_at
    else:
        looked_at = Q(unit=unit)
        around = Q(unit__parent_id=unit.parent_id) if unit.parent_id else looked_at
    values = Value.objects.of_units().filter(period_id=period.pk)
    every = _figures(values.filter(around | looked_at))
    siblings: dict[tuple[int | None, str], list] = defaultdict(list)
    for figure, _path in every:
        if figure.amount is not None:
            siblings[(figure.parent_id, figure.code)].append(figure.amount)
    if subtree:
        mine = [f for f, path in every if path.startswith(unit.path)]
    else:
        mine = [f for f, _path in every if f.unit_id == unit.pk]
    previous_code = period_neighbour_code(period, -1)
    previous = {
        (f.unit_id, f.code): f
        for f, _path in _figures(Value.objects.of_units().filter(looked_at, period__code=previous_code))
    }
    return QualityResult(flags_find(figures=mine, previous=previous, siblings=siblings, rules=rules_load()), previous)


@dataclasses.dataclass
class FlaggedRow:
    unit: Unit
    flags: list[Flag]


@dataclasses.dataclass
class FlaggedPage:
    unit: Unit
    period: Period
    rows: list[FlaggedRow]
    count: int
    indicators: dict[str, Indicator]  # the flagged indicators by code, for their names


def flagged_subtree(*, unit: Unit, period: Period) -> FlaggedPage:
    """The flagged figures of every unit of the subtree, unit by unit in tree order, with the flagged indicators.
    Four queries (two without a flag)."""
    result = quality_flags(unit=unit, period=period, subtree=True)
    by_unit: dict[int, list[Flag]] = defaultdict(list)
    for flag in result.flags:
        by_unit[flag.unit_id].append(flag)
    units = Unit.objects.filter(pk__in=list(by_unit)).order_by("path") if by_unit else []
    rows = [FlaggedRow(u, by_unit[u.pk]) for u in units]
    codes = {flag.code for flag in result.flags}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)} if codes else {}
    return FlaggedPage(unit=unit, period=period, rows=rows, count=len(result.flags), indicators=indicators)
