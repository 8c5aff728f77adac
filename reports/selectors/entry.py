"""Reads for the entry form: the grid a unit fills in for a period, and the periods a unit reports on.

The indicators a unit must report are those with a target in a plan issued by the unit or by one of its
ancestors, running in the period's year, whose entry level is the unit's level. Beside each one: the
target that applies (the same rule as ``reports.progress``: a target for this unit from the nearest plan;
for ratios and standards, else the nearest ancestor's; the first target at or after the period's year)
and the value of the previous period. A fixed number of queries, whatever the number of indicators.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import gettext as _

from indicators.models import Indicator, Measure
from plans.models import Deadline, Period, PlanStatus, Target
from plans.selectors import number_display, target_display
from reports.models import Value
from reports.services.submissions import lock_reasons
from units.models import KIND_LEVEL, Level, Unit

INHERITING_MEASURES = {Measure.RATIO, Measure.STANDARD}


def ancestor_paths(unit: Unit) -> list[str]:
    """The paths of the unit and its ancestors, the unit's own first (no query)."""
    steplen = Unit.steplen
    return [unit.path[:end] for end in range(len(unit.path), 0, -steplen)]


def level_label(indicator: Indicator, level: int) -> str:
    """0 → "Chưa đạt"; 1 of a yes/no standard → "Đạt"; else "Mức n"."""
    if level <= 0:
        return _("Chưa đạt")
    if indicator.max_level == 1:
        return _("Đạt")
    return _("Mức %(n)s") % {"n": level}


def level_choices(indicator: Indicator) -> list[tuple[str, str]]:
    return [("", "—")] + [(str(n), level_label(indicator, n)) for n in range(indicator.max_level + 1)]


def input_number(value: Decimal | None) -> str:
    """A stored number as the form shows it: no grouping, comma decimal (95.50 → "95,5"; 10600 → "10600")."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def percent_display(percent: Decimal | None) -> str:
    if percent is None:
        return ""
    return f"{formats.number_format(percent, 2, use_l10n=True)} %"


def value_display(value: Value | None, indicator: Indicator) -> str:
    """A value as one line of text: "95/100 (95,00 %)", "Mức 2", "12 trung tâm", "không phát sinh"."""
    if value is None:
        return ""
    if value.not_applicable:
        return _("không phát sinh")
    if indicator.measure == Measure.RATIO:
        if value.numerator is None or value.denominator is None:
            return ""
        text = f"{number_display(value.numerator)}/{number_display(value.denominator)}"
        percent = value.percent
        return f"{text} ({percent_display(percent)})" if percent is not None else text
    if value.value is None:
        return ""
    if indicator.measure in (Measure.STANDARD, Measure.STATUS):
        return level_label(indicator, int(value.value))
    suffix = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
    return f"{number_display(value.value)}{suffix}"


@dataclass
class EntryRow:
    index: int  # the row number values_record reports errors against (1-based, in grid order)
    indicator: Indicator
    target: Target | None = None
    target_inherited: bool = False
    current: Value | None = None
    previous: Value | None = None

    @property
    def prefix(self) -> str:
        return f"i{self.indicator.pk}"

    @property
    def target_text(self) -> str:
        return target_display(self.target) if self.target is not None else ""

    @property
    def current_text(self) -> str:
        return value_display(self.current, self.indicator)

    @property
    def previous_text(self) -> str:
        return value_display(self.previous, self.indicator)

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


def _plan_rank(target: Target) -> tuple:
    plan = target.plan
    return (plan.status != PlanStatus.DRAFT, len(plan.unit.path), plan.issued_on or datetime.date.min, plan.pk)


def target_choose(targets: list[Target], unit: Unit, indicator: Indicator, year: int) -> tuple[Target | None, bool]:
    """The target of ``indicator`` that applies to ``unit`` in ``year``, and whether it is an ancestor's."""
    applicable = [t for t in targets if t.plan.start_year <= year <= t.plan.end_year and t.year >= year]
    paths = ancestor_paths(unit)
    if indicator.measure not in INHERITING_MEASURES:
        paths = paths[:1]
    for path in paths:
        candidates = [t for t in applicable if t.unit.path == path]
        if not candidates:
            continue
        nearest = max(candidates, key=_plan_rank)
        of_plan = [t for t in candidates if t.plan_id == nearest.plan_id]
        return min(of_plan, key=lambda t: t.year), path != unit.path
    return None, False


def entry_grid(*, unit: Unit, period: Period, user) -> EntryGrid:
    """The grid of ``unit`` for ``period`` (which may be unsaved: nothing entered yet). Scope is the view's."""
    level = KIND_LEVEL[unit.kind]
    paths = ancestor_paths(unit)
    year = period.year
    running = Q(plan__unit__path__in=paths, plan__start_year__lte=year, plan__end_year__gte=year)
    previous_code = period.previous()

    # 1. Every target of the running plans above for indicators entered at this level.
    targets = list(
        Target.objects.filter(running, indicator__entry_level=level).select_related("plan__unit", "unit", "indicator")
    )
    by_indicator: dict[int, list[Target]] = {}
    indicators: dict[int, Indicator] = {}
    for target in targets:
        by_indicator.setdefault(target.indicator_id, []).append(target)
        indicators[target.indicator_id] = target.indicator
    ordered = sorted(indicators.values(), key=lambda i: (i.category, i.order, i.code))

    # 2. This period's and the previous period's values, with who entered them.
    values: dict[tuple[str, int], Value] = {}
    if ordered:
        for value in Value.objects.filter(
            unit=unit, indicator__in=list(indicators), period__code__in=[period.code, previous_code]
        ).select_related("period", "entered_by", "entered_by_unit"):
            values[(value.period.code, value.indicator_id)] = value

    rows = []
    for index, indicator in enumerate(ordered, start=1):
        target, inherited = target_choose(by_indicator[indicator.pk], unit, indicator, year)
        rows.append(
            EntryRow(
                index=index,
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
    """The reporting periods of the plans of the unit and its ancestors (their deadlines), in due-date order.

    The due date shown is that of the rules asking this unit's level to report (or any level), else the
    earliest of the period. Two queries.
    """
    level = KIND_LEVEL[unit.kind]
    deadlines = list(
        Deadline.objects.filter(plan__unit__path__in=ancestor_paths(unit))
        .select_related("period", "rule")
        .order_by("due_date", "pk")
    )
    grouped: dict[int, list[Deadline]] = {}
    periods: dict[int, Period] = {}
    for deadline in deadlines:
        grouped.setdefault(deadline.period_id, []).append(deadline)
        periods[deadline.period_id] = deadline.period
    counts = dict(
        Value.objects.filter(unit=unit, period__in=list(periods))
        .values("period")
        .annotate(n=Count("pk"))
        .values_list("period", "n")
    )
    rows = []
    for period_id, items in grouped.items():
        mine = [d for d in items if d.rule.reporting_level in ("", level)] or items
        due = min(d.due_date for d in mine)
        rows.append(
            PeriodRow(
                period=periods[period_id],
                due_date=due,
                rules=sorted({d.rule.title for d in mine}),
                values_count=counts.get(period_id, 0),
                is_past=due < today,
            )
        )
    rows.sort(key=lambda r: (r.due_date, r.period.code))
    upcoming = next((r for r in rows if not r.is_past), None)
    if upcoming is not None:
        upcoming.is_next = True
    return rows
