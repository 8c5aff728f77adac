"""Reads for the plan pages: everything the detail page shows, in a constant number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.policy import may_carry_over, may_edit_plan, plan_editor_root
from plans.display import target_text
from plans.models import Deadline, Plan, Target, Task
from units.models import Agency, Level, Unit

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
    lead_now: Agency | None = None  # the body that succeeded a lead which has closed ("nay là …")


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
    continued_by: list[Plan] = field(default_factory=list)  # the successors' plans that carry this one over
    runs_after_its_unit: bool = False  # its unit closed before the plan's end: a successor should carry it on
    carry_over_to: list[Unit] = field(default_factory=list)  # the successor units the user may carry it over to


def _agency_now(agency: Agency | None, today: datetime.date) -> Agency | None:
    """The successor of an agency that has closed by ``today`` (loaded with it), else None."""
    if agency is not None and agency.is_closed_on(today) and agency.successor_id is not None:
        return agency.successor
    return None


def _agency_text(agency: Agency, today: datetime.date) -> str:
    now = _agency_now(agency, today)
    return f"{agency} ({_('nay là')} {now})" if now is not None else str(agency)


def _chain_select_related() -> list[str]:
    return ["unit", "continues__unit"] + [
        "__".join(["parent"] * depth) + "__unit" for depth in range(1, CHAIN_DEPTH + 1)
    ]


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
    """The plan as the user may see it (None when they may not). A fixed number of queries, whatever it holds: one
    more for a reviewer on the plan of a closed unit (its successors, to carry it over)."""
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
                queryset=Task.objects.select_related("lead__successor")
                .prefetch_related(Prefetch("partners", queryset=Agency.objects.select_related("successor")))
                .order_by("order", "pk"),
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

    # One query for the ancestors the user may open, the children and the carried-over plans they may see.
    related = list(
        Plan.objects.visible_to(user)
        .filter(Q(pk__in=[a.pk for a in ancestors]) | Q(parent_id=plan.pk) | Q(continues_id=plan.pk))
        .select_related("unit")
        .order_by("unit__path", "-issued_on", "pk")
    )
    visible_ids = {p.pk for p in related}
    children = [p for p in related if p.parent_id == plan.pk and p.pk != plan.pk]
    continued_by = [p for p in related if p.continues_id == plan.pk]
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
            group = groups[task.lead_id] = TaskGroup(task.lead, lead_now=_agency_now(task.lead, today))
        overdue = task.is_overdue(today)
        overdue_count += int(overdue)
        partners = ", ".join(_agency_text(a, today) for a in task.partners.all())
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

    # Carrying over: for a reviewer, a plan of a closed unit (one query then, whether or not the plan ran on).
    carry_over_to = []
    if plan.unit.valid_to is not None and plan_editor_root(user) is not None:
        successors = unit_successors(plan.unit, day=today)
        if runs_after_its_unit(plan):
            carry_over_to = [u for u in successors if may_carry_over(user, plan, u)]

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
        continued_by=continued_by,
        runs_after_its_unit=runs_after_its_unit(plan),
        carry_over_to=carry_over_to,
    )


def runs_after_its_unit(plan: Plan) -> bool:
    """The plan's unit has closed and the plan still had years to run after it (no query)."""
    closed = plan.unit.valid_to
    return closed is not None and plan.end_year >= (closed + datetime.timedelta(days=1)).year


def plan_successors(plan: Plan, *, day: datetime.date | None = None) -> list[Unit]:
    """The units a plan of a closed unit may be carried over to, valid on ``day`` (today by default), in tree order;
    empty for a unit that still exists or a plan that ended before its unit closed (``unit_successors``)."""
    return unit_successors(plan.unit, day=day) if runs_after_its_unit(plan) else []


def unit_successors(unit: Unit, *, day: datetime.date | None = None) -> list[Unit]:
    """The units a closed unit's tasks went to, valid on ``day``: the units it went into (``units.Lineage``: a
    merged commune's new commune, a merged province's new province, an abolished district's new communes) and, for
    an abolished district, the provinces above them, which took over the district's education tasks (NĐ
    142/2025/NĐ-CP). One query (none for a unit that still exists)."""
    if unit.valid_to is None:
        return []
    day = day or timezone.localdate()
    went_into = Unit.objects.filter(predecessor_links__predecessor=unit)
    q = Q(pk__in=went_into.values("pk"))
    if unit.level == Level.DISTRICT:
        q |= Q(path__in=went_into.annotate(province=Substr("path", 1, 2 * Unit.steplen)).values("province"))
    return list(Unit.objects.valid_on(day).filter(q).order_by("path"))
