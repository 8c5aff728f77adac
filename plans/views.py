import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.policy import may_carry_over, may_edit_plan

from .filters import PlanFilter
from .forms import CarryOverForm, TargetForm
from .models import Plan, Target
from .selectors import plan_detail as plan_detail_select
from .selectors import plan_successors, runs_after_its_unit
from .services import plan_carry_over, target_set


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = PlanFilter(
        request.GET,
        queryset=Plan.objects.visible_to(request.user).select_related("unit", "parent"),
    )
    page = Paginator(plans.qs, 25).get_page(request.GET.get("page"))
    return render(request, "plans/plan_list.html", {"filter": plans, "page": page})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    detail = plan_detail_select(plan_id=pk, user=request.user)
    if detail is None:
        raise Http404(_("Không có kế hoạch này trong phạm vi của bạn."))
    return render(request, "plans/plan_detail.html", {"detail": detail, "plan": detail.plan})


def _editable_plan(request: HttpRequest, pk: int) -> Plan:
    """The plan if the user may edit it; 404 if they may not even see it, 403 if they only see it."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("unit"), pk=pk)
    if not may_edit_plan(request.user, plan):
        raise PermissionDenied(
            _(
                "Bạn chỉ được xem kế hoạch này. Chỉ chuyên viên thẩm định của đơn vị ban hành "
                "hoặc đơn vị cấp trên mới được nhập, sửa chỉ tiêu."
            )
        )
    return plan


def _target_form(request: HttpRequest, plan: Plan, target: Target | None) -> HttpResponse:
    form = TargetForm(request.POST or None, instance=target, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target_set(
            replacing=target,
            plan=plan,
            indicator=data["indicator"],
            unit=data["unit"],
            year=data["year"],
            kind=data["kind"],
            value=data.get("value"),
            value_max=data.get("value_max"),
            standard_level=data.get("standard_level"),
            share_of=data.get("share_of") or "",
            approximate=bool(data.get("approximate")),
            units_required=data.get("units_required"),
            units_total=data.get("units_total"),
            note=data.get("note") or "",
        )
        messages.success(request, _("Đã lưu chỉ tiêu."))
        return redirect(plan.get_absolute_url() + "#chi-tieu")
    return render(request, "plans/target_form.html", {"plan": plan, "form": form, "target": target})


@login_required
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    return _target_form(request, plan, None)


@login_required
def target_update(request: HttpRequest, pk: int, target_pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    target = get_object_or_404(Target.objects.filter(plan=plan), pk=target_pk)
    return _target_form(request, plan, target)


@login_required
def carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    """The successor of a closed unit takes a plan over: 404 out of scope, 403 unless the user may carry it over
    to at least one of the unit's successors (``accounts.policy.may_carry_over``)."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("unit"), pk=pk)
    successors = [unit for unit in plan_successors(plan) if may_carry_over(request.user, plan, unit)]
    if not successors:
        if plan.unit.valid_to is None:
            raise PermissionDenied(_("Đơn vị ban hành kế hoạch này vẫn đang hoạt động: không có gì để kế thừa."))
        if not runs_after_its_unit(plan):
            raise PermissionDenied(
                _("Kế hoạch đã kết thúc trước khi đơn vị ban hành giải thể: không có gì để kế thừa.")
            )
        raise PermissionDenied(
            _("Chỉ chuyên viên thẩm định của đơn vị kế thừa (hoặc cấp trên) mới được kế thừa kế hoạch của đơn vị cũ.")
        )
    # By default from the day the old unit's successors began (1/7/2025 for the reform's units).
    first_day = plan.unit.valid_to + datetime.timedelta(days=1)
    form = CarryOverForm(request.POST or None, successors=successors, initial={"date": first_day})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = plan_carry_over(
                plan=plan,
                successor=data["successor"],
                legal_basis=data["legal_basis"],
                date=data["date"],
                user=request.user,
                targets=data["targets"],
                issuing_body=data["issuing_body"],
            )
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request,
                _("Đã kế thừa kế hoạch: %(targets)s chỉ tiêu, %(tasks)s nhiệm vụ đang thực hiện.")
                % {"targets": result.targets_copied, "tasks": result.tasks_copied},
            )
            return redirect(result.plan.get_absolute_url())
    return render(request, "plans/carry_over.html", {"plan": plan, "form": form})
