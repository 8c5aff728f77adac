"""Reads of emulation results: the result of a unit for a year (one query), for the roll-up page and the report."""

from __future__ import annotations

from units.models import Unit

from .models import EmulationResult


def emulation_result_for(*, user, unit: Unit, year: int) -> EmulationResult | None:
    return EmulationResult.objects.visible_to(user).filter(unit=unit, year=year).first()
