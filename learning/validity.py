"""How long a recognition lasts: the one rule (``recognition_validity``) the board, the unit's page and the
yearly learning-model report call.

A recognition decided for an evaluation year is in force from the decision's date (the last day of the
evaluation year when no decision date is known) for the criteria set's ``recognition_years``, up to the day
before the anniversary: a family recognised on 15/12/2025 under a one-year set is in force up to 14/12/2026.
"""

from __future__ import annotations

import dataclasses
import datetime


@dataclasses.dataclass(frozen=True, slots=True)
class Validity:
    valid_until: datetime.date
    in_force: bool


def _anniversary(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def recognition_validity(*, year: int, issued_on: datetime.date | None, years: int, on: datetime.date) -> Validity:
    """Is a recognition of ``year`` (decided on ``issued_on``, valid ``years`` years) in force on ``on``?"""
    start = issued_on or datetime.date(year, 12, 31)
    until = _anniversary(start, max(years, 1)) - datetime.timedelta(days=1)
    return Validity(valid_until=until, in_force=start <= on <= until)
