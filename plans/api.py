"""``/api/v1/plans/``: the plans in the caller's scope, and one plan with its targets, tasks and periods."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from plans.models import Deadline, Plan, Target, TargetKind, Task
from units.api import MAX_PAGE_SIZE, PAGE_SIZE, Pages

TargetKindName = Literal[tuple(TargetKind.values)]  # type: ignore[valid-type]


class ErrorOut(Schema):
    detail: str


class PlanOut(Schema):
    id: int
    number: str
    title: str
    unit_code: str
    issued_on: datetime.date | None
    start_year: int
    end_year: int
    parent_id: int | None
    continues_id: int | None = None  # the plan of a closed unit this one carries on (docs/units.md)

    @staticmethod
    def resolve_unit_code(obj: Plan) -> str:
        return obj.unit.code


class TargetOut(Schema):
    indicator_code: str
    year: int
    value: float | None
    value_max: float | None
    kind: TargetKindName
    unit_code: str

    @staticmethod
    def resolve_indicator_code(obj: Target) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_unit_code(obj: Target) -> str:
        return obj.unit.code

    # Percentages are stored as percentages (99.50 means 99.5 %) and given as numbers, not strings.
    @staticmethod
    def resolve_value(obj: Target) -> float | None:
        return float(obj.value) if obj.value is not None else None

    @staticmethod
    def resolve_value_max(obj: Target) -> float | None:
        return float(obj.value_max) if obj.value_max is not None else None


class TaskOut(Schema):
    title: str
    lead: str | None
    partners: list[str]
    partners_note: str
    due: str
    due_date: datetime.date | None

    @staticmethod
    def resolve_lead(obj: Task) -> str | None:
        return obj.lead.name if obj.lead_id else None

    @staticmethod
    def resolve_partners(obj: Task) -> list[str]:
        return [agency.name for agency in obj.partners.all()]

    @staticmethod
    def resolve_due(obj: Task) -> str:
        return str(obj.due_display)

    @staticmethod
    def resolve_due_date(obj: Task) -> datetime.date | None:
        return obj.deadline


class ReportingPeriodOut(Schema):
    period: str
    due_date: datetime.date

    @staticmethod
    def resolve_period(obj: Deadline) -> str:
        return obj.period.code


class PlanDetailOut(PlanOut):
    targets: list[TargetOut]
    tasks: list[TaskOut]
    reporting_periods: list[ReportingPeriodOut]

    @staticmethod
    def resolve_targets(obj: Plan) -> list[Target]:
        return list(obj.targets.all())

    @staticmethod
    def resolve_tasks(obj: Plan) -> list[Task]:
        return list(obj.tasks.all())

    @staticmethod
    def resolve_reporting_periods(obj: Plan) -> list[Deadline]:
        return list(obj.deadlines.all())


router = Router(tags=["plans"])


@router.get("/", response=list[PlanOut], summary="Kế hoạch")
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def plan_list(request: HttpRequest):
    """The plans of the caller's subtree and those above it that the caller's unit implements."""
    return Plan.objects.visible_to(request.auth).select_related("unit").order_by("unit__path", "-issued_on", "pk")


@router.get("/{id}/", response={200: PlanDetailOut, 404: ErrorOut}, summary="Chi tiết kế hoạch")
def plan_detail(request: HttpRequest, id: int):
    """One plan with its targets, tasks and reporting periods; a plan outside the caller's scope is 404."""
    plans = (
        Plan.objects.visible_to(request.auth)
        .select_related("unit")
        .prefetch_related(
            Prefetch("targets", queryset=Target.objects.select_related("indicator", "unit")),
            Prefetch(
                "tasks",
                queryset=Task.objects.select_related("lead").prefetch_related("partners").order_by("order", "pk"),
            ),
            Prefetch("deadlines", queryset=Deadline.objects.select_related("period").order_by("due_date", "pk")),
        )
    )
    return get_object_or_404(plans, pk=id)
