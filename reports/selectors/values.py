"""A unit's figures for a period with their targets and status: the rows of the values API."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from indicators.models import Indicator
from plans.models import Period
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


def unit_figures(*, unit: Unit, period: Period, indicators: Sequence[Indicator]) -> list[UnitFigure]:
    """Own or rolled-up figure, target and status of each indicator; a fixed number of queries."""
    progress = progress_for(anchors=[unit], period=period, indicators=indicators)
    rows = []
    for indicator in indicators:
        p = progress[(unit.pk, indicator.pk)]
        rows.append(
            UnitFigure(
                indicator=indicator,
                figure=p.figure or Figure(unit.pk, indicator.pk, indicator.measure),
                target=p.target.value if p.target is not None else None,
                status=(p.status or Status.NO_DATA) if p.target is not None else NO_TARGET,
            )
        )
    return rows
