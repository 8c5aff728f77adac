"""The official PDF of a unit's periodic report (scope as the report page: out of scope is a 404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from .pdf import render_pdf
from .pdf_report import report_document


@login_required
def report_pdf(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    doc = report_document(user=request.user, unit_id=unit_id, period_code=period, plan_id=request.GET.get("plan"))
    pdf = render_pdf("exports/report_pdf.html", {"doc": doc}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bao-cao-{doc.unit.code}-{doc.period.code}.pdf"'
    return response
