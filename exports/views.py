"""Downloads: a unit's Excel summary for a period, the entry template a unit fills offline, and the official
PDF of its periodic report.

Scope as the roll-up and report pages: a unit outside the user's scope is a 404. A large summary or report (a
province's, the country's: ``exports.jobs``) is not built in the request: it starts a background job and the
browser goes to the job's page, which shows the progress and then the download link.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from core.pdf import render_pdf
from exports.jobs import report_is_large, report_job_start, summary_is_large, summary_job_start
from exports.pdf.report import report_document, report_filename
from exports.xlsx.common import workbook_response
from exports.xlsx.stream import stream_response
from exports.xlsx.summary import summary_data, summary_filename, summary_write
from exports.xlsx.template import template_data, template_filename, template_workbook
from plans.models import Period
from reports.views.rollup import rollup_query
from units.scoping import unit_visible_or_404


@login_required
def summary_xlsx(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    plan = rollup_query(request, unit)["plan"]
    if summary_is_large(unit=unit, period=period):
        return redirect(
            "jobs:detail", job_id=summary_job_start(user=request.user, unit=unit, period=period, plan=plan).pk
        )
    summary = summary_data(user=request.user, unit=unit, period=period, plan=plan)
    return stream_response(lambda handle: summary_write(summary, handle), summary_filename(summary))


@login_required
def template_xlsx(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    template = template_data(user=request.user, unit=unit_visible_or_404(request.user, unit_id), period=period)
    return workbook_response(template_workbook(template), template_filename(template))


@login_required
def report_pdf(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    plan = rollup_query(request, unit)["plan"]
    if report_is_large(unit=unit, period=period):
        return redirect(
            "jobs:detail", job_id=report_job_start(user=request.user, unit=unit, period=period, plan=plan).pk
        )
    doc = report_document(user=request.user, unit=unit, period=period, plan=plan)
    pdf = render_pdf("exports/report_pdf.html", {"doc": doc}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report_filename(doc)}"'
    return response
