"""The confirmation steps of a report (before submitting, before approving), the flagged figures of a subtree, and
a reviewer's reminder to a late unit.

Each confirmation is the GET of its action's URL: a page that works without JavaScript, whose form posts to the
same URL (``reports.views.submissions``). Out of scope: 404; in scope but not allowed: 403 with the reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.policy import may_review, may_submit
from plans.models import Period
from reports.forms import ApproveForm, SubmitForm
from reports.models import Submission, SubmissionStatus, Value
from reports.selectors.quality import flagged_subtree
from reports.selectors.review import changes_since_return, report_review, submit_summary
from reports.services.reminders import reminder_send_now
from units.models import Unit
from units.scoping import unit_visible_or_404


def _submission(unit: Unit, period: Period) -> Submission:
    found = Submission.objects.of_units().filter(unit=unit, period_id=period.pk).first() if period.pk else None
    return found or Submission(unit=unit, period=period)


def submit_confirm(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """Before "Nộp báo cáo": what is entered, which indicators are still blank, the warnings, what changed."""
    unit = unit_visible_or_404(request.user, unit_id)
    if not may_submit(request.user, unit):
        raise PermissionDenied(_("Chỉ đơn vị báo cáo mới nộp được báo cáo này."))
    submission = _submission(unit, period)
    summary = submit_summary(user=request.user, unit=unit, period=period, submission=submission)
    context = {
        "summary": summary,
        "form": SubmitForm(initial={"version": submission.version}),
        "can_submit": submission.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED) and not summary.empty,
    }
    return render(request, "reports/submission_confirm_submit.html", context)


def approve_confirm(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """Before "Duyệt báo cáo": every figure with its context and the flags the approval will be recorded with."""
    unit = unit_visible_or_404(request.user, unit_id)
    if not may_review(request.user, unit):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới duyệt được báo cáo này."))
    submission = _submission(unit, period)
    values = list(
        Value.objects.of_units()
        .filter(unit=unit, period_id=period.pk)
        .select_related("indicator")
        .order_by("indicator__category", "indicator__order", "indicator__code")
        if period.pk
        else []
    )
    review = report_review(unit=unit, period=period, values=values)
    context = {
        "unit": unit,
        "period": period,
        "submission": submission,
        "review": review,
        "changes": changes_since_return(submission=submission),
        "form": ApproveForm(initial={"version": submission.version}),
        "can_approve": submission.status == SubmissionStatus.SUBMITTED,
    }
    return render(request, "reports/submission_confirm_approve.html", context)


@login_required
@require_GET
def flagged(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """The flagged figures of the whole subtree of a unit for a period."""
    page = flagged_subtree(unit=unit_visible_or_404(request.user, unit_id), period=period)
    return render(request, "reports/quality_flags.html", {"page": page, "indicators": page.indicators})


@login_required
@require_POST
def reminder_send(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """Remind one unit of its report now (``reminder_send_now``); back to the page the button was on."""
    unit = unit_visible_or_404(request.user, unit_id)
    try:
        sent = reminder_send_now(user=request.user, unit=unit, period=period, today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã gửi thư nhắc hạn tới %(n)s địa chỉ của %(unit)s.") % {"n": sent, "unit": unit.name}
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("reports:dashboard_late", args=[unit.parent_id or unit.pk, period.code])
    return redirect(back)
