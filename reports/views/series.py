"""A unit's series over the years: its yearly figures from 2021, a 2025 unit's earlier years from its former units."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.selectors.series import SERIES_FIRST_YEAR, unit_series
from units.scoping import unit_visible_or_404


class SeriesQueryForm(forms.Form):
    den = forms.IntegerField(required=False, min_value=SERIES_FIRST_YEAR, max_value=2100)


@login_required
def series_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    form = SeriesQueryForm(request.GET)
    if not form.is_valid():
        raise Http404(_("Không có năm này."))
    last_year = form.cleaned_data["den"] or timezone.localdate().year
    series = unit_series(unit=unit, last_year=last_year)
    return render(request, "reports/series.html", {"series": series, "last_year": last_year})
