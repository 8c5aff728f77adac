"""Deadline reminders by e-mail, in Vietnamese: a few days before the due date, and every day once overdue.

Run daily by cron or a systemd timer (``python manage.py send_deadline_reminders``, see docs/operations.md).

- Which deadlines: those of issued plans whose period is not closed and whose due date is at most
  ``days_before`` days ahead (``XHHT_REMINDER_DAYS_BEFORE``) — due soon, or already past.
- Who: the units expected to report (``plans.reporting``: the rule's reporters, resolved on the period's
  reference day) whose report for the period is not submitted or approved (a returned report is reminded
  too). A unit's due date is that of its report's deadline, else ``plans.reporting.deadline_for``'s, so a unit
  asked by two plans gets one reminder. The e-mails go to the unit's active users.
- Once: a "before" reminder is sent once per unit and deadline, an "overdue" one at most once a day;
  ``ReminderLog`` (unique per unit, deadline, kind and day) records each, so a second run sends nothing.
  The logs are written and the mail sent in one transaction: if sending fails, nothing is logged and the
  next run tries again.

Set-based: a fixed handful of queries whatever the number of units; the mail goes in one ``send_mass_mail``.

A reviewer may also remind one unit by hand (``reminder_send_now``, the button beside a late unit on the home
page): the same message, logged the same way.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.policy import may_review
from plans.models import Deadline, PlanStatus
from plans.reporting import asks_q, deadline_for
from reports.models import ReminderKind, ReminderLog, Submission, SubmissionStatus
from units.models import Unit

DONE = {SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED}


def _message(unit: Unit, deadline: Deadline, kind: str, today: datetime.date, returned: bool) -> tuple[str, str]:
    period, due = deadline.period.label, deadline.due_date.strftime("%d/%m/%Y")
    values = {"unit": unit.name, "period": period, "due": due, "title": deadline.rule.title}
    if kind == ReminderKind.BEFORE:
        values["days"] = (deadline.due_date - today).days
        subject = _("[XHHT] Nhắc hạn nộp báo cáo %(period)s của %(unit)s: hạn %(due)s") % values
        lead = (
            _("Báo cáo “%(title)s” %(period)s của %(unit)s phải nộp chậm nhất ngày %(due)s (còn %(days)s ngày).")
            % values
        )
    else:
        values["days"] = (today - deadline.due_date).days
        subject = _("[XHHT] Quá hạn nộp báo cáo %(period)s của %(unit)s (hạn %(due)s)") % values
        lead = _("Báo cáo “%(title)s” %(period)s của %(unit)s đã quá hạn nộp %(days)s ngày (hạn %(due)s).") % values
    state = (
        _("Báo cáo đã bị cấp trên trả lại để sửa và chưa được nộp lại.")
        if returned
        else _("Báo cáo hiện chưa được nộp.")
    )
    site = settings.XHHT_SITE_URL.rstrip("/")
    link = reverse("reports:submission", args=[unit.pk, deadline.period.code])
    body = "\n\n".join(
        [
            _("Kính gửi cán bộ phụ trách báo cáo của %(unit)s,") % values,
            f"{lead} {state}",
            _("Vui lòng đăng nhập cổng thông tin xây dựng xã hội học tập để nhập số liệu và nộp báo cáo: %(link)s")
            % {"link": f"{site}{link}"},
            _("Thư này được gửi tự động, xin đừng trả lời."),
        ]
    )
    return subject, body


def reminders_send(*, today: datetime.date, days_before: int | None = None) -> int:
    """Send the reminders due on ``today``; returns the number of e-mails sent.

    ``days_before`` defaults to ``settings.XHHT_REMINDER_DAYS_BEFORE``.
    """
    days = settings.XHHT_REMINDER_DAYS_BEFORE if days_before is None else days_before
    horizon = today + datetime.timedelta(days=days)
    issued = Deadline.objects.filter(plan__status=PlanStatus.ISSUED, period__is_closed=False)
    # Every deadline of a period with one due soon or past: the others decide which one a unit answers to.
    deadlines = list(
        issued.filter(period__in=issued.filter(due_date__lte=horizon).values("period_id")).select_related(
            "plan__unit", "rule", "period"
        )
    )
    if not deadlines:
        return 0
    by_pk = {d.pk: d for d in deadlines}
    by_period: dict[int, list[Deadline]] = {}
    for d in deadlines:
        by_period.setdefault(d.period_id, []).append(d)

    units_q = Q(pk__in=[])
    for d in deadlines:
        units_q |= asks_q(d)
    units = list(Unit.objects.filter(units_q).only("pk", "path", "depth", "kind", "name", "valid_from", "valid_to"))
    reports = {
        (unit_id, period_id): (status, deadline_id)
        for unit_id, period_id, status, deadline_id in Submission.objects.of_units()
        .filter(period__in=list(by_period), unit__in=Unit.objects.filter(units_q).values("pk"))
        .values_list("unit_id", "period_id", "status", "deadline_id")
    }

    wanted: list[tuple[Unit, Deadline, str, bool]] = []
    for unit in units:
        for period_id, candidates in by_period.items():
            status, deadline_id = reports.get((unit.pk, period_id), (None, None))
            if status in DONE:
                continue
            applies = deadline_for(unit=unit, period=candidates[0].period, deadlines=candidates)
            if applies is None:
                continue
            deadline = by_pk.get(deadline_id) or applies
            if deadline.due_date < today:
                kind = ReminderKind.OVERDUE
            elif deadline.due_date <= horizon:
                kind = ReminderKind.BEFORE
            else:
                continue
            wanted.append((unit, deadline, kind, status == SubmissionStatus.RETURNED))
    if not wanted:
        return 0

    sent_before = set(
        ReminderLog.objects.filter(deadline__in=list(by_pk))
        .filter(Q(kind=ReminderKind.BEFORE) | Q(kind=ReminderKind.OVERDUE, sent_on=today))
        .values_list("unit_id", "deadline_id", "kind")
    )
    wanted = [w for w in wanted if (w[0].pk, w[1].pk, w[2]) not in sent_before]
    addresses: dict[int, list[str]] = {}
    for unit_id, email in (
        User.objects.filter(unit__in=[w[0].pk for w in wanted], is_active=True)
        .exclude(email="")
        .order_by("unit_id", "pk")
        .values_list("unit_id", "email")
    ):
        addresses.setdefault(unit_id, []).append(email)

    mails, logs = [], []
    with translation.override("vi"):
        for unit, deadline, kind, returned in wanted:
            recipients = addresses.get(unit.pk, [])
            if not recipients:  # no one to tell yet: not logged, so a later run (after accounts exist) sends
                continue
            subject, body = _message(unit, deadline, kind, today, returned)
            mails.extend((subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients)
            logs.append(
                ReminderLog(unit_id=unit.pk, deadline=deadline, kind=kind, sent_on=today, recipients=len(recipients))
            )
    if not mails:
        return 0
    with transaction.atomic():
        # A concurrent run that logged the same reminder makes this insert fail: nothing is sent twice.
        ReminderLog.objects.bulk_create(logs)
        send_mass_mail(mails, fail_silently=False)
    return len(mails)


@transaction.atomic
def reminder_send_now(*, user: User, unit: Unit, period, today: datetime.date) -> int:
    """A reviewer's reminder to one unit that has not submitted, now, by e-mail to its active accounts: the
    daily reminder's message, logged the same way (so a unit is reminded at most once a day of a kind, whether by
    the daily run or by hand). Returns the number of e-mails sent; refuses with the reason otherwise."""
    if not may_review(user, unit):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới nhắc hạn được."))
    submission = (
        Submission.objects.of_units().filter(unit=unit, period_id=period.pk).select_related("deadline__rule").first()
    )
    if submission is not None and submission.status in DONE:
        raise ValidationError(_("%(unit)s đã nộp báo cáo kỳ này.") % {"unit": unit.name})
    deadline = submission.deadline if submission is not None and submission.deadline_id else None
    deadline = deadline or (deadline_for(unit=unit, period=period) if period.pk else None)
    if deadline is None:
        raise ValidationError(_("Chưa có hạn nộp báo cáo kỳ này cho %(unit)s.") % {"unit": unit.name})
    kind = ReminderKind.OVERDUE if deadline.due_date < today else ReminderKind.BEFORE
    if ReminderLog.objects.filter(unit=unit, deadline=deadline, kind=kind, sent_on=today).exists():
        raise ValidationError(_("%(unit)s đã được nhắc hạn hôm nay.") % {"unit": unit.name})
    recipients = list(
        User.objects.filter(unit=unit, is_active=True).exclude(email="").order_by("pk").values_list("email", flat=True)
    )
    if not recipients:
        raise ValidationError(_("%(unit)s chưa có tài khoản nào có địa chỉ thư điện tử.") % {"unit": unit.name})
    returned = submission is not None and submission.status == SubmissionStatus.RETURNED
    with translation.override("vi"):
        subject, body = _message(unit, deadline, kind, today, returned)
    ReminderLog.objects.create(unit=unit, deadline=deadline, kind=kind, sent_on=today, recipients=len(recipients))
    send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients])
    return len(recipients)
