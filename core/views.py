from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from units.models import Unit


@login_required
def home(request: HttpRequest) -> HttpResponse:
    unit = request.user.unit
    children = Unit.objects.none()
    if unit is not None:
        children = Unit.objects.visible_to(request.user).filter(parent=unit).order_by("code")
    return render(request, "core/home.html", {"unit": unit, "children": children})


# Error pages: a plain Vietnamese page, never a stack trace.
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", {"reason": str(exception) if exception else ""}, status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)
