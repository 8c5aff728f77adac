"""Reads for the entry form: the grid a unit fills in for a period, and the periods a unit reports on.

The indicators a unit must report are those with a target in a plan issued by the unit or by one of its
ancestors, running in the period's year, whose entry level is the unit's level. Beside each one: the target
that applies (``plans.targets``, the rule progress uses too) and the value of the previous period. A fixed
number of queries, whatever the number of indicators. Nothing here formats text (``reports.display``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from indicators.models import Indicator
from plans.models import Deadline, Period, Target
from plans.periods import period_neighbour_code
from plans.reporting import deadline_for
from plans.targets import target_choose, targets_index
from reports.models import Value
from reports.services.submissions import lock_reasons
from units.models import KIND_LEVEL, Level, Unit


@dataclass
class EntryRow:
    index: int  # the row number values_record reports errors against (1-based, in grid order)
    indicator: Indicator
    target: Target | None = None
    target_inherited: bool = False
    current: Value | None = None
    previous: Value | None = None

    @property
    def version(self) -> int:
        return self.current.version if self.current is not None else 0


@dataclass
class EntryGrid:
    unit: Unit
    period: Period
    previous_code: str
    rows: list[EntryRow]
    valid_in_period: bool
    lock_reason: str = ""
    has_lower_levels: bool = False  # plans above ask for indicators entered below this unit (rolled up here)
    children: list[Unit] = field(default_factory=list)

    @property
    def is_entry_level(self) -> bool:
        return bool(self.rows)


def entry_grid(*, unit: Unit, period: Period, user) -> EntryGrid:
    """The grid of ``unit`` for ``period`` (which may be unsaved: nothing entered yet). Scope is the view's."""
    level = KIND_LEVEL[unit.kind]
    year = period.year
    running = Q(plan__unit__path__in=unit.ancestor_paths(), plan__start_year__lte=year, plan__end_year__gte=year)
    previous_code = period_neighbour_code(period, -1)

    # 1. The indicators entered at this level that the running plans above set targets for, and their targets.
    ordered = list(
        Indicator.objects.filter(
            pk__in=Target.objects.filter(running, indicator__entry_level=level).values("indicator_id")
        ).order_by("category", "order", "code")
    )
    targets = targets_index(units=[unit], indicators=ordered, year=year) if ordered else {}
    indicators = {i.pk: i for i in ordered}

    # 2. This period's and the previous period's values, with who entered them.
    values: dict[tuple[str, int], Value] = {}
    if ordered:
        for value in (
            Value.objects.of_units()
            .filter(unit=unit, indicator__in=list(indicators), period__code__in=[period.code, previous_code])
            .select_related("period", "entered_by", "entered_by_unit")
        ):
            values[(value.period.code, value.indicator_id)] = value

    rows = []
    for number, indicator in enumerate(ordered, start=1):
        target, inherited = target_choose(targets, unit, indicator)
        rows.append(
            EntryRow(
                index=number,
                indicator=indicator,
                target=target,
                target_inherited=inherited,
                current=values.get((period.code, indicator.pk)),
                previous=values.get((previous_code, indicator.pk)),
            )
        )

    grid = EntryGrid(
        unit=unit,
        period=period,
        previous_code=previous_code,
        rows=rows,
        valid_in_period=unit.is_valid_on(period.reference_day),
    )
    # 3. Locks (a submitted or approved report, a closed period): two queries, only for a saved period.
    if rows and period.pk is not None:
        grid.lock_reason = lock_reasons(pairs={(unit.pk, period.pk)}).get((unit.pk, period.pk), "")
    # 4. Above the lowest level: what is rolled up here, and the units below to enter on behalf of.
    if level != Level.COMMUNE:
        grid.has_lower_levels = Target.objects.filter(running).exclude(indicator__entry_level=level).exists()
        grid.children = list(
            Unit.objects.visible_to(user).filter(parent=unit).valid_on(period.reference_day).order_by("code")
        )
    return grid


@dataclass
class PeriodRow:
    period: Period
    due_date: datetime.date | None
    rules: list[str]
    values_count: int
    is_past: bool
    is_next: bool = False


def entry_periods(*, unit: Unit, today: datetime.date) -> list[PeriodRow]:
    """The periods the unit is expected to report on (``plans.reporting``), with the due date that applies to it
    (the date every page shows), in due-date order. Two queries."""
    deadlines = list(
        Deadline.objects.filter(plan__unit__path__in=unit.ancestor_paths())
        .select_related("plan__unit", "period", "rule")
        .order_by("due_date", "pk")
    )
    periods: dict[int, Period] = {d.period_id: d.period for d in deadlines}
    counts = dict(
        Value.objects.of_units()
        .filter(unit=unit, period__in=list(periods))
        .values("period")
        .annotate(n=Count("pk"))
        .values_list("period", "n")
    )
    rows = []
    for period in periods.values():
        deadline = deadline_for(unit=unit, period=period, deadlines=deadlines)
        if deadline is None:
            continue  # a period of a plan above that does not ask this unit to report
        rows.append(
            PeriodRow(
                period=period,
                due_date=deadline.due_date,
                rules=[deadline.rule.title],
                values_count=counts.get(period.pk, 0),
                is_past=deadline.due_date < today,
            )
        )
    rows.sort(key=lambda r: (r.due_date, r.period.code))
    upcoming = next((r for r in rows if not r.is_past), None)
    if upcoming is not None:
        upcoming.is_next = True
    return rows
