"""Reporting periods by their codes: the one owner of how a code reads, what window it covers and which
period comes before or after it.

Codes: ``2023`` (year), ``2023S1``/``2023S2`` (half-years), ``2023Q1``..``2023Q4`` (quarters), any case.
Reads never write: ``period_resolve`` gives the saved period when there is one and an unsaved ``Period``
(same code, kind, year, number and data window) otherwise, so a page, an export or a dry-run import of a
period nobody has used creates nothing. Only writes (a value recorded, a deadline generated, a report
created) call ``period_get_or_create``. URLs name periods through ``PeriodConverter`` (``<period:period>``),
which resolves the code and answers 404 for a code that is not one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans.models import Period, PeriodKind

PERIOD_CODE = re.compile(r"^(?P<year>\d{4})(?:(?P<letter>[SQ])(?P<number>\d))?$")
PER_YEAR = {PeriodKind.YEAR: 1, PeriodKind.HALF: 2, PeriodKind.QUARTER: 4}
LETTER = {PeriodKind.YEAR: "", PeriodKind.HALF: "S", PeriodKind.QUARTER: "Q"}


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


def _invalid(code) -> ValidationError:
    return ValidationError(
        _("Mã kỳ báo cáo '%(code)s' không hợp lệ (ví dụ: 2023, 2023S1, 2023Q4).") % {"code": code}, code="period"
    )


def period_parse(code: str) -> tuple[str, int, int]:
    """``2023`` → (year, 2023, 1); ``2023S2`` → (half, 2023, 2); ``2023Q4`` → (quarter, 2023, 4)."""
    match = PERIOD_CODE.match(str(code or "").strip().upper())
    if not match:
        raise _invalid(code)
    year, letter, number = int(match["year"]), match["letter"], int(match["number"] or 1)
    if not 1900 <= year <= 2100:
        raise ValidationError(_("Năm %(year)s của kỳ báo cáo không hợp lệ.") % {"year": year}, code="period")
    if letter == "S" and number not in (1, 2) or letter == "Q" and not 1 <= number <= 4:
        raise _invalid(code)
    kind = {None: PeriodKind.YEAR, "S": PeriodKind.HALF, "Q": PeriodKind.QUARTER}[letter]
    return kind, year, number


def period_code(kind: str, year: int, number: int = 1) -> str:
    return f"{year}{LETTER[kind]}{number}" if kind != PeriodKind.YEAR else str(year)


def period_shift(kind: str, year: int, number: int, steps: int) -> tuple[int, int]:
    """(year, number) of the period ``steps`` periods of the same kind after (or before, if negative) this one."""
    per_year = PER_YEAR[kind]
    index = year * per_year + (number - 1) + steps
    return index // per_year, index % per_year + 1


def period_neighbour_code(period: Period, steps: int) -> str:
    """The code of the period ``steps`` periods of the same kind away: -1 the previous one, +1 the next."""
    year, number = period_shift(period.kind, period.year, period.number, steps)
    return period_code(period.kind, year, number)


def period_unsaved(code: str) -> Period:
    """A ``Period`` for a code, not saved: its kind, year, number and data window. ``ValidationError`` if bad."""
    kind, year, number = period_parse(code)
    start, end = period_window(kind, year, number)
    return Period(
        code=period_code(kind, year, number),
        kind=kind,
        year=year,
        number=number,
        window_start=start,
        window_end=end,
    )


def periods_resolve(codes: Iterable[str]) -> dict[str, Period]:
    """Each valid code (as given) → its saved period, or an unsaved one; bad codes are left out. One query."""
    parsed: dict[str, Period] = {}
    for code in codes:
        try:
            parsed[code] = period_unsaved(code)
        except ValidationError:
            continue
    saved = {p.code: p for p in Period.objects.filter(code__in={p.code for p in parsed.values()})}
    return {code: saved.get(period.code, period) for code, period in parsed.items()}


def period_resolve(code: str) -> Period:
    """The period of a code for reading: the saved one, else an unsaved one. ``ValidationError`` if bad."""
    period = period_unsaved(code)
    return Period.objects.filter(code=period.code).first() or period


def period_get_or_create(*, code: str) -> Period:
    """The period of a code, created if missing: for writes only (reads call ``period_resolve``)."""
    period = period_unsaved(code)
    saved, _created = Period.objects.get_or_create(
        code=period.code,
        defaults={
            "kind": period.kind,
            "year": period.year,
            "number": period.number,
            "window_start": period.window_start,
            "window_end": period.window_end,
        },
    )
    return saved


def period_saved(period: Period) -> Period:
    """A resolved period made ready for a write: itself if saved, else created."""
    return period if period.pk is not None else period_get_or_create(code=period.code)


class PeriodConverter:
    """``<period:period>`` in a URL: the view receives a ``Period`` (maybe unsaved); a bad code is a 404."""

    regex = r"[^/]+"  # any segment: a bad code reaches to_python and is a 404, not a NoReverseMatch

    def to_python(self, value: str) -> Period:
        try:
            return period_resolve(value)
        except ValidationError:
            raise ValueError(value) from None  # Django answers 404

    def to_url(self, value) -> str:
        return value.code if isinstance(value, Period) else str(value)
