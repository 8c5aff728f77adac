"""A unit's figures for a period with their targets and status: the rows of the values API."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from indicators.models import Indicator
from plans.models import Period
from reports.models import Value
from reports.progress import Status, progress_for
from reports.rollup import Figure
from units.models import Unit

#: The status of a figure that no plan sets a target for.
NO_TARGET = "no_target"


@dataclasses.dataclass
class UnitFigure:
    indicator: Indicator
    figure: Figure
    target: Decimal | None
    status: str
    version: int | None = None  # of the unit's own stored value: what a write sends back to change it


def unit_figures(*, unit: Unit, period: Period, indicators: Sequence[Indicator]) -> list[UnitFigure]:
    """Own or rolled-up figure, target, status and the own value's version of each indicator; a fixed number
    of queries."""
    progress = progress_for(anchors=[unit], period=period, indicators=indicators)
    versions = dict(
        Value.objects.of_units()
        .filter(unit=unit, period_id=period.pk, indicator__in=[i.pk for i in indicators])
        .values_list("indicator_id", "version")
    )
    rows = []
    for indicator in indicators:
        p = progress[(unit.pk, indicator.pk)]
        rows.append(
            UnitFigure(
                indicator=indicator,
                figure=p.figure or Figure(unit.pk, indicator.pk, indicator.measure),
                target=p.target.value if p.target is not None else None,
                status=(p.status or Status.NO_DATA) if p.target is not None else NO_TARGET,
                version=versions.get(indicator.pk),
            )
        )
    return rows
