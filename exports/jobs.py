"""The exports that run as background jobs when they are large: a unit's Excel summary and its PDF report.

When is an export large (``summary_is_large``, ``report_is_large``)? Measured on the national data set
(docs/benchmarks.md): the Excel summary of a district (13 communes at the median, 47 at most in the legacy tree)
takes a few hundred milliseconds and stays a direct download; a province's (hundreds of units) took 2-5 s in a
request, so more than ``XHHT_JOB_XLSX_UNITS`` (60) units make a job. The PDF costs WeasyPrint about a second per
25-30 units below even in its compact layout (Hà Nội's 30 districts: 1.5-2 s idle, 5 s under load), so a report
with more than ``XHHT_JOB_PDF_CHILDREN`` (20) units below is a job: the median district stays immediate.

The job runs as the person who asked: the scope is checked again when it runs (``summary_data`` and
``report_document`` take the owner), so a person moved out of the unit meanwhile gets a failed job, not a file.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from core.pdf import render_pdf_to
from exports.pdf.report import report_document, report_filename
from exports.xlsx.summary import summary_data, summary_filename, summary_write
from jobs.models import Job, JobKind
from jobs.services import JobError, JobOutput, Progress, job_start, output_path
from plans.models import Period, Plan
from plans.periods import period_resolve
from reports.views.rollup import RollupQueryForm
from units.models import Unit


def _subtree(unit: Unit, period: Period):
    return Unit.objects.filter(path__startswith=unit.path).valid_on(period.reference_day)


def summary_is_large(*, unit: Unit, period: Period) -> bool:
    """More units in the subtree than a direct download should hold a request for (one query)."""
    return _subtree(unit, period).count() > settings.XHHT_JOB_XLSX_UNITS


def report_is_large(*, unit: Unit, period: Period) -> bool:
    """More child units than the PDF should lay out during a request (one query)."""
    return _subtree(unit, period).filter(depth=unit.depth + 1).count() > settings.XHHT_JOB_PDF_CHILDREN


def _params(unit: Unit, period: Period, plan: Plan | None) -> dict:
    return {"unit_id": unit.pk, "period": period.code, "plan": plan.pk if plan else None}


def summary_job_start(*, user, unit: Unit, period: Period, plan: Plan | None = None) -> Job:
    title = _("Bảng tổng hợp Excel: %(unit)s, %(period)s") % {"unit": unit.name, "period": period.label}
    return job_start(kind=JobKind.SUMMARY_XLSX, owner=user, unit=unit, params=_params(unit, period, plan), title=title)


def report_job_start(*, user, unit: Unit, period: Period, plan: Plan | None = None) -> Job:
    title = _("Báo cáo PDF: %(unit)s, %(period)s") % {"unit": unit.name, "period": period.label}
    return job_start(kind=JobKind.REPORT_PDF, owner=user, unit=unit, params=_params(unit, period, plan), title=title)


def _scope(job: Job) -> tuple[Unit, Period, Plan | None]:
    """The unit, period and plan of an export job, resolved again for its owner when it runs (the scope may have
    changed since the click): ``JobError`` when the unit or the plan is no longer theirs."""
    params = job.params
    unit = Unit.objects.visible_to(job.owner).filter(pk=params["unit_id"]).first()
    if unit is None:
        raise JobError(_("Đơn vị không còn trong phạm vi của bạn."))
    plan = None
    if params.get("plan"):
        form = RollupQueryForm({"plan": params["plan"]}, user=job.owner, unit=unit)
        if not form.is_valid():
            raise JobError(_("Không có kế hoạch này trong phạm vi của đơn vị."))
        plan = form.cleaned_data["plan"]
    return unit, period_resolve(params["period"]), plan


def summary_xlsx_run(job: Job, progress: Progress) -> JobOutput:
    unit, period, plan = _scope(job)
    summary = summary_data(user=job.owner, unit=unit, period=period, plan=plan, progress=progress)
    path = output_path(".xlsx")
    summary_write(summary, path, progress)
    return JobOutput(path=path, filename=summary_filename(summary))


def report_pdf_run(job: Job, progress: Progress) -> JobOutput:
    unit, period, plan = _scope(job)
    progress.start(3, _("Tổng hợp số liệu"))
    doc = report_document(user=job.owner, unit=unit, period=period, plan=plan)
    progress.advance()
    path = output_path(".pdf")
    render_pdf_to(path, "exports/report_pdf.html", {"doc": doc}, progress=progress)
    return JobOutput(path=path, filename=report_filename(doc))
