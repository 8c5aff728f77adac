"""Progress against plan targets: which target applies to a rolled-up figure, and how the figure stands.

For each (unit, indicator) figure of a period (its year ``y``):

The target that applies
    ``plans.targets.target_choose`` (the one owner of that rule): the nearest plan's target for this unit,
    inherited from the nearest ancestor for ratios and standards, the first milestone at or after ``y``.

The status
    ``at_least``/``at_most``/``exactly``/``between``: at the milestone year the value is compared with the
    target (achieved or behind). Before it, a value that already meets the target is achieved; otherwise
    it is judged against a straight path from the baseline (the value in the plan's start year, else the
    earliest value available, possibly this year's own) to the target at the milestone: on track when the
    value is within ``MARGIN`` (15 %) of the path's expected value on the right side, behind otherwise.
    ``maintain``: with a value ("duy trì 100 %"), achieved when the figure is at that value; without one, when it
    is not worse than the previous year's (same period kind). ``increase``: achieved when better than the
    previous year's (a percentage held at 100 % counts as achieved) and, if a value is given, at least that.
    No value: ``no_data``; no target: no status.
    A target written as a count of units ("21/21 xã": ``Target.units_required``) is met when that many units
    reach the standard; an approximate target ("khoảng 23 %") is compared as a lower bound.
    A standard is measured as its target reads it (``Target.standard_level``, ``Target.share_of``): the share of
    the units it names reaching the level it names (``reports.standards``).
    Before the milestone, when the recent pace gives a projection, on track means the projection reaches the
    target by the milestone (``judge``): the status and the projection beside it never disagree.

The gap
    value − target, multiplied by −1 for an indicator whose direction is "lower is better", so a positive
    gap is always ahead of the target. ``between``: 0 inside the interval, the signed distance to the
    nearest bound outside it. ``maintain``/``increase`` without a target value: value − previous value.

The projection
    The pace is the least-squares slope of the values of the last up to three years (this year and the two
    before, at least two of them present); from this year's value at that pace, is the milestone target
    met by the milestone year, and in which year is it first met (``None`` when the pace never gets there).

Set-based: the targets of every unit and indicator asked for are one query; the history (previous year,
the year before, the plans' start years) is one ``rollup()`` call per year and depth, and one query for
the periods: the number of queries never depends on the number of units or indicators.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.numbers import PERCENT_PLACES, rounded
from indicators.models import Direction, Indicator
from plans.models import Period, Target, TargetKind
from plans.periods import period_code
from plans.targets import target_choose, targets_index
from reports.rollup import Figure, rollup
from units.models import Unit

#: How far below (or above, for an upper bound) the straight path to the milestone a value may lie and
#: still count as on track: 15 % of the path's expected value. A unit at 52 % in a year whose path expects
#: 60 % is on track (≥ 51 %); at 50 % it is behind.
MARGIN = Decimal("0.15")

#: Years before the period whose values feed the pace of the projection (with the period: three points).
PACE_YEARS = 2

#: Values are compared with targets at the precision they are shown with (``core.numbers``: two decimals).

NUMERIC_KINDS = {TargetKind.AT_LEAST, TargetKind.AT_MOST, TargetKind.EXACTLY, TargetKind.BETWEEN}


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm tiến độ")
    NO_DATA = "no_data", _("Chưa có số liệu")


#: Sort order of the statuses (best first); no target sorts last.
STATUS_ORDER = {Status.ACHIEVED: 0, Status.ON_TRACK: 1, Status.BEHIND: 2, Status.NO_DATA: 3, None: 4}


@dataclasses.dataclass(slots=True)
class Projection:
    pace: Decimal  # change per year
    milestone_year: int
    milestone_value: Decimal  # this year's value carried forward at the pace to the milestone year
    reached: bool  # the target is met by the milestone year at this pace
    year: int | None  # first year the target is met at this pace; None if never


@dataclasses.dataclass(slots=True)
class Progress:
    unit_id: int
    indicator_id: int
    year: int
    figure: Figure | None = None
    target: Target | None = None
    inherited: bool = False  # the target is an ancestor's
    status: str | None = None
    gap: Decimal | None = None
    expected: Decimal | None = None  # the path's value for this year (before the milestone)
    baseline: tuple[int, Decimal] | None = None
    previous: Decimal | None = None
    projection: Projection | None = None

    @property
    def value(self) -> Decimal | None:
        return self.figure.value if self.figure is not None else None

    @property
    def at_milestone(self) -> bool:
        return self.target is not None and self.target.year == self.year


# --- pure functions: no database ---------------------------------------------------------------------


def _q(value: Decimal) -> Decimal:
    return rounded(value, PERCENT_PLACES)


def _sign(direction: str) -> int:
    return -1 if direction == Direction.LOWER else 1


def meets(kind: str, value: Decimal, target: Decimal, target_max: Decimal | None = None) -> bool:
    """Does ``value`` meet a numeric target (at the target's precision)?"""
    value = _q(value)
    if kind == TargetKind.AT_LEAST:
        return value >= target
    if kind == TargetKind.AT_MOST:
        return value <= target
    if kind == TargetKind.EXACTLY:
        return value == target
    if kind == TargetKind.BETWEEN:
        return target <= value <= (target_max if target_max is not None else target)
    raise ValueError(f"not a numeric target kind: {kind}")


def gap_of(kind: str, value: Decimal, target: Decimal, target_max: Decimal | None, direction: str) -> Decimal:
    if kind == TargetKind.BETWEEN:
        high = target_max if target_max is not None else target
        if value < target:
            return value - target
        if value > high:
            return high - value
        return Decimal(0)
    return (value - target) * _sign(direction)


def path_value(baseline: tuple[int, Decimal], milestone: tuple[int, Decimal], year: int) -> Decimal:
    """The straight path from (baseline year, value) to (milestone year, target), read at ``year``."""
    (y0, v0), (y1, v1) = baseline, milestone
    if y1 <= y0 or year <= y0:
        return v0
    if year >= y1:
        return v1
    return v0 + (v1 - v0) * Decimal(year - y0) / Decimal(y1 - y0)


def on_path(kind: str, value: Decimal, expected: Decimal) -> bool:
    """Within ``MARGIN`` of the path's expected value, on the side that matters for the kind."""
    slack = MARGIN * abs(expected)
    if kind == TargetKind.AT_LEAST:
        return value >= expected - slack
    if kind == TargetKind.AT_MOST:
        return value <= expected + slack
    return abs(value - expected) <= slack


def assess(
    *,
    kind: str,
    value: Decimal | None,
    target: Decimal | None,
    target_max: Decimal | None = None,
    direction: str = Direction.HIGHER,
    year: int,
    milestone_year: int,
    baseline: tuple[int, Decimal] | None = None,
    previous: Decimal | None = None,
    is_percentage: bool = False,
) -> tuple[str, Decimal | None, Decimal | None]:
    """(status, gap, expected value on the path) of one value against one target."""
    if value is None:
        return Status.NO_DATA, None, None
    sign = _sign(direction)
    if kind in (TargetKind.MAINTAIN, TargetKind.INCREASE):
        meets_level = target is not None and sign * (_q(value) - target) >= 0
        if previous is None:
            if target is None:
                return Status.NO_DATA, None, None
            return (Status.ACHIEVED if meets_level else Status.BEHIND), (value - target) * sign, None
        change = (value - previous) * sign
        gap = (value - target) * sign if target is not None else change
        if kind == TargetKind.MAINTAIN:
            # "Duy trì 100 %": kept only at the level; without a level, not worse than the year before.
            good = meets_level if target is not None else _q(change) >= 0
        else:
            at_ceiling = is_percentage and sign > 0 and _q(value) >= 100 and _q(previous) >= 100
            good = (_q(change) > 0 or at_ceiling) and (target is None or meets_level)
        return (Status.ACHIEVED if good else Status.BEHIND), gap, None

    if target is None:
        return Status.NO_DATA, None, None
    gap = gap_of(kind, value, target, target_max, direction)
    if meets(kind, value, target, target_max):
        return Status.ACHIEVED, gap, None
    if year >= milestone_year:
        return Status.BEHIND, gap, None
    # Before the milestone: the path to the bound the value has to cross.
    path_kind, goal = kind, target
    if kind == TargetKind.BETWEEN:
        high = target_max if target_max is not None else target
        path_kind, goal = (TargetKind.AT_LEAST, target) if value < target else (TargetKind.AT_MOST, high)
    start = baseline if baseline is not None else (year, value)
    expected = path_value(start, (milestone_year, goal), year)
    return (Status.ON_TRACK if on_path(path_kind, value, expected) else Status.BEHIND), gap, expected


def judge(status: str, projection: Projection | None) -> str:
    """One assessment per figure: before the milestone, a figure that has not met its target yet is on track
    only when its recent pace reaches the target by the milestone year (the projection the page shows beside
    it); without enough years for a pace, the straight path from the baseline decides (``assess``)."""
    if status in (Status.ON_TRACK, Status.BEHIND) and projection is not None:
        return Status.ON_TRACK if projection.reached else Status.BEHIND
    return status


def pace_of(points: dict[int, Decimal]) -> Decimal | None:
    """Least-squares slope (change per year) through (year, value) points; None with fewer than two."""
    if len(points) < 2:
        return None
    years = list(points)
    mean_x = Decimal(sum(years)) / len(years)
    mean_y = sum(points.values()) / len(years)
    sxx = sum((Decimal(x) - mean_x) ** 2 for x in years)
    sxy = sum((Decimal(x) - mean_x) * (points[x] - mean_y) for x in years)
    return sxy / sxx


def project(
    *,
    kind: str,
    points: dict[int, Decimal],
    year: int,
    target: Decimal,
    target_max: Decimal | None,
    milestone_year: int,
    is_percentage: bool = False,
) -> Projection | None:
    """Carry this year's value forward at the recent pace: is the milestone target met, and when."""
    if kind not in NUMERIC_KINDS or year not in points:
        return None
    pace = pace_of(points)
    if pace is None:
        return None
    value = points[year]
    at_milestone = value + pace * max(milestone_year - year, 0)
    if is_percentage:
        at_milestone = min(max(at_milestone, Decimal(0)), Decimal(100))
    if meets(kind, value, target, target_max):
        first = year
    else:
        # The bound to cross, and whether the pace goes towards it.
        if kind == TargetKind.BETWEEN:
            goal = target if value < target else (target_max if target_max is not None else target)
        else:
            goal = target
        distance = goal - value
        if pace == 0 or (distance > 0) != (pace > 0):
            first = None
        else:
            # The first whole year at or past the bound (passing an exact target between two years counts).
            first = year + math.ceil(distance / pace)
            if first > 2100 or (is_percentage and goal > 100):
                first = None
    reached = first is not None and first <= milestone_year
    return Projection(
        pace=pace, milestone_year=milestone_year, milestone_value=at_milestone, reached=reached, year=first
    )


# --- the set-based part --------------------------------------------------------------------------------


def rollup_any(
    *, anchors: Sequence[Unit], period: Period, indicators: Sequence[Indicator], approved_only: bool = False
) -> dict[tuple[int, int], Figure]:
    """``rollup()`` for anchors of any depths: one call per depth."""
    by_depth: dict[int, list[Unit]] = defaultdict(list)
    for anchor in anchors:
        by_depth[len(anchor.path)].append(anchor)
    figures: dict[tuple[int, int], Figure] = {}
    for group in by_depth.values():
        figures.update(rollup(anchors=group, period=period, indicators=indicators, approved_only=approved_only))
    return figures


def progress_for(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    figures: dict[tuple[int, int], Figure] | None = None,
    plan=None,
    approved_only: bool = False,
) -> dict[tuple[int, int], Progress]:
    """Progress of every (anchor, indicator) in ``period``, keyed by (unit id, indicator id).

    ``figures``: the period's figures if the caller already rolled them up (saves the queries); ``plan``:
    measure against that plan's targets only.
    """
    if not anchors or not indicators:
        return {}
    year = period.year
    if figures is None:
        figures = rollup_any(anchors=anchors, period=period, indicators=indicators, approved_only=approved_only)
    index = targets_index(units=anchors, indicators=indicators, year=year, plan=plan)

    results: dict[tuple[int, int], Progress] = {}
    targeted: dict[int, Indicator] = {}
    start_years: set[int] = set()
    for anchor in anchors:
        for indicator in indicators:
            key = (anchor.pk, indicator.pk)
            target, inherited = target_choose(index, anchor, indicator)
            figure = _as_target_reads(figures.get(key), target)
            results[key] = Progress(anchor.pk, indicator.pk, year, figure, target, inherited)
            if target is not None:
                targeted[indicator.pk] = indicator
                if target.plan.start_year < year - PACE_YEARS:
                    start_years.add(target.plan.start_year)
    if not targeted:
        return results

    history = _history(
        anchors=anchors,
        period=period,
        indicators=list(targeted.values()),
        years={year - n for n in range(1, PACE_YEARS + 1)} | start_years,
        approved_only=approved_only,
    )
    by_pk = {i.pk: i for i in indicators}
    for key, progress in results.items():
        target = progress.target
        if target is None:
            continue
        indicator = by_pk[key[1]]
        points = {
            y: v for y, figs in history.items() if (v := _value(_as_target_reads(figs.get(key), target))) is not None
        }
        value = progress.value
        if value is not None:
            points[year] = value
        progress.previous = points.get(year - 1)
        progress.baseline = _baseline(points, target.plan.start_year, year)
        progress.status, progress.gap, progress.expected = assess(
            kind=target.kind,
            value=value,
            target=target.value,
            target_max=target.value_max,
            direction=indicator.direction,
            year=year,
            milestone_year=target.year,
            baseline=progress.baseline,
            previous=progress.previous,
            is_percentage=indicator.is_percentage,
        )
        counted = target.units_required is not None and not progress.inherited  # a commune below reads the share
        if counted and progress.figure is not None and progress.figure.reached is not None:
            # "21/21 xã": a count of units; the units reaching the standard are compared with the count, the
            # gap stays the share's (what the page shows beside it).
            met = progress.figure.reached >= target.units_required
            progress.status = Status.ACHIEVED if met else Status.BEHIND if year >= target.year else Status.ON_TRACK
            continue
        if target.kind in NUMERIC_KINDS and target.value is not None:
            recent = {y: v for y, v in points.items() if year - PACE_YEARS <= y <= year}
            progress.projection = project(
                kind=target.kind,
                points=recent,
                year=year,
                target=target.value,
                target_max=target.value_max,
                milestone_year=target.year,
                is_percentage=indicator.is_percentage,
            )
            progress.status = judge(progress.status, progress.projection)
    return results


def _as_target_reads(figure: Figure | None, target: Target | None) -> Figure | None:
    """A standard's figure as its target asks: the share of the units it names reaching the level it names."""
    if figure is None or figure.shares is None:
        return figure
    return figure.standard(target.standard_level if target else None, target.share_of if target else None)


def _value(figure: Figure | None) -> Decimal | None:
    return figure.value if figure is not None else None


def _baseline(points: dict[int, Decimal], start_year: int, year: int) -> tuple[int, Decimal] | None:
    """The value of the plan's start year, else the earliest value from it on (this year's at the latest)."""
    if start_year in points and start_year <= year:
        return start_year, points[start_year]
    later = sorted(y for y in points if start_year <= y <= year)
    return (later[0], points[later[0]]) if later else None


def _history(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    years: Iterable[int],
    approved_only: bool = False,
) -> dict[int, dict[tuple[int, int], Figure]]:
    """Figures of the same kind of period in earlier years: one query for the periods, one roll-up per year."""
    codes = {period_code(period.kind, y, period.number): y for y in years if y >= 1900}
    history = {}
    for earlier in Period.objects.filter(code__in=list(codes)):
        history[codes[earlier.code]] = rollup_any(
            anchors=anchors, period=earlier, indicators=indicators, approved_only=approved_only
        )
    return history
