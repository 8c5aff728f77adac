"""The home page: each person's to-do list (``reports.selectors.home``). It lives here rather than in ``core``,
which uses no domain app (docs/architecture.md)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reports.display import glance_bars
from reports.selectors.home import home_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    page = home_page(user=request.user)
    glance = page.reviewer.glance if page.reviewer is not None else None
    return render(request, "core/home.html", {"page": page, "bars": glance_bars(glance) if glance else None})
