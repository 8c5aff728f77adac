"""Who is expected to report, to whom and by when: the one owner of that rule.

A plan's reporting rule names its reporters by their role in the cascade, resolved in the structure valid on
the period's reference day (so a rule of Hà Nội's 2021-2030 plan that asks "the units below" means its districts
and their communes in 2024, and its communes from the reform of 1 July 2025 on):

- ``own``: the issuing unit itself (Y Tịch reports on its own plan);
- ``children``: the level directly below the issuer (Củ Chi's communes);
- ``subtree``: every level below the issuer, each unit to the unit directly above it (Hà Nội's KH 290: the
  districts report to the city and consolidate the reports of their communes, which report to them);
- ``level``: the units of one named level below the issuer (kept for rules written that way).

The deadline that applies to a unit and a period is the one of the nearest plan (deepest issuing unit) whose
rule asks that unit, the earliest due date among them (``deadline_for``): every page (entry list, report page,
dashboard, Excel, reminders) shows that date. A unit reports to the unit directly above it (``recipient_of``).

Agencies report beside the units where a rule names them (``ReportingBody``: each Sở and the Hội Khuyến học of
Hà Nội's KH 290; the Hội Khuyến học xã of Y Tịch): ``bodies_expected`` lists those a unit's subtree owes for a
period, ``agency_indicators`` the indicators each may enter (the ones its rules assign it).

Everything here reads deadlines the caller already has (``deadlines_around``: one query) and answers in Python
or as a filter for one query, whatever the number of units.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db.models import Case, DateField, Q, When
from django.db.models import Value as V

from plans.models import Deadline, Period, Reporters, ReportingBody
from units.models import Unit, kinds_of_level


def deadlines_around(unit: Unit, periods: Iterable[Period]) -> list[Deadline]:
    """Deadlines of the periods from the plans of the unit, its ancestors and its subtree (one query)."""
    period_ids = [p.pk for p in periods if p.pk is not None]
    if not period_ids:
        return []
    return list(
        Deadline.objects.filter(period__in=period_ids)
        .filter(Q(plan__unit__path__in=unit.ancestor_paths()) | Q(plan__unit__path__startswith=unit.path))
        .select_related("plan__unit", "rule", "period")
    )


def _valid_q(day: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def asks_q(deadline: Deadline, prefix: str = "") -> Q:
    """The units a deadline asks to report (valid on its period's day), as a filter on units (``prefix``: the
    lookup from another model, e.g. ``unit__``)."""
    issuer, rule = deadline.plan.unit, deadline.rule
    if rule.reporters == Reporters.OWN:
        q = Q(**{f"{prefix}pk": issuer.pk})
    elif rule.reporters == Reporters.CHILDREN:
        q = Q(**{f"{prefix}path__startswith": issuer.path, f"{prefix}depth": issuer.depth + 1})
    elif rule.reporters == Reporters.SUBTREE:
        q = Q(**{f"{prefix}path__startswith": issuer.path, f"{prefix}depth__gt": issuer.depth})
    else:
        q = Q(**{f"{prefix}path__startswith": issuer.path, f"{prefix}kind__in": kinds_of_level(rule.reporting_level)})
    return q & _valid_q(deadline.period.reference_day, prefix)


def asks(deadline: Deadline, unit: Unit) -> bool:
    """``asks_q`` for one unit, without a query."""
    issuer, rule = deadline.plan.unit, deadline.rule
    if not unit.is_valid_on(deadline.period.reference_day):
        return False
    if rule.reporters == Reporters.OWN:
        return unit.pk == issuer.pk
    below = unit.path.startswith(issuer.path) and unit.depth > issuer.depth
    if rule.reporters == Reporters.CHILDREN:
        return below and unit.depth == issuer.depth + 1
    if rule.reporters == Reporters.SUBTREE:
        return below
    return unit.path.startswith(issuer.path) and unit.kind in kinds_of_level(rule.reporting_level)


def _precedence(deadline: Deadline) -> tuple:
    """The nearest plan first (the deepest issuing unit), then the earliest due date."""
    return (-len(deadline.plan.unit.path), deadline.due_date, deadline.pk)


def deadline_for(*, unit: Unit, period: Period, deadlines: Sequence[Deadline] | None = None) -> Deadline | None:
    """The deadline that applies to the unit for the period, or None when no plan asks it to report.

    ``deadlines``: those the caller read with ``deadlines_around`` (else one query)."""
    if deadlines is None:
        deadlines = deadlines_around(unit, [period])
    mine = [d for d in deadlines if d.period_id == period.pk and asks(d, unit)]
    return min(mine, key=_precedence, default=None)


def expected_q(unit: Unit, period: Period, deadlines: Sequence[Deadline], prefix: str = "") -> Q | None:
    """A filter for the units of ``unit``'s subtree (itself included) expected to report for the period."""
    parts = [asks_q(d, prefix) for d in deadlines if d.period_id == period.pk]
    if not parts:
        return None
    combined = Q()
    for part in parts:
        combined |= part
    return combined & Q(**{f"{prefix}path__startswith": unit.path})


def due_case(deadlines: Sequence[Deadline], prefix: str = "", *, with_period: bool = False):
    """The due date ``deadline_for`` gives each unit, as an SQL expression (for a query over many units)."""
    whens = []
    for d in sorted(deadlines, key=_precedence):
        condition = asks_q(d, prefix)
        if with_period:
            condition &= Q(period_id=d.period_id)
        whens.append(When(condition, then=V(d.due_date)))
    if not whens:
        return V(None, output_field=DateField())
    return Case(*whens, default=V(None), output_field=DateField())


def recipient_of(unit: Unit, period: Period) -> Unit | None:
    """The unit a unit's report goes to: the unit directly above it in the structure of the period (one query)."""
    if unit.depth <= 1:
        return None
    return Unit.objects.filter(path=unit.path[: -Unit.steplen]).first()


def bodies_expected(unit: Unit, period: Period, deadlines: Sequence[Deadline]) -> list[ReportingBody]:
    """The agencies of ``unit``'s subtree (itself included) that a rule with a deadline in the period asks to
    report, one per agency (the nearest plan's rule), in the order of their units and names. One query."""
    rule_ids = {d.rule_id for d in deadlines if d.period_id == period.pk}
    if not rule_ids:
        return []
    bodies = (
        ReportingBody.objects.filter(rule__in=rule_ids, agency__unit__path__startswith=unit.path)
        .select_related("agency__unit", "rule__plan__unit")
        .order_by("agency__unit__path", "agency__name", "-rule__plan__unit__depth", "pk")
    )
    found: dict[int, ReportingBody] = {}
    for body in bodies:
        found.setdefault(body.agency_id, body)
    return list(found.values())


def agency_indicators(agency_ids: Iterable[int], period: Period) -> dict[int, set[int]]:
    """The indicators each agency's own report holds for the period: those the rules with a deadline in the
    period assign it. One query."""
    found: dict[int, set[int]] = {}
    if period.pk is None:
        return found
    rows = ReportingBody.objects.filter(agency__in=list(agency_ids), rule__deadlines__period=period).values_list(
        "agency_id", "indicators"
    )
    for agency_id, indicator_id in rows:
        ids = found.setdefault(agency_id, set())
        if indicator_id is not None:
            ids.add(indicator_id)
    return found


def agency_deadlines(agency) -> list[Deadline]:
    """The deadlines of the rules that ask an agency to report, in due-date order, one per period (the earliest).
    One query."""
    found: dict[int, Deadline] = {}
    for deadline in (
        Deadline.objects.filter(rule__bodies__agency=agency)
        .select_related("period", "rule", "plan")
        .order_by("due_date", "pk")
    ):
        found.setdefault(deadline.period_id, deadline)
    return list(found.values())
