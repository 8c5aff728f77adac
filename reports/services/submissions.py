"""The submission workflow: draft → submitted → approved, or → returned (with a reason) → resubmitted.

Who may do what: ``accounts.policy`` (submit: the report's own unit; approve, return, reopen: a reviewer of
a unit strictly above it).
Out of scope is the view's 404 (``Submission.objects.visible_to``); in scope but not allowed raises
``PermissionDenied`` with the reason, which the view turns into a 403.

Locks: a submitted report is read-only and an approved one is locked for everybody until a reviewer
reopens it; a closed period is locked too. ``lock_reasons`` is the one check every write path calls.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts.models import Role, User
from accounts.policy import may_review, may_review_agency, may_submit, may_submit_for_agency
from indicators.models import Indicator
from plans.models import Deadline, Period
from plans.reporting import deadline_for
from reports.models import EntryPath, Submission, SubmissionComment, SubmissionStatus, Value
from reports.services.aggregates import aggregates_follow
from units.models import Unit

LOCKED_STATUSES = {
    SubmissionStatus.SUBMITTED: _("Báo cáo đã nộp, đang chờ duyệt."),
    SubmissionStatus.APPROVED: _("Báo cáo đã được duyệt và khóa."),
}


class StaleSubmission(ValidationError):
    pass


def submission_get(*, unit: Unit, period: Period) -> Submission:
    """The unit's report for the period, created as a draft on first use."""
    submission, created = Submission.objects.of_units().get_or_create(
        unit=unit, period=period, defaults={"deadline": deadline_for(unit=unit, period=period)}
    )
    return submission


def agency_submission_get(*, agency, period: Period) -> Submission:
    """An agency's own report for the period, created as a draft on first use."""
    submission, _created = Submission.objects.get_or_create(
        agency=agency, period=period, defaults={"unit": agency.unit}
    )
    return submission


def lock_reasons(*, pairs: Iterable[tuple[int, int]], agency_pairs: Iterable[tuple[int, int]] = ()) -> dict:
    """For (unit id, period id) pairs, why writing is refused; two queries whatever the number of pairs.
    ``agency_pairs``: (agency id, period id) of agencies' own reports, answered under ``("agency", id, period)``
    (one query more)."""
    pairs, agency_pairs = set(pairs), set(agency_pairs)
    reasons: dict = {}
    if agency_pairs:
        closed = set(
            Period.objects.filter(pk__in={p for _a, p in agency_pairs}, is_closed=True).values_list("pk", flat=True)
        )
        for agency_id, period_id in agency_pairs:
            if period_id in closed:
                reasons[("agency", agency_id, period_id)] = _("Kỳ báo cáo đã khóa sổ.")
        for agency_id, period_id, status in Submission.objects.filter(
            agency__in={a for a, _p in agency_pairs},
            period__in={p for _a, p in agency_pairs},
            status__in=list(LOCKED_STATUSES),
        ).values_list("agency_id", "period_id", "status"):
            reasons.setdefault(("agency", agency_id, period_id), str(LOCKED_STATUSES[status]))
    if not pairs:
        return reasons
    unit_ids, period_ids = {u for u, _p in pairs}, {p for _u, p in pairs}
    closed = set(Period.objects.filter(pk__in=period_ids, is_closed=True).values_list("pk", flat=True))
    for unit_id, period_id in pairs:
        if period_id in closed:
            reasons[(unit_id, period_id)] = _("Kỳ báo cáo đã khóa sổ.")
    for unit_id, period_id, status in (
        Submission.objects.of_units()
        .filter(unit__in=unit_ids, period__in=period_ids, status__in=list(LOCKED_STATUSES))
        .values_list("unit_id", "period_id", "status")
    ):
        if (unit_id, period_id) in pairs:
            reasons.setdefault((unit_id, period_id), str(LOCKED_STATUSES[status]))
    return reasons


def lock_for_write(*, pairs: Iterable[tuple[int, int]], agency_rows: Iterable[tuple[int, int, int]] = ()) -> dict:
    """``lock_reasons`` under row locks on the reports concerned, inside the writer's transaction.

    An approval and an edit of the same report serialise on the report's row: an edit validated before
    a submission cannot land after it. ``agency_rows``: (agency id, period id, its unit id) of agencies' reports.
    """
    pairs, agency_rows = set(pairs), set(agency_rows)
    if agency_rows:
        agency_ids, period_ids = {a for a, _p, _u in agency_rows}, {p for _a, p, _u in agency_rows}
        existing = set(
            Submission.objects.filter(agency__in=agency_ids, period__in=period_ids).values_list(
                "agency_id", "period_id"
            )
        )
        missing = [Submission(agency_id=a, period_id=p, unit_id=u) for a, p, u in agency_rows if (a, p) not in existing]
        if missing:
            bulk_create_with_history(missing, Submission, batch_size=2000, ignore_conflicts=True)
        list(
            Submission.objects.select_for_update()
            .filter(agency__in=agency_ids, period__in=period_ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    if pairs:
        # Every written (unit, period) gets its draft report row, so there is always a row to lock.
        existing = set(
            Submission.objects.of_units()
            .filter(unit__in={u for u, _p in pairs}, period__in={p for _u, p in pairs})
            .values_list("unit_id", "period_id")
        )
        missing = [Submission(unit_id=u, period_id=p) for u, p in pairs - existing]
        if missing:
            bulk_create_with_history(missing, Submission, batch_size=2000, ignore_conflicts=True)
        unit_ids, period_ids = {u for u, _p in pairs}, {p for _u, p in pairs}
        list(
            Submission.objects.of_units()
            .select_for_update()
            .filter(unit__in=unit_ids, period__in=period_ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    return lock_reasons(pairs=pairs, agency_pairs={(a, p) for a, p, _u in agency_rows})


def _may_review(user: User, submission: Submission) -> bool:
    if submission.agency_id is not None:
        return may_review_agency(user, submission.agency)
    return may_review(user, submission.unit)


def _locked(submission_id: int, version: int | None) -> Submission:
    """Re-read the submission under a row lock; refuse if someone changed it since the form was shown."""
    submission = Submission.objects.select_for_update().select_related("unit", "period").get(pk=submission_id)
    if version is not None and submission.version != version:
        raise StaleSubmission(
            _("Báo cáo vừa được người khác thay đổi (trạng thái: %(status)s). Hãy tải lại trang để xem bản mới nhất.")
            % {"status": submission.get_status_display()}
        )
    return submission


def _transition(submission: Submission, *, to: str, user: User, via: str, reason: str = "") -> Submission:
    submission.status = to
    submission.changed_via = via
    submission._history_user = user  # commands and token requests have no request for the middleware
    submission.version += 1
    submission._change_reason = reason or None
    submission.save()
    return submission


def _is_empty(submission: Submission) -> bool:
    """A report with no value of its own and no submitted report of a unit below it (a district's consolidated
    report has the reports of its communes): nothing to submit. An agency's report is its own values only; a
    unit's never counts an agency's. Two queries at most."""
    unit, period_id = submission.unit, submission.period_id
    own = Value.objects.filter(agency=submission.agency_id) if submission.agency_id else Value.objects.of_units()
    if own.filter(unit=unit, period_id=period_id).exists():
        return False
    if submission.agency_id:
        return True
    return (
        not Submission.objects.of_units()
        .filter(
            unit__path__startswith=unit.path,
            unit__depth__gt=unit.depth,
            period_id=period_id,
            status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED],
        )
        .exists()
    )


@transaction.atomic
def submission_submit(
    *, submission: Submission, user: User, via: str = EntryPath.FORM, version: int | None = None
) -> Submission:
    submission = _locked(submission.pk, version)
    if submission.agency_id is not None:
        if not may_submit_for_agency(user, submission.agency):
            raise PermissionDenied(_("Chỉ cơ quan báo cáo mới nộp được báo cáo này."))
    elif not may_submit(user, submission.unit):
        raise PermissionDenied(_("Chỉ đơn vị báo cáo mới nộp được báo cáo này."))
    if submission.status not in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED):
        raise ValidationError(
            _("Không thể nộp: báo cáo đang ở trạng thái %(status)s.") % {"status": submission.get_status_display()}
        )
    if _is_empty(submission):
        raise ValidationError(
            _(
                "Không thể nộp báo cáo trống: đơn vị chưa nhập chỉ tiêu nào cho kỳ này và chưa có báo cáo nào "
                "của cấp dưới đã nộp. Hãy nhập số liệu trước khi nộp."
            )
        )
    submission.submitted_at, submission.submitted_by = timezone.now(), user
    if submission.deadline_id is None and submission.agency_id is not None:
        submission.deadline = (
            Deadline.objects.filter(rule__bodies__agency=submission.agency_id, period=submission.period_id)
            .order_by("due_date")
            .first()
        )
    elif submission.deadline_id is None:
        submission.deadline = deadline_for(unit=submission.unit, period=submission.period)
    _transition(submission, to=SubmissionStatus.SUBMITTED, user=user, via=via)
    transaction.on_commit(lambda: _notify_reviewers(submission))
    return submission


@transaction.atomic
def submission_approve(
    *,
    submission: Submission,
    user: User,
    via: str = EntryPath.FORM,
    version: int | None = None,
    flags: list[dict] | None = None,
) -> Submission:
    """Approve a submitted report; ``flags``: the data-quality flags the reviewer saw on the confirmation
    (``reports.quality.Flag.as_record``), kept with the approval (and in its history)."""
    submission = _locked(submission.pk, version)
    if not _may_review(user, submission):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới duyệt được báo cáo này."))
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt được báo cáo đã nộp."))
    submission.reviewed_at, submission.reviewed_by, submission.reason = timezone.now(), user, ""
    submission.approved_flags = list(flags or [])
    _transition(submission, to=SubmissionStatus.APPROVED, user=user, via=via)
    if submission.agency_id is None:  # an agency's values are not in the units' roll-up
        aggregates_follow(submission=submission)  # a closed period's roll-up over approved reports
    transaction.on_commit(lambda: _notify_reporters(submission, _("Báo cáo đã được duyệt")))
    return submission


@transaction.atomic
def submission_return(
    *,
    submission: Submission,
    user: User,
    reason: str,
    about: dict[Indicator, str] | None = None,
    via: str = EntryPath.FORM,
    version: int | None = None,
) -> Submission:
    """Return a submitted report with a mandatory reason; ``about`` adds a comment on particular values."""
    submission = _locked(submission.pk, version)
    if not _may_review(user, submission):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới trả lại được báo cáo này."))
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được báo cáo đã nộp."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy nêu lý do trả lại.")})
    submission.reviewed_at, submission.reviewed_by, submission.reason = timezone.now(), user, reason
    _transition(submission, to=SubmissionStatus.RETURNED, user=user, via=via, reason=reason)
    SubmissionComment.objects.create(submission=submission, author=user, body=reason)
    for indicator, text in (about or {}).items():
        if text.strip():
            SubmissionComment.objects.create(submission=submission, indicator=indicator, author=user, body=text.strip())
    transaction.on_commit(lambda: _notify_reporters(submission, _("Báo cáo bị trả lại")))
    return submission


@transaction.atomic
def submission_reopen(
    *, submission: Submission, user: User, reason: str, via: str = EntryPath.FORM, version: int | None = None
) -> Submission:
    """Unlock an approved report for corrections (it goes back to "returned"), with a mandatory reason."""
    submission = _locked(submission.pk, version)
    if not _may_review(user, submission):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới mở lại được báo cáo này."))
    if submission.status != SubmissionStatus.APPROVED:
        raise ValidationError(_("Chỉ mở lại được báo cáo đã duyệt."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy nêu lý do mở lại.")})
    submission.reason = reason
    _transition(submission, to=SubmissionStatus.RETURNED, user=user, via=via, reason=reason)
    if submission.agency_id is None:  # an agency's values are not in the units' roll-up
        aggregates_follow(submission=submission)  # a closed period's roll-up over approved reports
    SubmissionComment.objects.create(submission=submission, author=user, body=reason)
    transaction.on_commit(lambda: _notify_reporters(submission, _("Báo cáo được mở lại để sửa")))
    return submission


@transaction.atomic
def submission_comment_add(
    *, submission: Submission, user: User, body: str, indicator: Indicator | None = None
) -> SubmissionComment:
    if not (may_submit(user, submission.unit) or may_review(user, submission.unit)):
        raise PermissionDenied(_("Bạn không tham gia xử lý báo cáo này."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Hãy nhập nội dung trao đổi.")})
    return SubmissionComment.objects.create(submission=submission, indicator=indicator, author=user, body=body)


def _mail(recipients: list[str], subject: str, body: str) -> None:
    if recipients:
        send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients], fail_silently=True
        )


def _notify_reviewers(submission: Submission) -> None:
    """E-mail the reviewers of the unit above: the next actor after a submission."""
    # An agency's own report goes to the reviewers of its unit (KH 290: the Sở GD&ĐT sums the city's Sở up).
    parent = submission.unit if submission.agency_id else submission.unit.parent
    if parent is None:
        return
    addresses = list(
        User.objects.filter(unit=parent, is_active=True, role__in=[Role.DISTRICT_OFFICER, Role.PROVINCE_REVIEWER])
        .exclude(email="")
        .values_list("email", flat=True)
    )
    _mail(
        addresses,
        _("[XHHT] %(unit)s đã nộp báo cáo %(period)s")
        % {"unit": submission.unit.name, "period": submission.period.label},
        _("%(unit)s đã nộp báo cáo %(period)s. Vui lòng vào cổng thông tin để xem xét và duyệt.")
        % {"unit": submission.unit.name, "period": submission.period.label},
    )


def _notify_reporters(submission: Submission, subject: str) -> None:
    reporters = (
        User.objects.filter(agency=submission.agency_id)
        if submission.agency_id
        else User.objects.filter(unit=submission.unit)
    )
    addresses = list(reporters.filter(is_active=True).exclude(email="").values_list("email", flat=True))
    body = _("%(subject)s: %(unit)s, %(period)s.") % {
        "subject": subject,
        "unit": submission.unit.name,
        "period": submission.period.label,
    }
    if submission.reason:
        body += "\n" + _("Lý do: %(reason)s") % {"reason": submission.reason}
    _mail(addresses, f"[XHHT] {subject}: {submission.period.label}", body)
