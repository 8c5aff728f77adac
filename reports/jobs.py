"""Background jobs of the reports app: a large values import (checked, then confirmed and written, each a job)
and the daily deadline reminders.

An import keeps the request's rules: the check writes nothing; the confirmation writes every row or none
(``values_record`` in one transaction); a failed write says why and leaves the data as it was. The stored
upload stays until the import is written or abandoned (``IMPORT_MAX_AGE`` in the view).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.numbers import number_text
from core.uploads import ImportFileError
from jobs.models import Job, JobKind, JobState
from jobs.services import JobError, JobOutput, Progress, job_start
from reports.services.importing import (
    PREVIEW_ROWS,
    ImportResult,
    confirmed_versions,
    import_done_message,
    import_stored_path,
    preview_versions,
    rows_count,
    values_import,
)
from reports.services.reminders import reminders_send

#: Errors and warnings kept in a job's result (the page shows them; the rest is counted).
SHOWN = 200


def import_rows_if_large(path, *, name: str | None = None) -> int | None:
    """The file's rows when more than a request should check (``XHHT_JOB_IMPORT_ROWS``), else None; a file that
    cannot be read is not large (the request's check then says why)."""
    try:
        rows = rows_count(path, name=name)
    except ImportFileError:
        return None
    return rows if rows > settings.XHHT_JOB_IMPORT_ROWS else None


def values_check_job_start(*, user, stored: dict) -> Job:
    title = _("Kiểm tra tệp số liệu %(name)s") % {"name": stored.get("name", "")}
    return job_start(kind=JobKind.VALUES_CHECK, owner=user, unit=user.unit, params=stored, title=title)


def values_import_job_start(*, user, check_job_id: str) -> Job:
    """Import the file of a successful check the same person ran; 404 for any other job."""
    try:
        uuid.UUID(str(check_job_id))
    except ValueError:
        raise Http404(_("Không tìm thấy lần kiểm tra tệp này.")) from None
    check = get_object_or_404(
        Job.objects.visible_to(user), pk=check_job_id, owner=user, kind=JobKind.VALUES_CHECK, state=JobState.DONE
    )
    if not check.result.get("ok"):
        raise Http404(_("Tệp có lỗi nên không thể nhập."))
    title = _("Nhập tệp số liệu %(name)s") % {"name": check.params.get("name", "")}
    params = {**check.params, "versions": check.result.get("versions", {})}  # what the check saw
    return job_start(kind=JobKind.VALUES_IMPORT, owner=user, unit=check.unit, params=params, title=title)


def _result(imported: ImportResult, name: str, *, confirm: bool) -> dict:
    def rows(items):
        return [{"row": e.row, "column": e.column, "message": e.message} for e in items[:SHOWN]]

    record = imported.record
    return {
        "name": name,
        "ok": imported.ok,
        "confirm": confirm and imported.ok,
        "rows": len(imported.rows),
        "errors_count": len(imported.errors),
        "errors": rows(imported.errors),
        "errors_hidden": max(0, len(imported.errors) - SHOWN),
        "warnings_count": len(imported.warnings),
        "warnings": rows(imported.warnings),
        "warnings_hidden": max(0, len(imported.warnings) - SHOWN),
        "preview": [
            {
                "row": r.row,
                "unit_code": r.unit_code,
                "indicator_code": r.indicator_code,
                "period": r.period,
                "value": None if r.value is None else str(r.value),
                "numerator": None if r.numerator is None else str(r.numerator),
                "denominator": None if r.denominator is None else str(r.denominator),
                "comment": r.comment,
                "not_applicable": r.not_applicable,
            }
            for r in imported.rows[:PREVIEW_ROWS]
        ],
        "created": record.created,
        "updated": record.updated,
        "unchanged": record.unchanged,
    }


def _import(job: Job, progress: Progress, *, dry_run: bool) -> tuple[ImportResult, str]:
    path = import_stored_path(job.params)
    name = job.params.get("name", "")
    if path is None or not path.is_file():
        raise JobError(_("Tệp tải lên đã hết hạn lưu giữ hoặc không còn; hãy tải tệp lên lại."))
    progress.start((job.params.get("rows") or rows_count(path, name=name)) + 1, _("Đọc tệp"))
    versions = None if dry_run else confirmed_versions(job.params.get("versions"))
    try:
        imported = values_import(path, job.owner, dry_run=dry_run, name=name, versions=versions, progress=progress)
    except ImportFileError as error:
        path.unlink(missing_ok=True)
        raise JobError(error.message) from None
    progress.advance(progress.total)
    return imported, name


def values_check_run(job: Job, progress: Progress) -> JobOutput:
    """The preview as a job: every row checked, nothing written."""
    imported, name = _import(job, progress, dry_run=True)
    result = _result(imported, name, confirm=True)
    if imported.ok:
        result["versions"] = preview_versions(imported)
    else:
        import_stored_path(job.params).unlink(missing_ok=True)
    return JobOutput(result=result)


def values_import_run(job: Job, progress: Progress) -> JobOutput:
    """The confirmed import as a job: every row written in one transaction, or none."""
    imported, name = _import(job, progress, dry_run=False)
    import_stored_path(job.params).unlink(missing_ok=True)
    if not imported.ok:  # the data changed since the check (a report submitted meanwhile): nothing was written
        raise JobError(_("Tệp có lỗi nên không dòng nào được nhập."), result=_result(imported, name, confirm=False))
    result = _result(imported, name, confirm=False)
    result["message"] = import_done_message(name, imported)
    return JobOutput(result=result)


def reminders_run(job: Job, progress: Progress) -> JobOutput:
    """The daily deadline reminders (``send_deadline_reminders`` as a scheduled job)."""
    progress.start(1, _("Gửi thư nhắc hạn"))
    today = timezone.localdate()
    sent = reminders_send(today=today)
    progress.advance()
    return JobOutput(result={"sent": sent, "message": _("Đã gửi %(n)s thư nhắc hạn (%(day)s).") % {
        "n": number_text(sent), "day": today.strftime("%d/%m/%Y")}})  # fmt: skip
