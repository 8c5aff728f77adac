"""Writes for plans: the deadlines a reporting rule generates, targets, a plan carried over to the successor of
its closed unit. (Periods: ``plans.periods``.)"""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.policy import may_carry_over
from plans.models import Deadline, Frequency, PeriodKind, Plan, PlanStatus, ReportingRule, Target, Task, TaskStatus
from plans.periods import period_code, period_get_or_create
from plans.selectors import plan_successors


def _due(year: int, month_day: str) -> datetime.date:
    month, day = (int(part) for part in month_day.split("-"))
    return datetime.date(year, month, day)


def rule_schedule(rule: ReportingRule, plan: Plan) -> list[tuple[str, datetime.date]]:
    """The (period code, due date) pairs a rule gives over the plan's years."""
    if rule.frequency == Frequency.ONCE:
        if rule.due_date is None:
            return []
        return [(str(rule.due_date.year), rule.due_date)]
    first = rule.first_year or plan.start_year
    last = rule.last_year or plan.end_year
    kind, per_year = {
        Frequency.YEARLY: (PeriodKind.YEAR, 1),
        Frequency.HALF_YEARLY: (PeriodKind.HALF, 2),
        Frequency.QUARTERLY: (PeriodKind.QUARTER, 4),
    }[rule.frequency]
    days = list(rule.due_days or [])
    if len(days) != per_year:
        raise ValidationError(
            _("Quy định báo cáo %(freq)s cần %(n)s hạn nộp trong năm.")
            % {"freq": rule.get_frequency_display(), "n": per_year}
        )
    return [
        (period_code(kind, year, number), _due(year, days[number - 1]))
        for year in range(first, last + 1)
        for number in range(1, per_year + 1)
    ]


@transaction.atomic
def deadlines_generate(*, plan: Plan) -> int:
    """Create the concrete reporting periods of every rule of the plan; existing ones are kept as edited."""
    created = 0
    existing = set(Deadline.objects.filter(plan=plan).values_list("rule_id", "period__code"))
    for rule in plan.reporting_rules.all():
        for code, due in rule_schedule(rule, plan):
            if (rule.pk, code) in existing:
                continue
            period = period_get_or_create(code=code)
            Deadline.objects.create(
                plan=plan,
                rule=rule,
                period=period,
                due_date=due,
                window_start=period.window_start,
                window_end=period.window_end,
            )
            created += 1
    return created


@transaction.atomic
def target_set(
    *,
    replacing: Target | None = None,
    plan: Plan,
    indicator,
    year: int,
    kind: str,
    value=None,
    value_max=None,
    unit=None,
    note: str = "",
    standard_level: int | None = None,
    share_of: str = "",
    approximate: bool = False,
    units_required: int | None = None,
    units_total: int | None = None,
) -> Target:
    """Create or replace the target of a plan for an indicator, unit and year (the plan's unit by default).

    ``replacing``: a target being edited; if its indicator, unit or year changed, it gives way to the new one."""
    if (
        replacing is not None
        and replacing.pk
        and (replacing.indicator_id, replacing.unit_id, replacing.year) != (indicator.pk, (unit or plan.unit).pk, year)
    ):
        replacing.delete()
    target = Target.objects.filter(plan=plan, indicator=indicator, unit=unit or plan.unit, year=year).first() or Target(
        plan=plan, indicator=indicator, unit=unit or plan.unit, year=year
    )
    target.kind, target.value, target.value_max, target.note = kind, value, value_max, note
    target.standard_level, target.share_of = standard_level, share_of
    target.approximate, target.units_required, target.units_total = approximate, units_required, units_total
    target.full_clean()
    target.save()
    return target


class CarryTargets:
    INHERIT = "inherit"  # the old plan's targets from the first year on, copied (each naming the one it copies)
    REPLACE = "replace"  # none: the successor sets its own on the new plan's page


@dataclasses.dataclass(frozen=True)
class CarryOver:
    plan: Plan
    targets_copied: int
    targets_left: int  # targets of units that closed too (a district plan's communes): not carried
    tasks_copied: int


def _committee_of(unit) -> str:
    """ "Ủy ban nhân dân xã Vạn Linh": the people's committee of a unit, as a plan names its issuing body."""
    return _("Ủy ban nhân dân %(unit)s") % {"unit": unit.name[:1].lower() + unit.name[1:]}


@transaction.atomic
def plan_carry_over(
    *,
    plan: Plan,
    successor,
    legal_basis: str,
    date: datetime.date,
    user,
    targets: str = CarryTargets.INHERIT,
    issuing_body: str = "",
) -> CarryOver:
    """The successor unit's plan that continues ``plan``, a plan of a unit the 2025 reform closed.

    The new plan (``continues`` = the old one, with the legal basis and date of the carry-over) runs from the
    year of ``date`` to the old plan's end, implements the same plan above, cites the same documents, keeps the
    open tasks (a lead that has closed replaced by its successor, ``units.agencies``) and the reporting rules
    (deadlines from its first year); with ``targets="inherit"`` the old targets of its years are copied, those of
    the old unit set on the successor, ``inherited_from`` naming each source; with ``"replace"`` none. The old
    plan is not changed: its page reads "đã được kế thừa bởi …" from the new one. Once per (plan, successor): the
    old plan's row is locked, so two reviewers pressing at once make one plan.
    """
    if not may_carry_over(user, plan, successor):
        raise PermissionDenied(
            _("Chỉ chuyên viên thẩm định của đơn vị kế thừa (hoặc cấp trên) mới được kế thừa kế hoạch của đơn vị cũ.")
        )
    plan = Plan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
    errors: dict[str, str] = {}
    if targets not in (CarryTargets.INHERIT, CarryTargets.REPLACE):
        errors["targets"] = _("Hãy chọn kế thừa hoặc thay thế các chỉ tiêu.")
    if not (legal_basis or "").strip():
        errors["legal_basis"] = _("Hãy ghi căn cứ kế thừa (văn bản, quyết định).")
    if successor.pk not in {unit.pk for unit in plan_successors(plan, day=date)}:
        errors["successor"] = _("%(unit)s không phải là đơn vị kế thừa của %(old)s vào ngày này.") % {
            "unit": successor.name,
            "old": plan.unit.name,
        }
    elif Plan.objects.filter(continues=plan, unit=successor).exists():
        errors["successor"] = _("Kế hoạch này đã được %(unit)s kế thừa.") % {"unit": successor.name}
    if successor.valid_from and date < successor.valid_from:
        errors["date"] = _("Ngày kế thừa phải từ ngày %(day)s, khi %(unit)s được thành lập.") % {
            "day": successor.valid_from.strftime("%d/%m/%Y"),
            "unit": successor.name,
        }
    elif date.year > plan.end_year:
        errors["date"] = _("Kế hoạch đã kết thúc năm %(year)s.") % {"year": plan.end_year}
    if errors:
        raise ValidationError(errors)

    start = max(plan.start_year, date.year)
    new = Plan(
        unit=successor,
        issuing_body=issuing_body.strip() or _committee_of(successor),
        kind=plan.kind,
        issued_on=date,
        title=plan.title,
        parent=plan.parent,
        start_year=start,
        end_year=plan.end_year,
        milestone_years=[year for year in plan.display_milestones if year >= start],
        purpose=plan.purpose,
        general_objective=plan.general_objective,
        funding=plan.funding,
        status=PlanStatus.ISSUED,
        source_note=plan.source_note,
        continues=plan,
        continued_on=date,
        continuation_basis=legal_basis.strip(),
    )
    new.full_clean()
    new.save()
    new.legal_basis.set(plan.legal_basis.all())

    copied = left = 0
    if targets == CarryTargets.INHERIT:
        rows = []
        for target in plan.targets.select_related("unit").filter(year__gte=start):
            unit = successor if target.unit_id == plan.unit_id else target.unit
            if not unit.is_valid_on(date):
                left += 1
                continue
            rows.append(
                Target(
                    plan=new,
                    indicator_id=target.indicator_id,
                    unit=unit,
                    year=target.year,
                    kind=target.kind,
                    value=target.value,
                    value_max=target.value_max,
                    standard_level=target.standard_level,
                    share_of=target.share_of,
                    note=target.note,
                    inherited_from=target,
                )  # fmt: skip
            )
        Target.objects.bulk_create(rows)
        copied = len(rows)

    open_tasks = [
        task
        for task in plan.tasks.select_related("lead__successor").prefetch_related("partners__successor")
        if task.status not in (TaskStatus.DONE, TaskStatus.CANCELLED)
    ]
    partners = [[_agency_now(agency, date) for agency in task.partners.all()] for task in open_tasks]
    for task in open_tasks:
        task.pk, task.plan, task.lead = None, new, _agency_now(task.lead, date)
        task._state.adding = True
    Task.objects.bulk_create(open_tasks)
    Task.partners.through.objects.bulk_create(
        Task.partners.through(task_id=task.pk, agency_id=agency.pk)
        for task, agencies in zip(open_tasks, partners, strict=True)
        for agency in {a.pk: a for a in agencies}.values()
    )
    tasks = len(open_tasks)

    for rule in plan.reporting_rules.prefetch_related("reporting_agencies"):
        agencies = list(rule.reporting_agencies.all())
        rule.pk, rule.plan = None, new
        rule._state.adding = True
        if rule.frequency != Frequency.ONCE:
            rule.first_year = max(rule.first_year or start, start)
        elif rule.due_date is not None and rule.due_date < date:
            continue  # a one-off report already due before the carry-over stays with the old plan
        rule.save()
        rule.reporting_agencies.set(agencies)
    deadlines_generate(plan=new)
    return CarryOver(plan=new, targets_copied=copied, targets_left=left, tasks_copied=tasks)


def _agency_now(agency, day: datetime.date):
    """The agency, or the one that succeeded it if it had closed by ``day`` (one step, as the data file says)."""
    if agency is not None and agency.is_closed_on(day) and agency.successor_id is not None:
        return agency.successor
    return agency
