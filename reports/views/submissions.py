"""The submission workflow pages: a unit's report for a period and its actions (one URL and one form each),
a value's history, the reporting dashboard.

Out of scope is a 404 (``visible_to``); in scope but not allowed, the service's ``PermissionDenied`` becomes
the 403 page with its Vietnamese reason; a ``ValidationError`` (a missing reason, a stale version, a wrong
status) re-renders the page with the message and what the user typed, never a 500.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plans.models import Period
from plans.periods import period_saved
from reports.charts import rate_chart
from reports.forms import ApproveForm, CommentForm, NarrativeForm, ReopenForm, ReturnForm, SubmitForm
from reports.models import SubmissionStatus, Value
from reports.selectors.dashboard import dashboard, late_or_missing
from reports.selectors.quality import quality_flags
from reports.selectors.review import changes_since_return, report_review
from reports.selectors.submissions import (
    submission_indicators,
    submission_page,
    value_history,
)
from reports.services.submissions import (
    StaleSubmission,
    submission_approve,
    submission_comment_add,
    submission_get,
    submission_reopen,
    submission_return,
    submission_submit,
)
from units.models import Unit
from units.scoping import unit_visible_or_404

from . import review


def _page(request: HttpRequest, unit: Unit, period: Period, *, bound: forms.Form | None = None, status: int = 200):
    """The report page, with the action form the user just sent (bound, with its errors) kept as typed."""
    page = submission_page(user=request.user, unit=unit, period=period)
    indicators = [line.value.indicator for line in page.lines]
    action_forms = {
        "submit": SubmitForm(initial={"version": page.submission.version}),
        "approve": ApproveForm(initial={"version": page.submission.version}),
        "return": ReturnForm(initial={"version": page.submission.version}, indicators=indicators),
        "reopen": ReopenForm(initial={"version": page.submission.version}),
        "comment": CommentForm(indicators=submission_indicators(unit=unit, period=period)),
        "narrative": NarrativeForm(
            initial={
                "version": page.submission.version,
                "results": page.submission.narrative_results,
                "shortcomings": page.submission.narrative_shortcomings,
                "tasks": page.submission.narrative_tasks,
                "proposals": page.submission.narrative_proposals,
            }
        ),
    }
    unsaved = ""
    if bound is not None:
        action_forms[bound.action] = bound
        # What the user typed, in case the form it belongs to is no longer offered (the report moved on).
        unsaved = (bound.data.get("reason") or bound.data.get("body") or "").strip()
    context_of = report_review(unit=unit, period=period, values=[line.value for line in page.lines])
    for line, reviewed in zip(page.lines, context_of.lines, strict=True):
        line.about = action_forms["return"][ReturnForm.about_name(line.value.indicator)]
        line.review = reviewed
    by_code = {line.value.indicator.code: line.value.indicator for line in page.lines}
    changes = []
    if page.submission.status in (SubmissionStatus.RETURNED, SubmissionStatus.SUBMITTED):
        changes = changes_since_return(submission=page.submission)
    context = {
        "page": page,
        "forms": action_forms,
        "unsaved": unsaved,
        "flags": context_of.flags,
        "changes": changes,
        # the flags an approval was recorded with, each with its indicator (by code, among the report's)
        "approved_flags": [
            (by_code.get(flag.get("indicator")), flag) for flag in (page.submission.approved_flags or [])
        ],
    }
    return render(request, "reports/submission.html", context, status=status)


@login_required
@require_GET
def submission_detail(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    return _page(request, unit_visible_or_404(request.user, unit_id), period)


def _act(request: HttpRequest, unit_id: int, period: Period, action: str, form_class, run) -> HttpResponse:
    """One action on a unit's report: parse its form, call its service, back to the report page.

    Out of scope: 404; not allowed: the service's ``PermissionDenied`` (403 with the reason); a refused form or a
    refused transition: the page again with the message and what was typed (400, or 409 for a stale version).
    """
    unit = unit_visible_or_404(request.user, unit_id)
    kwargs = {}
    if form_class is ReturnForm:
        kwargs["indicators"] = list(submission_indicators(unit=unit, period=period))
    elif form_class is CommentForm:
        kwargs["indicators"] = submission_indicators(unit=unit, period=period)
    form = form_class(request.POST, **kwargs)
    form.action = action
    if not form.is_valid():
        messages.error(request, _("Chưa thực hiện được: hãy xem các ô được đánh dấu."))
        return _page(request, unit, period, bound=form, status=400)
    submission = submission_get(unit=unit, period=period_saved(period))
    try:
        run(submission=submission, user=request.user, data=form.cleaned_data, form=form)
    except StaleSubmission as error:
        messages.error(request, " ".join(error.messages))
        return _page(request, unit, period, bound=form, status=409)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _page(request, unit, period, bound=form, status=400)
    messages.success(request, DONE[action])
    return redirect("reports:submission", unit_id=unit.pk, period=period.code)


DONE = {
    "submit": gettext_lazy("Đã nộp báo cáo. Cấp trên đã được thông báo qua thư điện tử."),
    "approve": gettext_lazy("Đã duyệt báo cáo."),
    "return": gettext_lazy("Đã trả lại báo cáo kèm lý do."),
    "reopen": gettext_lazy("Đã mở lại báo cáo để sửa."),
    "comment": gettext_lazy("Đã gửi ý kiến trao đổi."),
    "narrative": gettext_lazy("Đã lưu phần nội dung báo cáo."),
}


@login_required
@require_http_methods(["GET", "POST"])
def submission_submit_view(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """GET: the confirmation (a summary of the report); POST: submit."""
    if request.method == "GET":
        return review.submit_confirm(request, unit_id, period)

    def run(*, submission, user, data, form):
        submission_submit(submission=submission, user=user, version=data["version"])

    return _act(request, unit_id, period, "submit", SubmitForm, run)


@login_required
@require_http_methods(["GET", "POST"])
def submission_approve_view(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    """GET: the confirmation (every figure in context, its flags); POST: approve, keeping the flags it showed."""
    if request.method == "GET":
        return review.approve_confirm(request, unit_id, period)

    def run(*, submission, user, data, form):
        flags = quality_flags(unit=submission.unit, period=submission.period).flags
        submission_approve(
            submission=submission, user=user, version=data["version"], flags=[f.as_record() for f in flags]
        )

    return _act(request, unit_id, period, "approve", ApproveForm, run)


@login_required
@require_POST
def submission_return_view(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    def run(*, submission, user, data, form):
        submission_return(
            submission=submission, user=user, reason=data["reason"], about=form.about(), version=data["version"]
        )

    return _act(request, unit_id, period, "return", ReturnForm, run)


@login_required
@require_POST
def submission_reopen_view(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    def run(*, submission, user, data, form):
        submission_reopen(submission=submission, user=user, reason=data["reason"], version=data["version"])

    return _act(request, unit_id, period, "reopen", ReopenForm, run)


@login_required
@require_POST
def submission_comment_view(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    def run(*, submission, user, data, form):
        submission_comment_add(submission=submission, user=user, body=data["body"], indicator=data["indicator"])

    return _act(request, unit_id, period, "comment", CommentForm, run)


@login_required
def value_history_detail(request: HttpRequest, value_id: int) -> HttpResponse:
    value = get_object_or_404(
        Value.objects.visible_to(request.user).select_related("unit", "indicator", "period"), pk=value_id
    )
    return render(request, "reports/submission_value_history.html", {"page": value_history(value=value)})


@login_required
def dashboard_detail(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    page = dashboard(unit=unit_visible_or_404(request.user, unit_id), period=period)
    return render(request, "reports/dashboard.html", {"page": page, "rate_chart_data": rate_chart(page.trend)})


@login_required
def dashboard_late(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    page = late_or_missing(unit=unit, period=period, which=request.GET.get("loai", ""))
    return render(request, "reports/dashboard_late.html", {"page": page})
