"""Small idempotent writers shared by the seed modules."""

from __future__ import annotations

import datetime
from decimal import Decimal

from indicators.models import Indicator
from plans.models import Document, Plan, PlanKind, PlanStatus, ReportingRule, Task
from plans.services import deadlines_generate, target_set
from units.models import Agency, AgencyKind, Structure, Unit
from units.services import unit_root


def legacy_unit(code: str) -> Unit:
    """A unit of the structure the seed plans were written in (before 1/7/2025)."""
    return Unit.objects.of_structure(Structure.LEGACY).get(code=code)


def national_unit() -> Unit:
    return unit_root()


def agency(unit: Unit, name: str, kind: str = AgencyKind.DEPARTMENT, short_name: str = "") -> Agency:
    obj, _ = Agency.objects.get_or_create(unit=unit, name=name, defaults={"kind": kind, "short_name": short_name})
    return obj


def document(number: str, title: str, issuer: str = "", issued_on: datetime.date | None = None) -> Document:
    obj, _ = Document.objects.get_or_create(
        number=number, defaults={"title": title, "issuer": issuer, "issued_on": issued_on}
    )
    return obj


def plan(
    *,
    unit: Unit,
    number: str,
    title: str,
    issuing_body: str,
    start_year: int,
    end_year: int,
    issued_on: datetime.date | None = None,
    parent: Plan | None = None,
    kind: str = PlanKind.PLAN,
    status: str = PlanStatus.ISSUED,
    milestone_years=(),
    legal_basis=(),
    **text,
) -> Plan:
    """Create the plan or find it again by (unit, number) — or (unit, title) when it has no number."""
    lookup = {"unit": unit, "number": number} if number else {"unit": unit, "title": title}
    obj = Plan.objects.filter(**lookup).first()
    if obj is None:
        obj = Plan.objects.create(
            unit=unit,
            number=number,
            title=title,
            issuing_body=issuing_body,
            start_year=start_year,
            end_year=end_year,
            issued_on=issued_on,
            parent=parent,
            kind=kind,
            status=status,
            milestone_years=list(milestone_years),
            **text,
        )
    if legal_basis:
        obj.legal_basis.add(*legal_basis)
    return obj


def target(plan_obj: Plan, code: str, year: int, value=None, kind: str = "at_least", **kwargs):
    value = Decimal(str(value)) if value is not None else None
    if kwargs.get("value_max") is not None:
        kwargs["value_max"] = Decimal(str(kwargs["value_max"]))
    return target_set(
        plan=plan_obj, indicator=Indicator.objects.get(code=code), year=year, kind=kind, value=value, **kwargs
    )


def task(plan_obj: Plan, title: str, *, lead: Agency | None = None, partners=(), order: int = 0, **fields) -> Task:
    obj, created = Task.objects.get_or_create(
        plan=plan_obj, title=title, defaults={"lead": lead, "order": order, **fields}
    )
    if created and partners:
        obj.partners.add(*partners)
    return obj


def reporting_rule(plan_obj: Plan, *, title: str, frequency: str, **fields) -> ReportingRule:
    rule, _ = ReportingRule.objects.get_or_create(
        plan=plan_obj, title=title, defaults={"frequency": frequency, **fields}
    )
    deadlines_generate(plan=plan_obj)
    return rule
