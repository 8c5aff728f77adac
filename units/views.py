from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .filters import UnitFilter
from .models import Unit


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = UnitFilter(request.GET, queryset=Unit.objects.visible_to(request.user).select_related("parent"))
    page = Paginator(units.qs, 50).get_page(request.GET.get("page"))
    return render(request, "units/unit_list.html", {"filter": units, "page": page})


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=pk)
    ancestors = Unit.objects.ancestors_of(unit)
    children = unit.children.order_by("code")
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "children": children,
            "agencies": unit.agencies.all(),
            "areas": unit.areas.select_related("category").order_by("valid_from", "category__code"),
        },
    )
