"""The narrative of a unit's report: the sections an official report has besides its figures (results;
shortcomings and causes; tasks for the next period; proposals), typed by the unit on its report page, kept with
the submission (its history too) and printed in the PDF report.

Who: the report's own unit (``accounts.policy.may_submit``). When: like the values, only while the report is a
draft or returned and its period open (``lock_reasons``, under the report's row lock); a version check refuses a
stale page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.policy import may_submit
from core.numbers import number_text
from reports.models import EntryPath, Submission
from reports.services.submissions import StaleSubmission, lock_reasons

#: The sections, in the order of the report, with their model fields.
NARRATIVE_FIELDS = ("narrative_results", "narrative_shortcomings", "narrative_tasks", "narrative_proposals")
#: Long enough for a few pages of a report; a paste of a whole document is refused.
NARRATIVE_MAX_CHARS = 20_000


@transaction.atomic
def submission_narrative_update(
    *,
    submission: Submission,
    user: User,
    results: str,
    shortcomings: str,
    tasks: str,
    proposals: str,
    version: int | None,
    via: str = EntryPath.FORM,
) -> Submission:
    """Save the four narrative sections of the unit's report (one query to lock, one to check, one to save)."""
    submission = Submission.objects.select_for_update().select_related("unit", "period").get(pk=submission.pk)
    if not may_submit(user, submission.unit):
        raise PermissionDenied(_("Chỉ đơn vị báo cáo mới viết được phần nội dung của báo cáo này."))
    if version is not None and submission.version != version:
        raise StaleSubmission(
            _("Báo cáo vừa được người khác thay đổi (trạng thái: %(status)s). Hãy tải lại trang để xem bản mới nhất.")
            % {"status": submission.get_status_display()}
        )
    reason = lock_reasons(pairs={(submission.unit_id, submission.period_id)}).get(
        (submission.unit_id, submission.period_id)
    )
    if reason:
        raise ValidationError(_("Không thể sửa nội dung báo cáo: %(reason)s") % {"reason": reason})
    texts = dict(zip(NARRATIVE_FIELDS, (results, shortcomings, tasks, proposals), strict=True))
    errors = {
        field: _("Tối đa %(n)s ký tự.") % {"n": number_text(NARRATIVE_MAX_CHARS, places=0)}
        for field, text in texts.items()
        if len(text or "") > NARRATIVE_MAX_CHARS
    }
    if errors:
        raise ValidationError(errors)
    for field, text in texts.items():
        setattr(submission, field, (text or "").strip())
    submission.changed_via = via
    submission._history_user = user
    submission._change_reason = _("Cập nhật phần nội dung báo cáo")
    submission.version += 1
    submission.save()
    return submission
