"""Reads of a unit's figures over the years of the 2021-2030 programmes (2021 to now).

- ``indicator_series``: one indicator for the chart, with the milestones of the target that applies and the path
  to them. Queries: one for the year periods, one ``rollup()`` per year that has a period, one for the target's
  milestones (the number of years, never the number of units or indicators).
- ``unit_series``: every indicator with a figure, year by year, for the series table. Queries: one for the
  periods, one for the indicators, one ``rollup()`` per year, whatever the number of units below or indicators.

A 2025 unit's years before the reform are computed from its former units (``reports.backcast``, marked "tính từ
đơn vị cũ"), its own from 2025. Data only: drawing is ``reports.templatetags.charts``, texts ``reports.display``.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from django.utils import timezone

from indicators.models import Indicator
from plans.models import Period, PeriodKind, Target
from plans.periods import period_code
from reports.progress import NUMERIC_KINDS, Progress, _as_target_reads
from reports.rollup import rollup
from units.models import Unit

#: The first year of the series: the start of the 2021-2030 plans (Decision 1373/QĐ-TTg).
SERIES_FIRST_YEAR = 2021
#: The milestone years drawn on every series (the plans' 2025 and 2030 targets).
MILESTONE_YEARS = (2025, 2030)


@dataclasses.dataclass(slots=True)
class SeriesPoint:
    year: int
    value: Decimal | None
    backcast: bool = False  # computed from the legacy units ("tính từ đơn vị cũ")
    current: bool = False  # the page's year: the point that carries the page's status


@dataclasses.dataclass(slots=True)
class Milestone:
    year: int
    value: Decimal
    value_max: Decimal | None
    kind: str


@dataclasses.dataclass(slots=True)
class Series:
    unit: Unit
    indicator: Indicator
    points: list[SeriesPoint]
    milestones: list[Milestone]  # the numeric targets of the plan that applies, by year
    baseline: tuple[int, Decimal] | None  # where the target path starts (``Progress.baseline``)
    status: str  # the status of the current point (``reports.progress``), "" without a target
    first_year: int
    last_year: int  # the axis runs to the last milestone

    @property
    def path(self) -> list[tuple[int, Decimal]]:
        """The target path: from the baseline to each milestone (lower bounds of an interval)."""
        if self.baseline is None or not self.milestones:
            return []
        return [self.baseline] + [(m.year, m.value) for m in self.milestones if m.year > self.baseline[0]]


def indicator_series(
    *, unit: Unit, indicator: Indicator, period: Period, progress: Progress | None, approved_only: bool = False
) -> Series:
    """The yearly figures of ``unit`` for ``indicator`` from 2021 to now (to the page's year if later), read as
    the target of ``progress`` reads them (a standard's share), with the target's milestones and path."""
    now = max(timezone.localdate().year, period.year)
    target = progress.target if progress is not None else None
    codes = {period_code(PeriodKind.YEAR, year): year for year in range(SERIES_FIRST_YEAR, now + 1)}
    values: dict[int, tuple[Decimal | None, bool]] = {}
    for year_period in Period.objects.filter(code__in=list(codes)):
        figure = rollup(anchors=[unit], period=year_period, indicators=[indicator], approved_only=approved_only).get(
            (unit.pk, indicator.pk)
        )
        figure = _as_target_reads(figure, target)
        if figure is not None:
            values[codes[year_period.code]] = (figure.value, figure.backcast)
    points = [
        SeriesPoint(year, *values.get(year, (None, False)), current=year == period.year)
        for year in range(SERIES_FIRST_YEAR, now + 1)
    ]
    milestones: list[Milestone] = []
    if target is not None and target.kind in NUMERIC_KINDS:
        milestones = [
            Milestone(t.year, t.value, t.value_max, t.kind)
            for t in Target.objects.filter(
                plan_id=target.plan_id, unit_id=target.unit_id, indicator_id=indicator.pk, kind__in=NUMERIC_KINDS
            )
            .exclude(value=None)
            .order_by("year")
        ]
    last = max([now, *MILESTONE_YEARS, *(m.year for m in milestones)])
    return Series(
        unit=unit,
        indicator=indicator,
        points=points,
        milestones=milestones,
        baseline=progress.baseline if progress is not None and milestones else None,
        status=(progress.status or "") if progress is not None and target is not None else "",
        first_year=SERIES_FIRST_YEAR,
        last_year=last,
    )


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
class UnitSeries:
    unit: Unit
    years: list[SeriesYear]
    rows: list[SeriesRow]


def unit_series(*, unit: Unit, last_year: int, first_year: int = SERIES_FIRST_YEAR) -> UnitSeries:
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
    return UnitSeries(unit=unit, years=years, rows=rows)
