"""Excel downloads: a unit's summary for a period, and the entry template a unit fills offline.

Scope as the roll-up page: a unit outside the user's scope is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from .xlsx_common import workbook_response
from .xlsx_summary import summary_data, summary_filename, summary_workbook
from .xlsx_template import template_data, template_filename, template_workbook


@login_required
def summary_xlsx(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    summary = summary_data(user=request.user, unit_id=unit_id, period_code=period, plan_id=request.GET.get("plan"))
    return workbook_response(summary_workbook(summary), summary_filename(summary))


@login_required
def template_xlsx(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    template = template_data(user=request.user, unit_id=unit_id, period_code=period)
    return workbook_response(template_workbook(template), template_filename(template))
