"""The roll-up pages: a unit's figures for a period against its targets, with a drill-down to its children."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.models import Value
from reports.selectors.rollup import rollup_page
from units.models import Unit


@login_required
def rollup_index(request: HttpRequest) -> HttpResponse:
    """To the user's unit (the national root for an administrator) and the latest year with values."""
    user = request.user
    unit = user.unit if user.unit_id else Unit.objects.get_first_root_node()
    if unit is None:
        raise Http404(_("Chưa có đơn vị hành chính nào."))
    latest = (
        Value.objects.filter(unit__path__startswith=unit.path)
        .order_by("-period__year")
        .values_list("period__year", flat=True)
        .first()
    )
    year = latest or timezone.localdate().year
    return redirect("reports:rollup", unit_id=unit.pk, period=str(year))


@login_required
def rollup_detail(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    page = rollup_page(
        user=request.user,
        unit_id=unit_id,
        period_code=period,
        plan_id=request.GET.get("plan"),
        indicator_code=request.GET.get("indicator"),
        sort=request.GET.get("sort"),
        approved_only=request.GET.get("duyet") == "1",
    )
    return render(request, "reports/rollup.html", {"page": page, "approved_only": request.GET.get("duyet") == "1"})
