"""The to-do home page of each role, in the current structure: what the person has to do now.

- a reporter (a commune, or any unit's own account): the open periods with their due date and days left, how
  many indicators are still blank, drafts not submitted, returned reports with their reasons, one "continue";
- a reviewer (district officer, province reviewer): the reports waiting for their review (oldest first), the
  units late or missing for the current period, their own report's state, the roll-up at a glance;
- an administrator: the jobs (imports, exports) that failed, accounts without a valid unit, units without an
  account.

Query counts do not grow with the number of units: the reviewer's lists are one query each (limited), the
roll-up is ``rollup_page``'s fixed set; the reporter's grow only with the number of open periods (a few).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from accounts.models import Role, User
from accounts.policy import is_administrator, is_reviewer
from jobs.models import Job, JobState
from plans.models import Deadline, Period
from plans.reporting import deadline_for
from reports.models import Submission, SubmissionStatus, Value
from reports.selectors.dashboard import late_or_missing
from reports.selectors.entry import entry_grid
from reports.selectors.rollup import RollupPage, rollup_page
from units.models import Unit

OPEN = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
LIST_LIMIT = 10
JOBS_DAYS = 30


@dataclasses.dataclass
class OpenPeriod:
    period: Period
    due_date: datetime.date
    days_left: int  # negative: overdue by that many days
    status: str  # a SubmissionStatus, "" when nothing was entered yet
    status_label: str
    reason: str  # a returned report's reason
    entered: int
    blank: int

    @property
    def overdue_days(self) -> int:
        return max(-self.days_left, 0)


@dataclasses.dataclass
class ReporterTodo:
    periods: list[OpenPeriod]
    next: OpenPeriod | None  # the one "continue" button

    @property
    def returned(self) -> list[OpenPeriod]:
        return [p for p in self.periods if p.status == SubmissionStatus.RETURNED]

    @property
    def drafts(self) -> list[OpenPeriod]:
        return [p for p in self.periods if p.status == SubmissionStatus.DRAFT and p.entered]


@dataclasses.dataclass
class ReviewerTodo:
    period: Period | None
    waiting: list[Submission]
    waiting_count: int
    late: list  # LateRow, first LIST_LIMIT
    late_count: int
    own: Submission | None
    own_due: datetime.date | None
    glance: RollupPage | None


@dataclasses.dataclass
class AdminTodo:
    failed_jobs: list[Job]
    accounts_without_unit: list[User]
    units_without_account: list[Unit]
    units_without_account_count: int


@dataclasses.dataclass
class Home:
    unit: Unit | None
    today: datetime.date
    reporter: ReporterTodo | None = None
    reviewer: ReviewerTodo | None = None
    admin: AdminTodo | None = None


def _deadlines(unit: Unit, *, subtree: bool) -> list[Deadline]:
    q = Q(plan__unit__path__in=unit.ancestor_paths())
    if subtree:
        q |= Q(plan__unit__path__startswith=unit.path)
    return list(Deadline.objects.filter(q).select_related("plan__unit", "period", "rule").order_by("due_date", "pk"))


def reporter_todo(*, user: User, unit: Unit, today: datetime.date) -> ReporterTodo:
    """The open periods of the unit (asked by a plan, not closed, not yet submitted), soonest due first; the
    returned ones lead the "continue" button, then the next one due, then the latest overdue."""
    deadlines = _deadlines(unit, subtree=False)
    periods = {d.period_id: d.period for d in deadlines if not d.period.is_closed}
    submissions = {
        s.period_id: s for s in Submission.objects.of_units().filter(unit=unit, period_id__in=list(periods))
    }  # one query
    counts = dict(
        Value.objects.of_units()
        .filter(unit=unit, period_id__in=list(periods))
        .values("period_id")
        .annotate(n=Count("pk"))
        .values_list("period_id", "n")
    )
    rows: list[OpenPeriod] = []
    for period in periods.values():
        deadline = deadline_for(unit=unit, period=period, deadlines=deadlines)
        submission = submissions.get(period.pk)
        if deadline is None or (submission is not None and submission.status not in OPEN):
            continue
        if period.window_start > today:
            continue  # not started yet
        grid = entry_grid(unit=unit, period=period, user=user)
        entered = counts.get(period.pk, 0)
        status = submission.status if submission is not None else ""
        rows.append(
            OpenPeriod(
                period=period,
                due_date=deadline.due_date,
                days_left=(deadline.due_date - today).days,
                status=status,
                status_label=SubmissionStatus(status).label if status else "",
                reason=submission.reason if submission is not None and status == SubmissionStatus.RETURNED else "",
                entered=entered,
                blank=sum(1 for row in grid.rows if row.current is None),
            )
        )
    rows.sort(key=lambda r: (r.due_date, r.period.code))
    returned = [r for r in rows if r.status == SubmissionStatus.RETURNED]
    upcoming = [r for r in rows if r.days_left >= 0]
    following = returned[0] if returned else upcoming[0] if upcoming else rows[-1] if rows else None
    return ReporterTodo(periods=rows, next=following)


def current_period(unit: Unit, today: datetime.date) -> Period | None:
    """The period a reviewer works on: the next one due for the subtree, else the last one that was due; only
    periods in which the unit exists (a district closed by the 2025 reform works on its last legacy period)."""
    deadlines = [d for d in _deadlines(unit, subtree=True) if unit.is_valid_on(d.period.reference_day)]
    upcoming = [d for d in deadlines if d.due_date >= today and not d.period.is_closed]
    if upcoming:
        return upcoming[0].period
    past = [d for d in deadlines if d.due_date < today]
    return past[-1].period if past else None


def reviewer_todo(*, user: User, unit: Unit, today: datetime.date) -> ReviewerTodo:
    """Reports of the units directly below waiting for review (all periods, oldest first); late or missing units
    and the roll-up for the current period; the unit's own report."""
    waiting_qs = (
        Submission.objects.visible_to(user)
        .filter(unit__parent=unit, status=SubmissionStatus.SUBMITTED)
        .select_related("unit", "period")
        .order_by("submitted_at", "pk")
    )
    waiting = list(waiting_qs[:LIST_LIMIT])
    waiting_count = len(waiting) if len(waiting) < LIST_LIMIT else waiting_qs.count()
    period = current_period(unit, today)
    late, own, own_due, glance = [], None, None, None
    if period is not None:
        late = late_or_missing(unit=unit, period=period, which="").rows
        own = Submission.objects.of_units().filter(unit=unit, period=period).first()
        deadline = deadline_for(unit=unit, period=period, deadlines=_deadlines(unit, subtree=False))
        own_due = deadline.due_date if deadline else None
        glance = rollup_page(user=user, unit=unit, period=period)
    return ReviewerTodo(
        period=period,
        waiting=waiting,
        waiting_count=waiting_count,
        late=late[:LIST_LIMIT],
        late_count=len(late),
        own=own,
        own_due=own_due,
        glance=glance,
    )


def admin_todo(*, today: datetime.date) -> AdminTodo:
    """Failed jobs of the last 30 days; active accounts that are not administrators and have no unit, or a
    unit no longer valid (the 2025 reform closed it); units of the current structure without an account."""
    since = timezone.now() - datetime.timedelta(days=JOBS_DAYS)
    failed = list(
        Job.objects.filter(state=JobState.FAILED, created_at__gte=since)
        .select_related("owner", "unit")
        .order_by("-created_at")[:LIST_LIMIT]
    )
    expired = Q(unit__valid_to__lt=today) | Q(unit__valid_from__gt=today)
    accounts = list(
        User.objects.filter(is_active=True, is_superuser=False)
        .exclude(role=Role.ADMINISTRATOR)
        .filter(Q(unit__isnull=True) | expired)
        .select_related("unit")
        .order_by("username")[:LIST_LIMIT]
    )
    lonely = (
        Unit.objects.valid_on(today)
        .filter(depth__gt=1)
        .filter(~Exists(User.objects.filter(unit=OuterRef("pk"), is_active=True)))
        .order_by("path")
    )
    return AdminTodo(
        failed_jobs=failed,
        accounts_without_unit=accounts,
        units_without_account=list(lonely[:LIST_LIMIT]),
        units_without_account_count=lonely.count(),
    )


def home_page(*, user: User) -> Home:
    today = timezone.localdate()
    unit = user.unit if user.unit_id else None
    home = Home(unit=unit, today=today)
    if is_administrator(user):
        home.admin = admin_todo(today=today)
    if unit is not None and is_reviewer(user) and not is_administrator(user):
        home.reviewer = reviewer_todo(user=user, unit=unit, today=today)
    elif unit is not None:
        home.reporter = reporter_todo(user=user, unit=unit, today=today)
    return home
