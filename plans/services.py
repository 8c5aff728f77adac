"""Writes for plans: periods, the deadlines a reporting rule generates, targets."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Deadline, Frequency, Period, PeriodKind, Plan, ReportingRule, Target

PERIOD_CODE = re.compile(r"^(?P<year>\d{4})(?:(?P<letter>[SQ])(?P<number>\d))?$")


def period_window(kind: str, year: int, number: int) -> tuple[datetime.date, datetime.date]:
    """The data window of NĐ 09/2019/NĐ-CP, art. 12: cut-off on the 14th, start on the 15th."""
    if kind == PeriodKind.YEAR:
        return datetime.date(year - 1, 12, 15), datetime.date(year, 12, 14)
    if kind == PeriodKind.HALF:
        if number == 1:
            return datetime.date(year - 1, 12, 15), datetime.date(year, 6, 14)
        return datetime.date(year, 6, 15), datetime.date(year, 12, 14)
    last_month = number * 3
    first_month = last_month - 3  # the month before the quarter
    start = datetime.date(year - 1, 12, 15) if first_month == 0 else datetime.date(year, first_month, 15)
    return start, datetime.date(year, last_month, 14)


def period_parse(code: str) -> tuple[str, int, int]:
    """``2023`` → (year, 2023, 1); ``2023S2`` → (half, 2023, 2); ``2023Q4`` → (quarter, 2023, 4)."""
    match = PERIOD_CODE.match((code or "").strip().upper())
    if not match:
        raise ValidationError(
            _("Mã kỳ báo cáo '%(code)s' không hợp lệ (ví dụ: 2023, 2023S1, 2023Q4).") % {"code": code}
        )
    year, letter, number = int(match["year"]), match["letter"], int(match["number"] or 1)
    if not 1900 <= year <= 2100:
        raise ValidationError(_("Năm %(year)s của kỳ báo cáo không hợp lệ.") % {"year": year})
    if letter == "S" and number not in (1, 2) or letter == "Q" and not 1 <= number <= 4:
        raise ValidationError(
            _("Mã kỳ báo cáo '%(code)s' không hợp lệ (ví dụ: 2023, 2023S1, 2023Q4).") % {"code": code}
        )
    kind = {None: PeriodKind.YEAR, "S": PeriodKind.HALF, "Q": PeriodKind.QUARTER}[letter]
    return kind, year, number


def period_code(kind: str, year: int, number: int = 1) -> str:
    if kind == PeriodKind.YEAR:
        return str(year)
    return f"{year}{'S' if kind == PeriodKind.HALF else 'Q'}{number}"


def period_get_or_create(*, code: str) -> Period:
    kind, year, number = period_parse(code)
    start, end = period_window(kind, year, number)
    period, _created = Period.objects.get_or_create(
        code=period_code(kind, year, number),
        defaults={"kind": kind, "year": year, "number": number, "window_start": start, "window_end": end},
    )
    return period


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
    plan: Plan,
    indicator,
    year: int,
    kind: str,
    value=None,
    value_max=None,
    unit=None,
    note: str = "",
    standard_level: int | None = None,
) -> Target:
    """Create or replace the target of a plan for an indicator, unit and year (the plan's unit by default)."""
    target = Target.objects.filter(plan=plan, indicator=indicator, unit=unit or plan.unit, year=year).first() or Target(
        plan=plan, indicator=indicator, unit=unit or plan.unit, year=year
    )
    target.kind, target.value, target.value_max, target.note = kind, value, value_max, note
    target.standard_level = standard_level
    target.full_clean()
    target.save()
    return target
