"""Reads for the roll-up page of a unit and a period: figures, progress against targets, the drill-down
to the child units and the chart data, in a number of queries that depends on neither the number of units
nor the number of indicators.

Queries: the unit, the period, its ancestors, the children, the plans, the indicators (one query with
subqueries), the unit's notes; two ``progress_for`` calls (the unit with every indicator, the children
with the chosen one), each a target query, a period query and one ``rollup()`` per year of history.
"""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indicators.models import Category, Indicator, Measure
from plans.models import Period, PeriodKind, Plan, Target, TargetKind
from plans.selectors import number_display, target_display
from plans.services import period_code, period_get_or_create, period_parse
from reports.models import RollupNote, Value
from reports.progress import STATUS_ORDER, Progress, Status, progress_for
from reports.rollup import Figure, rollup
from units.models import Level, Unit

#: Higher levels first: a page shows the indicators entered at its unit's level or below.
LEVEL_RANK = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3}
CATEGORY_RANK = {value: rank for rank, value in enumerate(Category.values)}
TENTH = Decimal("0.1")
CENT = Decimal("0.01")


# --- Vietnamese number formats (the active language's separators: 99,5 %; 10.600) -------------------


def amount_text(value: Decimal | None, *, percent: bool = False) -> str:
    if value is None:
        return "—"
    if percent:
        return f"{number_display(Decimal(value).quantize(TENTH, rounding=ROUND_HALF_UP))} %"
    return number_display(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def gap_text(value: Decimal | None, *, percent: bool = False) -> str:
    if value is None:
        return "—"
    rounded = Decimal(value).quantize(TENTH if percent else CENT, rounding=ROUND_HALF_UP)
    if rounded == 0:
        return "0"
    sign = "+" if rounded > 0 else "−"
    return sign + number_display(abs(rounded))


def completeness_text(figure: Figure | None) -> str:
    if figure is None or not figure.expected:
        return "—"
    percent = amount_text(figure.completeness, percent=True)
    return f"{number_display(Decimal(figure.reported))}/{number_display(Decimal(figure.expected))} ({percent})"


def projection_text(progress: Progress, percent: bool) -> str:
    projection = progress.projection
    if projection is None:
        return ""
    pace = gap_text(projection.pace, percent=percent)
    if projection.year is None:
        return _("Tốc độ %(pace)s/năm: chưa đạt chỉ tiêu nếu giữ tốc độ này.") % {"pace": pace}
    if projection.reached:
        return _("Tốc độ %(pace)s/năm: đạt chỉ tiêu năm %(year)s (mốc %(milestone)s).") % {
            "pace": pace,
            "year": projection.year,
            "milestone": projection.milestone_year,
        }
    return _("Tốc độ %(pace)s/năm: đạt chỉ tiêu năm %(year)s, sau mốc %(milestone)s.") % {
        "pace": pace,
        "year": projection.year,
        "milestone": projection.milestone_year,
    }


# --- the page -------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Cells:
    """What a row shows about one (unit, indicator) figure, formatted."""

    figure: Figure | None
    progress: Progress | None
    value: str
    numerator: str
    denominator: str
    target: str
    status: str | None
    status_label: str
    gap: str
    completeness: str
    expected: str
    projection: str
    inherited: bool


def cells(indicator: Indicator, figure: Figure | None, progress: Progress | None) -> Cells:
    percent = indicator.is_percentage
    target = progress.target if progress else None
    if target is not None:
        target.indicator = indicator
    ratio = indicator.measure in (Measure.RATIO, Measure.STANDARD)
    status = progress.status if progress else None
    return Cells(
        figure=figure,
        progress=progress,
        value=amount_text(figure.value if figure else None, percent=percent),
        numerator=amount_text(figure.numerator) if ratio and figure and figure.numerator is not None else "",
        denominator=amount_text(figure.denominator) if ratio and figure and figure.denominator is not None else "",
        target=(target_display(target) + (f" ({target.year})" if target.year != progress.year else ""))
        if target
        else "—",
        status=status,
        status_label=Status(status).label if status else "",
        gap=gap_text(progress.gap, percent=percent) if progress else "—",
        completeness=completeness_text(figure),
        expected=amount_text(progress.expected, percent=percent) if progress and progress.expected is not None else "",
        projection=projection_text(progress, percent) if progress else "",
        inherited=bool(progress and progress.inherited),
    )


@dataclasses.dataclass
class IndicatorRow:
    indicator: Indicator
    cells: Cells
    note: RollupNote | None
    selected: bool
    url: str  # this page with the indicator chosen for the drill-down


@dataclasses.dataclass
class ChildRow:
    unit: Unit
    cells: Cells
    url: str  # the child's own roll-up page


@dataclasses.dataclass
class Crumb:
    unit: Unit
    url: str | None  # None when the unit is outside the user's scope


@dataclasses.dataclass
class SortLink:
    key: str
    label: str
    url: str
    active: str  # "", "asc" or "desc"


@dataclasses.dataclass
class RollupPage:
    unit: Unit
    period: Period
    unit_valid: bool
    crumbs: list[Crumb]
    plans: list[Plan]
    plan: Plan | None
    rows: list[IndicatorRow]
    selected: Indicator | None
    children: list[ChildRow]
    sort: str
    sort_links: list[SortLink]
    chart: dict | None
    previous_url: str
    next_url: str


def _url(unit_id: int, code: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse("reports:rollup", args=[unit_id, code]) + (f"?{query}" if query else "")


def _ancestor_paths(path: str) -> list[str]:
    return [path[:end] for end in range(Unit.steplen, len(path) + 1, Unit.steplen)]


def period_for(code: str) -> Period:
    """The period of a URL's code (created on first use); 404 for a bad code."""
    try:
        kind, year, number = period_parse(code)
    except ValidationError:
        raise Http404(_("Mã kỳ báo cáo không hợp lệ.")) from None
    return period_get_or_create(code=period_code(kind, year, number))


def _next_code(period: Period) -> str:
    if period.kind == PeriodKind.YEAR:
        return str(period.year + 1)
    per_year = 2 if period.kind == PeriodKind.HALF else 4
    if period.number < per_year:
        return period_code(period.kind, period.year, period.number + 1)
    return period_code(period.kind, period.year + 1, 1)


def rollup_indicators(unit: Unit, period: Period, plan: Plan | None) -> list[Indicator]:
    """Indicators with targets in the plans of the unit and its ancestors (or of the chosen plan), or with
    values in the unit's subtree for the period; those entered above the unit's level are left out."""
    if plan is not None:
        wanted = Q(pk__in=Target.objects.filter(plan=plan).values("indicator_id"))
    else:
        values = Value.objects.filter(unit__path__startswith=unit.path)
        if period.kind == PeriodKind.YEAR:
            values = values.filter(period__year=period.year)
        else:
            values = values.filter(period=period)
        wanted = (
            Q(pk__in=Target.objects.filter(plan__unit__path__in=_ancestor_paths(unit.path)).values("indicator_id"))
            | Q(Exists(values.filter(indicator=OuterRef("pk"))))
            | Q(Exists(values.filter(indicator=OuterRef("source_id"))))  # a derived standard
        )
    rank = LEVEL_RANK[unit.level]
    found = [i for i in Indicator.objects.filter(wanted) if LEVEL_RANK[i.entry_level] >= rank]
    return sorted(found, key=lambda i: (CATEGORY_RANK.get(i.category, 99), i.order, i.code))


SORT_KEYS = {
    "name": (gettext_lazy("Đơn vị"), lambda row: row.unit.name.casefold()),
    "code": (gettext_lazy("Mã"), lambda row: row.unit.code),
    "value": (gettext_lazy("Kết quả"), lambda row: row.cells.figure.value if row.cells.figure else None),
    "target": (
        gettext_lazy("Chỉ tiêu"),
        lambda row: row.cells.progress.target.value if row.cells.progress and row.cells.progress.target else None,
    ),
    "status": (gettext_lazy("Đánh giá"), lambda row: STATUS_ORDER[row.cells.status]),
    "gap": (gettext_lazy("Chênh lệch"), lambda row: row.cells.progress.gap if row.cells.progress else None),
    "completeness": (
        gettext_lazy("Đã báo cáo"),
        lambda row: row.cells.figure.completeness if row.cells.figure else None,
    ),
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


def rollup_page(
    *,
    user,
    unit_id: int,
    period_code: str,
    plan_id: str | None = None,
    indicator_code: str | None = None,
    sort: str | None = None,
    approved_only: bool = False,
) -> RollupPage:
    """The roll-up page as the user may see it, or 404 (unit outside the scope, bad period or plan)."""
    unit = get_object_or_404(Unit.objects.visible_to(user), pk=unit_id)
    period = period_for(period_code)
    day = period.reference_day

    ancestors = list(Unit.objects.ancestors_of(unit))
    scope = None if user.has_full_scope else user.unit.path
    crumbs = [
        Crumb(a, _url(a.pk, period.code) if scope is None or a.path.startswith(scope) else None) for a in ancestors
    ]
    plans = list(
        Plan.objects.visible_to(user)
        .filter(unit__path__in=_ancestor_paths(unit.path))
        .select_related("unit")
        .order_by("unit__path", "-issued_on", "pk")
    )
    plan = None
    if plan_id:
        plan = next((p for p in plans if str(p.pk) == str(plan_id)), None)
        if plan is None:
            raise Http404(_("Không có kế hoạch này trong phạm vi của đơn vị."))

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
    notes = {n.indicator_id: n for n in RollupNote.objects.filter(unit=unit, period=period).select_related("author")}
    plan_param = plan.pk if plan else None
    sort = sort or ""
    rows = [
        IndicatorRow(
            indicator=i,
            cells=cells(i, figures.get((unit.pk, i.pk)), progress.get((unit.pk, i.pk))),
            note=notes.get(i.pk),
            selected=selected is not None and i.pk == selected.pk,
            url=_url(unit.pk, period.code, plan=plan_param, indicator=i.code, sort=sort) + "#cap-duoi",
        )
        for i in indicators
    ]

    children_units = list(Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).valid_on(day))
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
        for child in children_units:
            key = (child.pk, selected.pk)
            children.append(
                ChildRow(
                    unit=child,
                    cells=cells(selected, child_figures.get(key), child_progress.get(key)),
                    url=_url(child.pk, period.code, plan=plan_param, indicator=selected.code),
                )
            )
    children, sort = _sorted(children, sort)

    sort_links = []
    for key, (label, _getter) in SORT_KEYS.items():
        active = "asc" if sort == key else "desc" if sort == f"-{key}" else ""
        next_sort = f"-{key}" if active == "asc" else key
        sort_links.append(
            SortLink(
                key,
                str(label),
                _url(
                    unit.pk, period.code, plan=plan_param, indicator=selected.code if selected else None, sort=next_sort
                )
                + "#cap-duoi",
                active,
            )
        )

    chart = _chart(selected, children) if selected is not None and children else None
    keep = {"plan": plan_param, "indicator": selected.code if selected else None}
    return RollupPage(
        unit=unit,
        period=period,
        unit_valid=unit.is_valid_on(day),
        crumbs=crumbs,
        plans=plans,
        plan=plan,
        rows=rows,
        selected=selected,
        children=children,
        sort=sort,
        sort_links=sort_links,
        chart=chart,
        previous_url=_url(unit.pk, period.previous(), **keep),
        next_url=_url(unit.pk, _next_code(period), **keep),
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def _chart(indicator: Indicator, children: list[ChildRow]) -> dict:
    """Data for the bar chart of the children against their targets (read by static/js/rollup-chart.js)."""
    targets = []
    for row in children:
        target = row.cells.progress.target if row.cells.progress else None
        numeric = target is not None and target.kind not in (TargetKind.MAINTAIN, TargetKind.INCREASE)
        targets.append(_number(target.value) if numeric else None)
    return {
        "title": indicator.name,
        "percent": indicator.is_percentage,
        "labels": [row.unit.name for row in children],
        "values": [_number(row.cells.figure.value if row.cells.figure else None) for row in children],
        "targets": targets,
        "statuses": [row.cells.status or "" for row in children],
        "valueLabel": _("Kết quả"),
        "targetLabel": _("Chỉ tiêu"),
    }
