"""Downloads: a unit's Excel summary for a period, the entry template a unit fills offline, and the official
PDF of its periodic report.

Scope as the roll-up and report pages: a unit outside the user's scope is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from core.pdf import render_pdf
from exports.pdf.report import report_document
from exports.xlsx.common import workbook_response
from exports.xlsx.summary import summary_data, summary_filename, summary_workbook
from exports.xlsx.template import template_data, template_filename, template_workbook
from plans.models import Period
from reports.views.rollup import rollup_query
from units.scoping import unit_visible_or_404


@login_required
def summary_xlsx(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    plan = rollup_query(request, unit)["plan"]
    summary = summary_data(user=request.user, unit=unit, period=period, plan=plan)
    return workbook_response(summary_workbook(summary), summary_filename(summary))


@login_required
def template_xlsx(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    template = template_data(user=request.user, unit=unit_visible_or_404(request.user, unit_id), period=period)
    return workbook_response(template_workbook(template), template_filename(template))


@login_required
def report_pdf(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    plan = rollup_query(request, unit)["plan"]
    doc = report_document(user=request.user, unit=unit, period=period, plan=plan)
    pdf = render_pdf("exports/report_pdf.html", {"doc": doc}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bao-cao-{doc.unit.code}-{doc.period.code}.pdf"'
    return response
