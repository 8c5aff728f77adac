"""Reads for a unit's series over the years of the 2021-2030 programmes: one figure per indicator and year, a
2025 unit's years before the reform computed from its former units (``reports.backcast``, marked "tính từ đơn vị
cũ"), its own from 2025. Queries: one for the periods, one for the indicators, one ``rollup()`` per year, whatever
the number of units below it or of indicators.
"""

from __future__ import annotations

import dataclasses

from indicators.models import Indicator
from plans.models import Period, PeriodKind
from reports.progress import Progress
from reports.rollup import rollup
from units.models import Unit

#: The first year of the series: the programmes run 2021-2030 (QĐ 1373/QĐ-TTg).
SERIES_FIRST_YEAR = 2021


@dataclasses.dataclass
class SeriesCell:
    indicator: Indicator
    progress: Progress  # the figure (no target: a series reads the figures only)
    backcast: bool


@dataclasses.dataclass
class SeriesRow:
    indicator: Indicator
    cells: list[SeriesCell]


@dataclasses.dataclass
class SeriesYear:
    year: int
    backcast: bool  # the unit did not exist yet: its figures come from its former units


@dataclasses.dataclass
class Series:
    unit: Unit
    years: list[SeriesYear]
    rows: list[SeriesRow]


def unit_series(*, unit: Unit, last_year: int, first_year: int = SERIES_FIRST_YEAR) -> Series:
    """The yearly figures of ``unit`` from ``first_year`` to ``last_year``: the indicators with a figure in at least
    one year, in the catalogue's order."""
    periods = {
        p.year: p for p in Period.objects.filter(kind=PeriodKind.YEAR, year__gte=first_year, year__lte=last_year)
    }
    indicators = list(Indicator.objects.order_by("category", "order", "code"))
    years = [
        SeriesYear(year, unit.formed_after(periods[year].reference_day) if year in periods else False)
        for year in range(first_year, last_year + 1)
    ]
    figures = {year: rollup(anchors=[unit], period=period, indicators=indicators) for year, period in periods.items()}
    rows = []
    for indicator in indicators:
        cells = []
        for column in years:
            figure = figures.get(column.year, {}).get((unit.pk, indicator.pk))
            backcast = bool(figure is not None and figure.backcast)
            cells.append(SeriesCell(indicator, Progress(unit.pk, indicator.pk, column.year, figure), backcast))
        if any(cell.progress.value is not None for cell in cells):
            rows.append(SeriesRow(indicator, cells))
    return Series(unit=unit, years=years, rows=rows)
