"""The submission workflow pages: a unit's report for a period, a value's history, the reporting dashboard.

Out of scope is a 404 (``visible_to``); in scope but not allowed, the service's ``PermissionDenied`` becomes
the 403 page with its Vietnamese reason; a ``ValidationError`` (a missing reason, a stale version, a wrong
status) re-renders the page with the message and what the user typed, never a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from indicators.models import Indicator
from reports.selectors.submissions import (
    dashboard,
    late_or_missing,
    period_for_code,
    submission_page,
    unit_for,
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

ACTIONS = {"submit", "approve", "return", "reopen", "comment"}
DONE = {
    "submit": gettext_lazy("Đã nộp báo cáo. Cấp trên đã được thông báo qua thư điện tử."),
    "approve": gettext_lazy("Đã duyệt báo cáo."),
    "return": gettext_lazy("Đã trả lại báo cáo kèm lý do."),
    "reopen": gettext_lazy("Đã mở lại báo cáo để sửa."),
    "comment": gettext_lazy("Đã gửi ý kiến trao đổi."),
}


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _about(request: HttpRequest) -> dict[Indicator, str]:
    """The return form's per-indicator comments: fields ``about-<indicator id>``."""
    texts = {
        pk: request.POST[key].strip()
        for key in request.POST
        if key.startswith("about-") and (pk := _int(key.removeprefix("about-"))) and request.POST[key].strip()
    }
    return {i: texts[i.pk] for i in Indicator.objects.filter(pk__in=texts)} if texts else {}


def _act(request: HttpRequest, unit_id: int, period: str, action: str) -> None:
    """Run one transition or add a comment; raises what the service raises."""
    if any("\x00" in value for key in request.POST for value in request.POST.getlist(key)):
        # Typed text never holds a NUL, and PostgreSQL refuses one (a 500 before this check).
        raise ValidationError(_("Nội dung có ký tự rỗng (NUL) không hợp lệ."))
    unit, period_obj = unit_for(request.user, unit_id), period_for_code(period)
    submission = submission_get(unit=unit, period=period_obj)
    user, version, post = request.user, _int(request.POST.get("version")), request.POST
    if action == "submit":
        submission_submit(submission=submission, user=user, version=version)
    elif action == "approve":
        submission_approve(submission=submission, user=user, version=version)
    elif action == "return":
        submission_return(
            submission=submission, user=user, reason=post.get("reason", ""), about=_about(request), version=version
        )
    elif action == "reopen":
        submission_reopen(submission=submission, user=user, reason=post.get("reason", ""), version=version)
    else:
        indicator_id = _int(post.get("indicator"))
        indicator = Indicator.objects.filter(pk=indicator_id).first() if indicator_id else None
        submission_comment_add(submission=submission, user=user, body=post.get("body", ""), indicator=indicator)


@login_required
@require_http_methods(["GET", "POST"])
def submission_detail(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    status, posted = 200, {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            messages.error(request, _("Thao tác không hợp lệ."))
            status = 400
        else:
            try:
                _act(request, unit_id, period, action)
            except StaleSubmission as error:
                messages.error(request, " ".join(error.messages))
                status, posted = 409, {"action": action, **request.POST.dict()}
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                status, posted = 400, {"action": action, **request.POST.dict()}
            else:
                messages.success(request, DONE[action])
                return redirect("reports:submission", unit_id=unit_id, period=period)
    page = submission_page(user=request.user, unit_id=unit_id, period_code=period)
    for line in page.lines:  # the per-indicator comments typed in a refused return form are kept
        line.draft = posted.get(f"about-{line.value.indicator_id}", "")
    return render(request, "reports/submission.html", {"page": page, "posted": posted}, status=status)


@login_required
def value_history_detail(request: HttpRequest, value_id: int) -> HttpResponse:
    page = value_history(user=request.user, value_id=value_id)
    return render(request, "reports/submission_value_history.html", {"page": page})


@login_required
def dashboard_detail(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    page = dashboard(user=request.user, unit_id=unit_id, period_code=period)
    return render(request, "reports/dashboard.html", {"page": page})


@login_required
def dashboard_late(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    page = late_or_missing(user=request.user, unit_id=unit_id, period_code=period, which=request.GET.get("loai", ""))
    return render(request, "reports/dashboard_late.html", {"page": page})
