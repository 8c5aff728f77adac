"""Reads for the submission workflow: a unit's report page, a value's history, and the counts of reports expected
and submitted that the report page and the dashboard (``reports.selectors.dashboard``) share.

Expected reporting units, due dates and to whom: ``plans.reporting`` (the one owner of that rule), from the
deadlines of the plans of the unit, of its ancestors and of its subtree.

The dashboard is set-based: counts are grouped in SQL by the path prefix of the child depth (as
``reports.rollup`` does), so the number of queries does not depend on the number of units. Late means
submitted on a day (Asia/Ho_Chi_Minh) after the due date: the submission's deadline, else ``deadline_for``'s.
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, DateField, F, Q
from django.db.models.functions import Coalesce, Substr, TruncDate
from django.utils import timezone

from accounts.models import User
from accounts.policy import may_review, may_submit
from indicators.models import Indicator
from plans.models import Deadline, Period
from plans.reporting import deadline_for, deadlines_around, due_case, expected_q
from reports.models import EntryPath, Submission, SubmissionComment, SubmissionStatus, Value
from reports.services.submissions import lock_reasons
from units.models import Unit

HUNDRED = Decimal(100)
SUBMITTED = [SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED]
NOT_SUBMITTED = [SubmissionStatus.DRAFT, SubmissionStatus.RETURNED]


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


# --- counts ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Counts:
    """Reporting of a group of expected units. ``submitted`` includes the approved ones; ``missing`` is
    every expected unit whose report is not (or no longer) submitted, the returned ones included."""

    expected: int = 0
    submitted: int = 0
    approved: int = 0
    returned: int = 0
    late: int = 0

    @property
    def on_time(self) -> int:
        return self.submitted - self.late

    @property
    def missing(self) -> int:
        return max(self.expected - self.submitted, 0)

    @property
    def rate(self) -> Decimal | None:
        """Reporting rate (completeness): submitted / expected, in percent."""
        return Decimal(self.submitted) * HUNDRED / self.expected if self.expected else None

    @property
    def timeliness(self) -> Decimal | None:
        """Submitted on time / expected, in percent (DHIS2's "reporting rate on time")."""
        return Decimal(self.on_time) * HUNDRED / self.expected if self.expected else None

    def add(self, other: Counts) -> None:
        for field in ("expected", "submitted", "approved", "returned", "late"):
            setattr(self, field, getattr(self, field) + getattr(other, field))


def _submission_aggregates() -> dict:
    submitted = Q(status__in=SUBMITTED)
    return {
        "submitted": Count("pk", filter=submitted),
        "approved": Count("pk", filter=Q(status=SubmissionStatus.APPROVED)),
        "returned": Count("pk", filter=Q(status=SubmissionStatus.RETURNED)),
        "late": Count("pk", filter=submitted & Q(day__gt=F("due"))),
    }


def _with_due(queryset, deadlines, *, with_period=False):
    return queryset.annotate(
        due=Coalesce(
            F("deadline__due_date"), due_case(deadlines, "unit__", with_period=with_period), output_field=DateField()
        ),
        day=TruncDate("submitted_at", tzinfo=_tz()),
    )


def counts_by_prefix(unit: Unit, period: Period, deadlines: list[Deadline], prefix_len: int) -> dict[str, Counts]:
    """Counts of the expected units of the subtree grouped by the first ``prefix_len`` characters of their path
    (two queries). A unit whose path is shorter than the prefix (the unit itself) is keyed by its own path."""
    units_q = expected_q(unit, period, deadlines)
    if units_q is None:
        return {}
    counts: dict[str, Counts] = {}
    for row in (
        Unit.objects.filter(units_q)
        .annotate(prefix=Substr("path", 1, prefix_len))
        .values("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts.setdefault(row["prefix"], Counts()).expected = row["n"]
    rows = (
        _with_due(
            Submission.objects.of_units()
            .filter(period_id=period.pk)
            .filter(expected_q(unit, period, deadlines, "unit__")),
            deadlines,
        )
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix")
        .annotate(**_submission_aggregates())
        .order_by()
    )
    for row in rows:
        c = counts.setdefault(row["prefix"], Counts())
        c.submitted, c.approved, c.returned, c.late = row["submitted"], row["approved"], row["returned"], row["late"]
    return counts


def _subtree_counts(unit: Unit, period: Period, deadlines: list[Deadline]) -> tuple[Counts, Counts]:
    """(the unit's own, the units below it) among the expected units."""
    own, below = Counts(), Counts()
    for prefix, c in counts_by_prefix(unit, period, deadlines, len(unit.path) + Unit.steplen).items():
        (own if prefix == unit.path else below).add(c)
    return own, below


# --- the report page ------------------------------------------------------------------------------------


@dataclasses.dataclass
class Actions:
    submit: bool = False
    approve: bool = False
    return_: bool = False
    reopen: bool = False
    comment: bool = False

    @property
    def any(self) -> bool:
        return self.submit or self.approve or self.return_ or self.reopen or self.comment


@dataclasses.dataclass
class StatusChange:
    when: datetime.datetime
    who: User | None
    old: str
    new: str
    changed: bool
    via: str
    reason: str


@dataclasses.dataclass
class ValueLine:
    value: Value
    comments: list[SubmissionComment]
    draft: str = ""  # a per-indicator comment the user typed in a return form that was refused


@dataclasses.dataclass
class SubmissionPage:
    unit: Unit
    period: Period
    submission: Submission
    due_date: datetime.date | None
    is_late: bool | None
    overdue: bool
    lock_reason: str
    actions: Actions
    lines: list[ValueLine]
    comments: list[SubmissionComment]
    history: list[StatusChange]
    below: Counts
    ready_to_submit: bool


def submission_history(submission: Submission) -> list[StatusChange]:
    """Every saved version of the report, oldest first: who, when, old → new status, via, reason."""
    if submission.pk is None:
        return []
    rows = list(
        Submission.history.filter(id=submission.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    changes, previous = [], None
    for row in rows:
        changes.append(
            StatusChange(
                when=row.history_date,
                who=row.history_user,
                old=SubmissionStatus(previous).label if previous else "",
                new=SubmissionStatus(row.status).label,
                changed=previous != row.status,
                via=EntryPath(row.changed_via).label if row.changed_via in EntryPath.values else row.changed_via,
                reason=row.history_change_reason or "",
            )
        )
        previous = row.status
    return changes


def submission_indicators(*, unit: Unit, period: Period):
    """The indicators of the values in a unit's report for a period (a remark or a comment can be about one)."""
    in_report = Value.objects.of_units().filter(unit=unit, period_id=period.pk).values("indicator_id")
    return Indicator.objects.filter(pk__in=in_report).order_by("category", "order", "code")


def submission_page(*, user: User, unit: Unit, period: Period) -> SubmissionPage:
    """A unit's report for a period as the user may act on it (the view resolved unit and period)."""
    submission = (
        Submission.objects.of_units().filter(unit=unit, period_id=period.pk).select_related("deadline").first()
        # Not created on a read: the first action creates it (``submission_get``).
        or Submission(unit=unit, period=period)
    )
    submission.unit = unit
    deadlines = deadlines_around(unit, [period])
    deadline = (
        submission.deadline if submission.deadline_id else deadline_for(unit=unit, period=period, deadlines=deadlines)
    )
    due = deadline.due_date if deadline else None
    submitted = submission.status in SUBMITTED
    is_late = timezone.localtime(submission.submitted_at, _tz()).date() > due if due and submitted else None
    today = timezone.localdate(timezone=_tz())

    submitter, reviewer = may_submit(user, unit), may_review(user, unit)
    status = submission.status
    actions = Actions(
        submit=submitter and status in NOT_SUBMITTED,
        approve=reviewer and status == SubmissionStatus.SUBMITTED,
        return_=reviewer and status == SubmissionStatus.SUBMITTED,
        reopen=reviewer and status == SubmissionStatus.APPROVED,
        comment=submitter or reviewer,
    )

    values = list(
        Value.objects.of_units()
        .filter(unit=unit, period_id=period.pk)
        .select_related("indicator", "entered_by")
        .order_by("indicator__category", "indicator__order", "indicator__code")
    )
    comments = (
        list(submission.comments.select_related("author", "indicator").order_by("created_at", "pk"))
        if submission.pk
        else []
    )
    by_indicator: dict[int, list[SubmissionComment]] = {}
    for comment in comments:
        if comment.indicator_id:
            by_indicator.setdefault(comment.indicator_id, []).append(comment)

    _own, below = _subtree_counts(unit, period, deadlines)
    return SubmissionPage(
        unit=unit,
        period=period,
        submission=submission,
        due_date=due,
        is_late=is_late,
        overdue=bool(due and not submitted and due < today),
        lock_reason=lock_reasons(pairs={(unit.pk, period.pk)}).get((unit.pk, period.pk), "") if period.pk else "",
        actions=actions,
        lines=[ValueLine(v, by_indicator.get(v.indicator_id, [])) for v in values],
        comments=comments,
        history=submission_history(submission),
        below=below,
        ready_to_submit=bool(below.expected and below.approved == below.expected and status in NOT_SUBMITTED),
    )


# --- a value's history ----------------------------------------------------------------------------------

VALUE_FIELDS = ("value", "numerator", "denominator", "not_applicable", "comment")


@dataclasses.dataclass
class FieldChange:
    label: str
    old: object
    new: object


@dataclasses.dataclass
class ValueChange:
    when: datetime.datetime
    who: User | None
    kind: str  # "+" created, "~" changed, "-" deleted
    via: str
    version: int
    changes: list[FieldChange]


@dataclasses.dataclass
class ValueHistoryPage:
    value: Value
    rows: list[ValueChange]


def value_history(*, value: Value) -> ValueHistoryPage:
    """The saved versions of a value (the view checked the user sees it), oldest first, with what changed."""
    labels = {f: Value._meta.get_field(f).verbose_name for f in VALUE_FIELDS}
    rows, previous = [], None
    for h in value.history.select_related("history_user").order_by("history_date", "history_id"):
        changes = [
            FieldChange(str(labels[f]), getattr(previous, f) if previous else None, getattr(h, f))
            for f in VALUE_FIELDS
            if previous is None
            and getattr(h, f) not in (None, "", False)
            or previous is not None
            and getattr(previous, f) != getattr(h, f)
        ]
        rows.append(
            ValueChange(
                when=h.history_date,
                who=h.history_user,
                kind=h.history_type,
                via=EntryPath(h.entry_path).label if h.entry_path in EntryPath.values else h.entry_path,
                version=h.version,
                changes=changes,
            )
        )
        previous = h
    return ValueHistoryPage(value=value, rows=rows)
