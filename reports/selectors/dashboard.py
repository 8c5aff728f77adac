"""Reads for the reporting dashboard: each unit below with its reports expected, submitted, on time and late,
the agencies' own reports, the reporting-rate trend, and the list of late or missing units.

Expected reporting units, due dates and to whom: ``plans.reporting`` (the one owner of that rule). Set-based:
counts are grouped in SQL by the path prefix of the child depth (as ``reports.rollup`` does), so the number of
queries does not depend on the number of units. Late means submitted on a day (Asia/Ho_Chi_Minh) after the due
date: the submission's deadline, else ``deadline_for``'s. The counts themselves are
``reports.selectors.submissions.Counts``, shared with the report page.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Count, DateField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.models import Deadline, Period, ReportingBody
from plans.periods import period_neighbour_code
from plans.reporting import bodies_expected, deadlines_around, due_case, expected_q
from reports.models import Submission, SubmissionStatus
from reports.selectors.submissions import (
    NOT_SUBMITTED,
    SUBMITTED,
    Counts,
    _submission_aggregates,
    _tz,
    _with_due,
    counts_by_prefix,
)
from units.models import Unit

TREND_PERIODS = 6


@dataclasses.dataclass
class ChildRow:
    unit: Unit
    counts: Counts
    own_status: str  # the child's own report (a district's consolidated report), "" if none


@dataclasses.dataclass
class TrendRow:
    period_code: str
    label: str
    counts: Counts


@dataclasses.dataclass
class AgencyRow:
    """An agency a rule asks to report for the period (``plans.ReportingBody``), with its report's status."""

    body: ReportingBody
    status: str  # "" when it has no report yet
    status_label: str
    submitted_at: datetime.datetime | None
    late: bool


@dataclasses.dataclass
class Dashboard:
    unit: Unit
    period: Period
    has_rules: bool
    total: Counts
    own: Counts
    below: Counts
    children: list[ChildRow]
    trend: list[TrendRow]
    ready_to_submit: bool
    agencies: list[AgencyRow] = dataclasses.field(default_factory=list)
    agency_counts: Counts = dataclasses.field(default_factory=Counts)


def agency_reports(unit: Unit, period: Period, deadlines: list[Deadline]) -> tuple[list[AgencyRow], Counts]:
    """The agencies of the subtree that owe their own report for the period and where they stand, counted as
    units are (expected, submitted, late, ...). Two queries (one without reporting bodies)."""
    bodies = bodies_expected(unit, period, deadlines)
    counts = Counts(expected=len(bodies))
    if not bodies:
        return [], counts
    reports = {
        s.agency_id: s
        for s in Submission.objects.filter(
            period_id=period.pk, agency__in=[b.agency_id for b in bodies]
        ).select_related("deadline")
    }
    due_of = {d.rule_id: d.due_date for d in deadlines if d.period_id == period.pk}
    rows = []
    for body in bodies:
        report = reports.get(body.agency_id)
        status = report.status if report else ""
        due = (report.due_date if report else None) or due_of.get(body.rule_id)
        submitted = status in SUBMITTED
        late = bool(submitted and report.submitted_at and due and timezone.localtime(report.submitted_at).date() > due)
        counts.submitted += submitted
        counts.approved += status == SubmissionStatus.APPROVED
        counts.returned += status == SubmissionStatus.RETURNED
        counts.late += late
        rows.append(
            AgencyRow(
                body=body,
                status=status,
                status_label=SubmissionStatus(status).label if status else "",
                submitted_at=report.submitted_at if report else None,
                late=late,
            )
        )
    return rows, counts


def trend_codes(period: Period, n: int = TREND_PERIODS) -> list[str]:
    """The codes of the last ``n`` periods of the same kind, oldest first, ending with ``period``."""
    return [period_neighbour_code(period, -steps) for steps in range(n - 1, -1, -1)]


def _trend(unit: Unit, period: Period) -> list[TrendRow]:
    """Rate and timeliness for the last periods of the same kind: four queries whatever the number of units
    (the periods, their deadlines, the expected units with one filtered count per period, the submissions
    grouped by period)."""
    codes = trend_codes(period)
    periods = {p.code: p for p in Period.objects.filter(code__in=codes)}
    deadlines = deadlines_around(unit, list(periods.values())) if periods else []
    filters = {p.pk: expected_q(unit, p, deadlines) for p in periods.values()}
    wanted = {pk: q for pk, q in filters.items() if q is not None}
    counts = {pk: Counts() for pk in filters}
    if wanted:
        expected = Unit.objects.aggregate(**{f"p{pk}": Count("pk", filter=q) for pk, q in wanted.items()})
        for pk in wanted:
            counts[pk].expected = expected[f"p{pk}"]
        by_pk = {p.pk: p for p in periods.values()}
        either = Q()
        for pk in wanted:
            either |= Q(period_id=pk) & expected_q(unit, by_pk[pk], deadlines, "unit__")
        rows = (
            _with_due(Submission.objects.of_units().filter(either), deadlines, with_period=True)
            .values("period_id")
            .annotate(**_submission_aggregates())
            .order_by()
        )
        for row in rows:
            c = counts[row["period_id"]]
            c.submitted, c.approved, c.returned, c.late = (
                row["submitted"],
                row["approved"],
                row["returned"],
                row["late"],
            )
    trend = []
    for code in codes:
        p = periods.get(code)
        trend.append(
            TrendRow(
                period_code=code,
                label=p.label if p else code,
                counts=counts[p.pk] if p else Counts(),
            )
        )
    return trend


def dashboard(*, unit: Unit, period: Period) -> Dashboard:
    """Reporting of the unit's subtree for the period, per child unit and over the last periods."""
    deadlines = deadlines_around(unit, [period])
    children = list(Unit.objects.filter(parent=unit).valid_on(period.reference_day).order_by("code"))
    counts = counts_by_prefix(unit, period, deadlines, len(unit.path) + Unit.steplen)
    own_statuses = dict(
        Submission.objects.of_units()
        .filter(period_id=period.pk, unit__in=[c.pk for c in children])
        .values_list("unit_id", "status")
    )
    total, own, below = Counts(), counts.get(unit.path, Counts()), Counts()
    for prefix, c in counts.items():
        total.add(c)
        if prefix != unit.path:
            below.add(c)
    rows = [
        ChildRow(
            unit=child,
            counts=counts.get(child.path, Counts()),
            own_status=SubmissionStatus(own_statuses[child.pk]).label if child.pk in own_statuses else "",
        )
        for child in children
    ]
    own_submission = (
        Submission.objects.of_units().filter(unit=unit, period_id=period.pk).values_list("status", flat=True).first()
    )
    # Agencies' own reports are counted as units' are, in a table of their own (the unit totals, the trend and the
    # late list stay those of units).
    agencies, agency_counts = agency_reports(unit, period, deadlines)
    return Dashboard(
        unit=unit,
        period=period,
        has_rules=expected_q(unit, period, deadlines) is not None,
        total=total,
        own=own,
        below=below,
        children=rows,
        trend=_trend(unit, period),
        ready_to_submit=bool(
            below.expected and below.approved == below.expected and own_submission in (None, *NOT_SUBMITTED)
        ),
        agencies=agencies,
        agency_counts=agency_counts,
    )


# --- late or missing units ------------------------------------------------------------------------------


@dataclasses.dataclass
class LateRow:
    unit: Unit
    status: str
    status_label: str
    due_date: datetime.date | None
    submitted_at: datetime.datetime | None
    late: bool


@dataclasses.dataclass
class LatePage:
    unit: Unit
    period: Period
    which: str  # "", "late" or "missing"
    rows: list[LateRow]


def reporting_units(unit: Unit, period: Period, deadlines: list[Deadline] | None = None):
    """The units of the subtree expected to report for the period, in tree order, each annotated with its
    submission: ``sub_status``, ``sub_submitted_at``, ``sub_due`` (its deadline, else the rules') and
    ``sub_day`` (the day it was submitted, local time). One query; ``None`` when no rule asks anyone."""
    if deadlines is None:
        deadlines = deadlines_around(unit, [period])
    units_q = expected_q(unit, period, deadlines)
    if units_q is None:
        return None
    own = Submission.objects.of_units().filter(unit=OuterRef("pk"), period_id=period.pk)
    return (
        Unit.objects.filter(units_q)
        .annotate(
            sub_status=Subquery(own.values("status")[:1]),
            sub_submitted_at=Subquery(own.values("submitted_at")[:1]),
            sub_due=Coalesce(
                Subquery(own.values("deadline__due_date")[:1]), due_case(deadlines), output_field=DateField()
            ),
            sub_day=Subquery(own.annotate(day=TruncDate("submitted_at", tzinfo=_tz())).values("day")[:1]),
        )
        .order_by("path")
    )


def late_or_missing(*, unit: Unit, period: Period, which: str = "") -> LatePage:
    """The expected units of the subtree that have not submitted (or were returned) or submitted late:
    one query with subqueries on the submission, whatever the number of units."""
    deadlines = deadlines_around(unit, [period])
    which = which if which in ("late", "missing") else ""
    qs = reporting_units(unit, period, deadlines)
    rows: list[LateRow] = []
    if qs is not None:
        missing = ~Exists(
            Submission.objects.of_units().filter(unit=OuterRef("pk"), period_id=period.pk, status__in=SUBMITTED)
        )
        late = Q(sub_status__in=SUBMITTED, sub_day__gt=F("sub_due"))
        qs = qs.filter(missing if which == "missing" else late if which == "late" else missing | late)
        for u in qs:
            status = u.sub_status or SubmissionStatus.DRAFT
            rows.append(
                LateRow(
                    unit=u,
                    status=status,
                    status_label=SubmissionStatus(status).label if u.sub_status else _("Chưa có báo cáo"),
                    due_date=u.sub_due,
                    submitted_at=u.sub_submitted_at if status in SUBMITTED else None,
                    late=status in SUBMITTED,
                )
            )
    return LatePage(unit=unit, period=period, which=which, rows=rows)
