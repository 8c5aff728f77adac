"""The answer to a locked-out login (django-axes' ``AXES_LOCKOUT_CALLABLE``): the login page again, saying why
it refuses, for how long, and who can unlock it; status 429 (too many requests), never a bare error page."""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _duration(request: HttpRequest) -> str:
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else 0
    if minutes and minutes % 60 == 0:
        return _("%(n)s giờ") % {"n": minutes // 60}
    return _("%(n)s phút") % {"n": minutes}


def locked_out(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "locked_for": _duration(request),
    }
    return render(request, "registration/login.html", context, status=429)
