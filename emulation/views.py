"""The emulation result page of a unit and a year: the result, and the form for the level above.

Out of scope → 404 (``unit_visible_or_404``); in scope but not allowed to record → 403 (the service's reason).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.policy import may_record_emulation
from units.scoping import unit_visible_or_404

from .forms import EmulationResultForm
from .selectors import emulation_result_for
from .services import emulation_result_record


@login_required
@require_http_methods(["GET", "POST"])
def result_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    if not 2000 <= year <= 2100:
        raise Http404
    unit = unit_visible_or_404(request.user, unit_id)
    result = emulation_result_for(user=request.user, unit=unit, year=year)
    may_record = may_record_emulation(request.user, unit)
    form = EmulationResultForm(instance=result, initial={"version": result.version if result else None})
    status = 200
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied(_("Chỉ cấp trên của đơn vị (hoặc quản trị) ghi kết quả thi đua của đơn vị."))
        form = EmulationResultForm(request.POST, instance=result)
        if form.is_valid():
            data = form.cleaned_data
            try:
                emulation_result_record(
                    user=request.user,
                    unit=unit,
                    year=year,
                    title=data["title"],
                    basis=data["basis"],
                    decision_number=data["decision_number"],
                    decision_date=data["decision_date"],
                    issuing_body=data["issuing_body"],
                    rank=data.get("rank"),
                    ranked_of=data.get("ranked_of"),
                    version=data.get("version"),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(request, _("Đã ghi kết quả thi đua."))
                return redirect("emulation:result", unit_id=unit.pk, year=year)
        status = 400
    context = {"unit": unit, "year": year, "result": result, "form": form, "may_record": may_record}
    return render(request, "emulation/result.html", context, status=status)
