"""The exports that run as background jobs when they are large: a unit's Excel summary and its PDF report.

When is an export large (``summary_is_large``, ``report_is_large``)? Measured on the national data set
(docs/benchmarks.md): the Excel summary costs about 3 ms per unit of the subtree × 32 indicators and the PDF
about 20 ms per child row × 32 indicators, so a district (at most ~60 communes) stays a direct download of a
second or less, and a province (hundreds of units, or 100+ communes below it in the two-level tree) is a job.
The thresholds are settings (``XHHT_JOB_XLSX_UNITS``, ``XHHT_JOB_PDF_CHILDREN``).

The job runs as the person who asked: the scope is checked again when it runs (``summary_data`` and
``report_document`` take the owner), so a person moved out of the unit meanwhile gets a failed job, not a file.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _

from core.pdf import render_pdf_to
from exports.pdf.report import report_document, report_filename
from exports.xlsx.summary import summary_data, summary_filename, summary_write
from jobs.models import Job, JobKind
from jobs.services import JobError, JobOutput, Progress, job_start, output_path
from plans.models import Period
from units.models import Unit


def _subtree(unit: Unit, period: Period):
    return Unit.objects.filter(path__startswith=unit.path).valid_on(period.reference_day)


def summary_is_large(*, unit: Unit, period: Period) -> bool:
    """More units in the subtree than a direct download should hold a request for (one query)."""
    return _subtree(unit, period).count() > settings.XHHT_JOB_XLSX_UNITS


def report_is_large(*, unit: Unit, period: Period) -> bool:
    """More child units than the PDF should lay out during a request (one query)."""
    return _subtree(unit, period).filter(depth=unit.depth + 1).count() > settings.XHHT_JOB_PDF_CHILDREN


def _params(unit: Unit, period: Period, plan_id: str | None) -> dict:
    return {"unit_id": unit.pk, "period": period.code, "plan": plan_id or None}


def summary_job_start(*, user, unit: Unit, period: Period, plan_id: str | None = None) -> Job:
    title = _("Bảng tổng hợp Excel: %(unit)s, %(period)s") % {"unit": unit.name, "period": period.label}
    return job_start(
        kind=JobKind.SUMMARY_XLSX, owner=user, unit=unit, params=_params(unit, period, plan_id), title=title
    )


def report_job_start(*, user, unit: Unit, period: Period, plan_id: str | None = None) -> Job:
    title = _("Báo cáo PDF: %(unit)s, %(period)s") % {"unit": unit.name, "period": period.label}
    return job_start(kind=JobKind.REPORT_PDF, owner=user, unit=unit, params=_params(unit, period, plan_id), title=title)


def _not_found(error: Http404) -> JobError:
    return JobError(str(error) or _("Đơn vị, kỳ báo cáo hoặc kế hoạch không còn trong phạm vi của bạn."))


def summary_xlsx_run(job: Job, progress: Progress) -> JobOutput:
    params = job.params
    try:
        summary = summary_data(
            user=job.owner,
            unit_id=params["unit_id"],
            period_code=params["period"],
            plan_id=params.get("plan"),
            progress=progress,
        )
    except Http404 as error:
        raise _not_found(error) from None
    path = output_path(".xlsx")
    summary_write(summary, path, progress)
    return JobOutput(path=path, filename=summary_filename(summary))


def report_pdf_run(job: Job, progress: Progress) -> JobOutput:
    params = job.params
    progress.start(3, _("Tổng hợp số liệu"))
    try:
        doc = report_document(
            user=job.owner, unit_id=params["unit_id"], period_code=params["period"], plan_id=params.get("plan")
        )
    except Http404 as error:
        raise _not_found(error) from None
    progress.advance()
    path = output_path(".pdf")
    render_pdf_to(path, "exports/report_pdf.html", {"doc": doc}, progress=progress)
    return JobOutput(path=path, filename=report_filename(doc))
