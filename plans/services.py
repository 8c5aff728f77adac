"""Writes for plans: the deadlines a reporting rule generates, targets. (Periods: ``plans.periods``.)"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plans.models import Deadline, Frequency, PeriodKind, Plan, ReportingRule, Target
from plans.periods import period_code, period_get_or_create


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
