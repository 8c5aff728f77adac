"""An agency's own report (a Sở, the Hội Khuyến học, where a plan's rule asks it: ``plans.ReportingBody``): one
page with the grid of its indicators, saved by a POST, and its submission (``?`` a POST with ``submit``).

Seeing: whoever sees the agency's unit (``unit_visible_or_404``; else 404). Doing: the agency's account
(``accounts.policy.may_enter_for_agency``, ``may_submit_for_agency``; else 403).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.policy import may_enter_for_agency, may_review_agency, may_submit_for_agency
from plans.models import Period
from plans.periods import period_saved
from reports.forms import EntryFormSet
from reports.models import EntryPath, SubmissionStatus
from reports.selectors.agencies import agency_report
from reports.services.submissions import (
    agency_submission_get,
    submission_approve,
    submission_reopen,
    submission_return,
    submission_submit,
)
from reports.services.values import values_record
from units.models import Agency
from units.scoping import unit_visible_or_404


@login_required
def agency_report_view(request: HttpRequest, agency_id: int, period: Period) -> HttpResponse:
    agency = get_object_or_404(Agency.objects.select_related("unit"), pk=agency_id)
    unit_visible_or_404(request.user, agency.unit_id)
    page = agency_report(agency=agency, period=period)
    grid = page.grid
    may_enter = may_enter_for_agency(request.user, agency, period=period)
    can_save = may_enter and grid.is_entry_level and grid.valid_in_period and not grid.lock_reason
    formset = EntryFormSet(grid=grid, disabled=not can_save)
    if request.method == "POST":
        for action in REVIEW_ACTIONS:
            if action in request.POST:
                return _review(request, agency, period, action, page.submission)
        if "submit" in request.POST:
            if not may_submit_for_agency(request.user, agency):
                raise PermissionDenied(_("Chỉ cơ quan báo cáo mới nộp được báo cáo này."))
            try:
                submission_submit(
                    submission=agency_submission_get(agency=agency, period=period_saved(period)), user=request.user
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            messages.success(request, _("Đã nộp báo cáo của cơ quan."))
            return redirect(request.path)
        if not may_enter:
            raise PermissionDenied(_("Chỉ tài khoản của cơ quan mới nhập số liệu cho báo cáo này."))
        if not can_save:
            messages.error(request, grid.lock_reason or _("Không thể lưu số liệu cho cơ quan và kỳ này."))
            return redirect(request.path)
        formset = EntryFormSet(request.POST, grid=grid)
        rows = formset.value_rows()
        for row in rows:
            row.agency = agency.pk
        if rows:
            result = values_record(rows=rows, user=request.user, path=EntryPath.FORM, partial=True)
            if not result.errors and not formset.has_cell_errors:
                messages.success(request, _("Đã lưu %(n)s chỉ tiêu.") % {"n": result.written})
                return redirect(request.path)
            formset.apply_result(result)
        elif not formset.has_cell_errors:
            messages.info(request, _("Không có ô nào thay đổi; chưa lưu gì."))
            return redirect(request.path)
        messages.error(request, _("Có ô chưa hợp lệ chưa được lưu; hãy sửa các ô được đánh dấu."))
    submission = page.submission
    return render(
        request,
        "reports/agency_report.html",
        {
            "page": page,
            "agency": agency,
            "period": grid.period,
            "grid": grid,
            "formset": formset,
            "can_save": can_save,
            "can_review": may_review_agency(request.user, agency) and submission is not None,
            "can_submit": may_submit_for_agency(request.user, agency)
            and grid.valid_in_period
            and (submission is None or submission.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)),
        },
    )


REVIEW_ACTIONS = {
    "approve": (submission_approve, _("Đã duyệt báo cáo của cơ quan.")),
    "return": (submission_return, _("Đã trả lại báo cáo của cơ quan kèm lý do.")),
    "reopen": (submission_reopen, _("Đã mở lại báo cáo của cơ quan để sửa.")),
}


def _review(request: HttpRequest, agency: Agency, period: Period, action: str, submission) -> HttpResponse:
    """Approve, return or reopen the agency's report: a reviewer of its unit or above (else 403)."""
    if not may_review_agency(request.user, agency):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị mới xử lý được báo cáo này."))
    run, done = REVIEW_ACTIONS[action]
    if submission is None:
        messages.error(request, _("Cơ quan chưa có báo cáo kỳ này."))
        return redirect(request.path)
    kwargs = {} if action == "approve" else {"reason": request.POST.get("reason", "")}
    try:
        run(submission=submission, user=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(request.path)
    messages.success(request, str(done))
    return redirect(request.path)
