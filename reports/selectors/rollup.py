"""Reads for the roll-up page of a unit and a period: figures, progress against targets, the drill-down
to the child units, in a number of queries that depends on neither the number of units nor the number of
indicators. The selector takes the unit, period and plan the view resolved, and returns data: the page's
texts are ``reports.display`` (template filters), its links the template's.

Queries: the ancestors, the plans, the indicators (one query with subqueries), the unit's notes, the
children; two ``progress_for`` calls (the unit with every indicator, the children with the chosen one),
each a target query, a period query and one ``rollup()`` per year of history.
"""

from __future__ import annotations

import dataclasses

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy

from accounts.policy import is_administrator, may_record_emulation
from emulation.models import EmulationResult
from emulation.selectors import emulation_result_for
from indicators.models import Category, Indicator
from plans.models import Period, PeriodKind, Plan, Target
from plans.periods import period_neighbour_code
from reports.backcast import values_feeding
from reports.models import RollupNote, Value
from reports.progress import STATUS_ORDER, Progress, progress_for
from reports.rollup import rollup
from reports.services.aggregates import aggregates_reported
from units.models import LEVEL_RANK, Unit

CATEGORY_RANK = {value: rank for rank, value in enumerate(Category.values)}


# --- the page -------------------------------------------------------------------------------------------


@dataclasses.dataclass
class IndicatorRow:
    indicator: Indicator
    progress: Progress  # its figure, its target and the status against it
    note: RollupNote | None
    selected: bool

    @property
    def figure(self):
        return self.progress.figure


@dataclasses.dataclass
class ChildRow:
    unit: Unit
    indicator: Indicator
    progress: Progress

    @property
    def figure(self):
        return self.progress.figure


@dataclasses.dataclass
class Crumb:
    unit: Unit
    visible: bool  # False when the unit is outside the user's scope (no link)


@dataclasses.dataclass
class SortColumn:
    key: str
    label: str
    active: str  # "", "asc" or "desc"
    next: str  # the sort a click on the column asks for


@dataclasses.dataclass
class RollupPage:
    unit: Unit
    period: Period
    unit_valid: bool
    backcast: bool  # a unit formed after the period: its figures are computed from its predecessors'
    crumbs: list[Crumb]
    plans: list[Plan]
    plan: Plan | None
    rows: list[IndicatorRow]
    selected: Indicator | None
    children: list[ChildRow]
    sort: str
    sort_columns: list[SortColumn]
    previous_code: str
    next_code: str
    emulation: EmulationResult | None = None  # the unit's emulation result of the period's year (QĐ 1315)
    may_record_emulation: bool = False


def rollup_plans(*, user, unit: Unit) -> list[Plan]:
    """The plans a unit's figures can be measured against: those of the unit and its ancestors the user sees."""
    return list(
        Plan.objects.visible_to(user)
        .filter(unit__path__in=unit.ancestor_paths())
        .select_related("unit")
        .order_by("unit__path", "-issued_on", "pk")
    )


def rollup_indicators(unit: Unit, period: Period, plan: Plan | None) -> list[Indicator]:
    """Indicators with targets in the plans of the unit and its ancestors (or of the chosen plan), or with
    values in the unit's subtree for the period; those entered above the unit's level are left out."""
    if plan is not None:
        wanted = Q(pk__in=Target.objects.filter(plan=plan).values("indicator_id"))
    else:
        values = Value.objects.of_units().filter(values_feeding(unit, period))
        if period.kind == PeriodKind.YEAR:
            values = values.filter(period__year=period.year)
        else:
            values = values.filter(period_id=period.pk)
        reported = aggregates_reported(unit=unit, period=period)  # a closed period: its stored roll-up knows
        with_values = (
            Q(pk__in=reported)
            if reported is not None
            else Q(Exists(values.filter(indicator=OuterRef("pk"))))
            | Q(Exists(values.filter(indicator=OuterRef("source_id"))))  # a derived standard
        )
        wanted = (
            Q(pk__in=Target.objects.filter(plan__unit__path__in=unit.ancestor_paths()).values("indicator_id"))
            | with_values
        )
    rank = LEVEL_RANK[unit.level]
    found = [i for i in Indicator.objects.filter(wanted) if LEVEL_RANK[i.entry_level] >= rank]
    return sorted(found, key=lambda i: (CATEGORY_RANK.get(i.category, 99), i.order, i.code))


SORT_KEYS = {
    "name": (gettext_lazy("Đơn vị"), lambda row: row.unit.name.casefold()),
    "code": (gettext_lazy("Mã"), lambda row: row.unit.code),
    "value": (gettext_lazy("Kết quả"), lambda row: row.figure.value if row.figure else None),
    "target": (
        gettext_lazy("Chỉ tiêu"),
        lambda row: row.progress.target.value if row.progress.target else None,
    ),
    "status": (gettext_lazy("Đánh giá"), lambda row: STATUS_ORDER[row.progress.status]),
    "gap": (gettext_lazy("Chênh lệch"), lambda row: row.progress.gap),
    "completeness": (gettext_lazy("Đã báo cáo"), lambda row: row.figure.completeness if row.figure else None),
}


def _sorted(rows: list[ChildRow], sort: str) -> tuple[list[ChildRow], str]:
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        return rows, ""
    getter = SORT_KEYS[key][1]
    present = [r for r in rows if getter(r) is not None]
    missing = [r for r in rows if getter(r) is None]
    present.sort(key=getter, reverse=sort.startswith("-"))
    return present + missing, sort


def _sort_columns(sort: str) -> list[SortColumn]:
    columns = []
    for key, (label, _getter) in SORT_KEYS.items():
        active = "asc" if sort == key else "desc" if sort == f"-{key}" else ""
        columns.append(SortColumn(key, str(label), active, f"-{key}" if active == "asc" else key))
    return columns


def rollup_page(
    *,
    user,
    unit: Unit,
    period: Period,
    plan: Plan | None = None,
    indicator_code: str | None = None,
    sort: str | None = None,
    approved_only: bool = False,
) -> RollupPage:
    """The roll-up page of a unit the user sees (the view resolved it), for a period and optionally a plan."""
    day = period.reference_day
    root = "" if is_administrator(user) else user.unit.path
    crumbs = [Crumb(a, a.path.startswith(root)) for a in Unit.objects.ancestors_of(unit)]
    indicators = rollup_indicators(unit, period, plan)
    selected = next((i for i in indicators if i.code == indicator_code), None)

    figures = rollup(anchors=[unit], period=period, indicators=indicators, approved_only=approved_only)
    progress = progress_for(
        anchors=[unit], period=period, indicators=indicators, figures=figures, plan=plan, approved_only=approved_only
    )
    if selected is None:
        selected = next((i for i in indicators if progress[(unit.pk, i.pk)].target is not None), None) or (
            indicators[0] if indicators else None
        )
    notes = {
        n.indicator_id: n for n in RollupNote.objects.filter(unit=unit, period_id=period.pk).select_related("author")
    }
    rows = [
        IndicatorRow(
            indicator=i,
            progress=progress[(unit.pk, i.pk)],
            note=notes.get(i.pk),
            selected=selected is not None and i.pk == selected.pk,
        )
        for i in indicators
    ]

    children_units = list(
        Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).valid_on(unit.structure_day(day))
    )
    children: list[ChildRow] = []
    if children_units and selected is not None:
        child_figures = rollup(
            anchors=children_units, period=period, indicators=[selected], approved_only=approved_only
        )
        child_progress = progress_for(
            anchors=children_units,
            period=period,
            indicators=[selected],
            figures=child_figures,
            plan=plan,
            approved_only=approved_only,
        )
        children = [ChildRow(child, selected, child_progress[(child.pk, selected.pk)]) for child in children_units]
    children, sort = _sorted(children, sort or "")
    return RollupPage(
        unit=unit,
        period=period,
        unit_valid=unit.is_valid_on(day),
        backcast=unit.formed_after(day),
        crumbs=crumbs,
        plans=rollup_plans(user=user, unit=unit),
        plan=plan,
        rows=rows,
        selected=selected,
        children=children,
        sort=sort,
        sort_columns=_sort_columns(sort),
        previous_code=period_neighbour_code(period, -1),
        next_code=period_neighbour_code(period, 1),
        emulation=emulation_result_for(user=user, unit=unit, year=period.year),
        may_record_emulation=may_record_emulation(user, unit),
    )
