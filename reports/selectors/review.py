"""Reads for submitting and reviewing a report with its context: each figure with its target, the last period,
the change, the status and the data-quality flags (``reports.quality``); what is still blank before
submitting; what changed since a return; the reviewer's reasons shown back on the entry grid.

A fixed number of queries whatever the number of indicators (stated on each function). Nothing is formatted
here (``reports.display``).
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

from indicators.models import Indicator
from plans.models import Period
from reports.models import Submission, SubmissionComment, SubmissionStatus, Value
from reports.progress import Progress, progress_for
from reports.quality import Flag
from reports.selectors.entry import entry_grid
from reports.selectors.quality import quality_flags
from units.models import Unit


@dataclasses.dataclass
class ReviewLine:
    """One figure of a report as a reviewer reads it."""

    value: Value
    indicator: Indicator
    progress: Progress | None
    previous: Decimal | None  # the last period's figure (a ratio's percentage, else the value)
    flags: list[Flag]

    @property
    def amount(self) -> Decimal | None:
        v = self.value
        if v.not_applicable:
            return None
        if self.indicator.measure == "ratio":
            return v.percent
        return v.value

    @property
    def change(self) -> Decimal | None:
        amount = self.amount
        return amount - self.previous if amount is not None and self.previous is not None else None


@dataclasses.dataclass
class Review:
    lines: list[ReviewLine]
    flags: list[Flag]


def report_review(*, unit: Unit, period: Period, values: list[Value]) -> Review:
    """The report's values (the caller read them, with their indicators) in context: the target and status of
    ``reports.progress``, the last period's figure and the flags. The roll-up's fixed queries plus two."""
    if not values or period.pk is None:
        return Review([], [])
    indicators = [v.indicator for v in values]
    progress = progress_for(anchors=[unit], period=period, indicators=indicators)
    quality = quality_flags(unit=unit, period=period)
    lines = []
    for v in values:
        before = quality.previous.get((unit.pk, v.indicator.code))
        lines.append(
            ReviewLine(
                value=v,
                indicator=v.indicator,
                progress=progress.get((unit.pk, v.indicator_id)),
                previous=before.amount if before is not None else None,
                flags=quality.of(unit.pk, v.indicator.code),
            )
        )
    return Review(lines, quality.flags)


# --- what changed since the report was returned ---------------------------------------------------------


@dataclasses.dataclass
class ChangedValue:
    indicator: Indicator
    before: Value | None  # the value as it stood when the report was returned (a history row), None if new
    now: Value


def returned_at(submission: Submission) -> datetime.datetime | None:
    """When the report was last returned (or reopened): the last history row that moved it to "returned"."""
    if submission.pk is None:
        return None
    return (
        Submission.history.filter(id=submission.pk, status=SubmissionStatus.RETURNED)
        .order_by("-history_date")
        .values_list("history_date", flat=True)
        .first()
    )


def changes_since_return(*, submission: Submission) -> list[ChangedValue]:
    """The values of the report changed since its last return, with what they were then. Four queries."""
    since = returned_at(submission)
    if since is None:
        return []
    changed_ids = set(
        Value.history.filter(
            unit_id=submission.unit_id, period_id=submission.period_id, history_date__gt=since
        ).values_list("id", flat=True)
    )
    if not changed_ids:
        return []
    before: dict[int, Value] = {}
    for row in Value.history.filter(id__in=changed_ids, history_date__lte=since).order_by("id", "history_date"):
        before[row.id] = row.instance  # the last one at or before the return wins
    now = (
        Value.objects.filter(pk__in=changed_ids)
        .select_related("indicator")
        .order_by("indicator__category", "indicator__order", "indicator__code")
    )
    return [ChangedValue(v.indicator, before.get(v.pk), v) for v in now]


# --- the reviewer's reasons on the grid -----------------------------------------------------------------


@dataclasses.dataclass
class ReturnNotes:
    reason: str
    reviewed_by: object
    reviewed_at: datetime.datetime | None
    remarks: dict[int, list[SubmissionComment]]  # indicator id → the remarks made with or since the return


def return_notes(*, unit: Unit, period: Period) -> ReturnNotes | None:
    """The reason and the per-indicator remarks of a returned report, None when it is not returned. Three
    queries."""
    if period.pk is None:
        return None
    submission = (
        Submission.objects.of_units()
        .filter(unit=unit, period_id=period.pk, status=SubmissionStatus.RETURNED)
        .select_related("reviewed_by")
        .first()
    )
    if submission is None:
        return None
    since = returned_at(submission)
    comments = submission.comments.filter(indicator__isnull=False).select_related("author")
    if since is not None:
        comments = comments.filter(created_at__gte=since - datetime.timedelta(seconds=5))
    remarks: dict[int, list[SubmissionComment]] = {}
    for comment in comments.order_by("created_at", "pk"):
        remarks.setdefault(comment.indicator_id, []).append(comment)
    return ReturnNotes(submission.reason, submission.reviewed_by, submission.reviewed_at, remarks)


# --- the confirmation before submitting -----------------------------------------------------------------


@dataclasses.dataclass
class SubmitSummary:
    unit: Unit
    period: Period
    submission: Submission
    entered: int
    blank: list[Indicator]  # indicators of the grid without a value
    flags: list[Flag]
    indicators: dict[str, Indicator]  # code → indicator, to write the flags
    changes: list[ChangedValue]
    below_submitted: int  # a consolidated report: reports of the units below that were submitted

    @property
    def empty(self) -> bool:
        return self.entered == 0 and self.below_submitted == 0


def submit_summary(*, user, unit: Unit, period: Period, submission: Submission) -> SubmitSummary:
    """What the reporter confirms before submitting: the grid's indicators left blank, the flags of the
    entered figures, what changed since a return. A fixed number of queries (the grid's, two for the flags,
    four for the changes, one for the reports below)."""
    grid = entry_grid(unit=unit, period=period, user=user)
    blank = [row.indicator for row in grid.rows if row.current is None]
    entered = sum(1 for row in grid.rows if row.current is not None)
    if not grid.rows and period.pk is not None:
        entered = Value.objects.of_units().filter(unit=unit, period_id=period.pk).count()
    quality = quality_flags(unit=unit, period=period)
    below = 0
    if period.pk is not None:
        below = (
            Submission.objects.of_units()
            .filter(
                unit__path__startswith=unit.path,
                unit__depth__gt=unit.depth,
                period_id=period.pk,
                status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED],
            )
            .count()
        )
    return SubmitSummary(
        unit=unit,
        period=period,
        submission=submission,
        entered=entered,
        blank=blank,
        flags=quality.flags,
        indicators={row.indicator.code: row.indicator for row in grid.rows},
        changes=changes_since_return(submission=submission) if submission.status == SubmissionStatus.RETURNED else [],
        below_submitted=below,
    )
