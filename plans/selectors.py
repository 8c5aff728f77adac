"""Reads for the plan pages: everything the detail page shows, in a constant number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from accounts.policy import may_edit_plan
from plans.display import target_text
from plans.models import Deadline, Plan, Target, Task
from units.models import Agency, Unit

#: How many plans above this one the header follows in one query (national > province > district > commune).
CHAIN_DEPTH = 4


@dataclass
class TargetCell:
    target: Target
    text: str


@dataclass
class TargetRow:
    indicator: object
    unit: Unit
    cells: list[TargetCell | None]


@dataclass
class TaskRow:
    task: Task
    overdue: bool
    partners: str


@dataclass
class TaskGroup:
    lead: Agency | None
    tasks: list[TaskRow] = field(default_factory=list)


@dataclass
class DeadlineRow:
    deadline: Deadline
    is_next: bool
    is_past: bool


@dataclass
class ChainLink:
    plan: Plan
    visible: bool


@dataclass
class PlanDetail:
    plan: Plan
    can_edit: bool
    today: datetime.date
    chain: list[ChainLink]
    chain_truncated: bool
    parent: ChainLink | None
    children: list[Plan]
    legal_basis: list
    years: list[int]
    milestone_years: list[int]
    rows: list[TargetRow]
    other_rows: list[TargetRow]
    task_groups: list[TaskGroup]
    overdue_count: int
    deadlines: list[DeadlineRow]


def _chain_select_related() -> list[str]:
    return ["unit"] + ["__".join(["parent"] * depth) + "__unit" for depth in range(1, CHAIN_DEPTH + 1)]


def _target_rows(targets: list[Target], years: list[int]) -> list[TargetRow]:
    """One row per (unit, indicator) in the targets' order, one cell per year column."""
    column = {year: index for index, year in enumerate(years)}
    rows: dict[tuple[int, int], TargetRow] = {}
    for target in targets:
        key = (target.unit_id, target.indicator_id)
        row = rows.get(key)
        if row is None:
            row = rows[key] = TargetRow(target.indicator, target.unit, [None] * len(years))
        row.cells[column[target.year]] = TargetCell(target, target_text(target))
    return list(rows.values())


def plan_detail(*, plan_id: int, user, today: datetime.date | None = None) -> PlanDetail | None:
    """The plan as the user may see it (None when they may not). A fixed number of queries, whatever it holds."""
    today = today or timezone.localdate()
    plan = (
        Plan.objects.visible_to(user)
        .select_related(*_chain_select_related())
        .prefetch_related(
            "legal_basis",
            Prefetch(
                "targets",
                queryset=Target.objects.select_related("indicator", "unit", "area_category").order_by(
                    "unit__path", "indicator__category", "indicator__order", "indicator__code", "year"
                ),
            ),
            Prefetch(
                "tasks",
                queryset=Task.objects.select_related("lead").prefetch_related("partners").order_by("order", "pk"),
            ),
            Prefetch("deadlines", queryset=Deadline.objects.select_related("period", "rule").order_by("due_date")),
        )
        .filter(pk=plan_id)
        .first()
    )
    if plan is None:
        return None

    # The chain of plans above, from the top down (already joined: no query per link).
    ancestors: list[Plan] = []
    link = plan
    for _depth in range(CHAIN_DEPTH):
        if link.parent_id is None:
            break
        link = link.parent
        ancestors.append(link)
    chain_truncated = link.parent_id is not None and len(ancestors) == CHAIN_DEPTH

    # One query for the ancestors the user may open and the children they may see.
    related = list(
        Plan.objects.visible_to(user)
        .filter(Q(pk__in=[a.pk for a in ancestors]) | Q(parent_id=plan.pk))
        .select_related("unit")
        .order_by("unit__path", "-issued_on", "pk")
    )
    visible_ids = {p.pk for p in related}
    children = [p for p in related if p.parent_id == plan.pk and p.pk != plan.pk]
    chain = [ChainLink(a, a.pk in visible_ids) for a in reversed(ancestors)]

    # Targets: columns are the milestones first, then the other years that have a target.
    targets = list(plan.targets.all())
    milestones = plan.display_milestones
    years = sorted({t.year for t in targets}, key=lambda year: (year not in milestones, year))
    own = [t for t in targets if t.unit_id == plan.unit_id]
    elsewhere = [t for t in targets if t.unit_id != plan.unit_id]

    # Tasks grouped by lead agency, in the order the plan lists them; tasks without a lead last.
    groups: dict[int | None, TaskGroup] = {}
    overdue_count = 0
    for task in plan.tasks.all():
        group = groups.get(task.lead_id)
        if group is None:
            group = groups[task.lead_id] = TaskGroup(task.lead)
        overdue = task.is_overdue(today)
        overdue_count += int(overdue)
        partners = ", ".join(str(a) for a in task.partners.all())
        if task.partners_note:
            partners = f"{partners}; {task.partners_note}" if partners else task.partners_note
        group.tasks.append(TaskRow(task, overdue, partners))
    task_groups = [g for key, g in groups.items() if key is not None] + ([groups[None]] if None in groups else [])

    # Reporting calendar: the next deadline of each rule is highlighted.
    deadlines = list(plan.deadlines.all())
    next_of_rule: dict[int, int] = {}
    for deadline in deadlines:
        if deadline.due_date >= today and deadline.rule_id not in next_of_rule:
            next_of_rule[deadline.rule_id] = deadline.pk
    next_ids = set(next_of_rule.values())
    deadline_rows = [DeadlineRow(d, d.pk in next_ids, d.due_date < today) for d in deadlines]

    return PlanDetail(
        plan=plan,
        can_edit=may_edit_plan(user, plan),
        today=today,
        chain=chain,
        chain_truncated=chain_truncated,
        parent=chain[-1] if chain else None,
        children=children,
        legal_basis=list(plan.legal_basis.all()),
        years=years,
        milestone_years=[y for y in milestones if y in years],
        rows=_target_rows(own, years),
        other_rows=_target_rows(elsewhere, years),
        task_groups=task_groups,
        overdue_count=overdue_count,
        deadlines=deadline_rows,
    )
