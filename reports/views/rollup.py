"""The roll-up pages: a unit's figures for a period against its targets, with a drill-down to its children."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.models import Period, Plan
from reports.charts import children_chart, series_chart
from reports.display import rollup_chart
from reports.models import Value
from reports.selectors.rollup import rollup_page
from reports.selectors.series import indicator_series
from units.models import Unit
from units.scoping import unit_visible_or_404


class RollupQueryForm(forms.Form):
    """The page's query string: which plan's targets, which indicator to drill down, the sort, approved only."""

    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), required=False)
    indicator = forms.CharField(required=False, max_length=40)
    sort = forms.CharField(required=False, max_length=20)
    duyet = forms.BooleanField(required=False)

    def __init__(self, data, *, user, unit: Unit):
        super().__init__(data)
        # The plans of the unit and the units above it that the user sees (``rollup_plans``'s choice).
        self.fields["plan"].queryset = Plan.objects.visible_to(user).filter(unit__path__in=unit.ancestor_paths())


def rollup_query(request: HttpRequest, unit: Unit) -> dict:
    """The parsed query string; a plan outside the unit's chain (or garbage) is a 404, as a missing page."""
    form = RollupQueryForm(request.GET, user=request.user, unit=unit)
    if not form.is_valid():
        raise Http404(_("Không có kế hoạch này trong phạm vi của đơn vị."))
    return form.cleaned_data


@login_required
def rollup_index(request: HttpRequest) -> HttpResponse:
    """To the user's unit (the national root for an administrator) and the latest year with values."""
    user = request.user
    unit = user.unit if user.unit_id else Unit.objects.get_first_root_node()
    if unit is None:
        raise Http404(_("Chưa có đơn vị hành chính nào."))
    latest = (
        Value.objects.of_units()
        .filter(unit__path__startswith=unit.path)
        .order_by("-period__year")
        .values_list("period__year", flat=True)
        .first()
    )
    year = latest or timezone.localdate().year
    return redirect("reports:rollup", unit_id=unit.pk, period=str(year))


@login_required
def rollup_detail(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = unit_visible_or_404(request.user, unit_id)
    query = rollup_query(request, unit)
    page = rollup_page(
        user=request.user,
        unit=unit,
        period=period,
        plan=query["plan"],
        indicator_code=query["indicator"],
        sort=query["sort"],
        approved_only=query["duyet"],
    )
    series = None
    selected_row = next((row for row in page.rows if row.selected), None)
    if selected_row is not None:
        series = series_chart(
            indicator_series(
                unit=unit,
                indicator=selected_row.indicator,
                period=period,
                progress=selected_row.progress,
                approved_only=query["duyet"],
            )
        )
    context = {
        "page": page,
        "approved_only": query["duyet"],
        "chart": children_chart(rollup_chart(page)),
        "series": series,
    }
    return render(request, "reports/rollup.html", context)
