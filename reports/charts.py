"""The charts, drawn on the server as inline SVG (no script, no external asset; CSP allows it): a unit's
series of one indicator against its target path, the children against their targets, the reporting rate.

Each builder takes the data of a selector (or ``reports.display.rollup_chart``) and returns the geometry a
template draws (``reports/templates/reports/charts/*.html``) with the texts of ``reports.display`` and
``core.numbers``; the status of a point is the one the assessment gave (``reports.progress``), never judged here.
Each chart comes with its table (a ``<details>``) for screen readers and for reading the exact digits.
"""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal

from django.utils.translation import gettext as _

from core.numbers import number_text, percent_text
from reports.display import DASH, amount_text
from reports.progress import Status
from reports.selectors.series import MILESTONE_YEARS, Series

#: The drawing box of the line charts (the SVG's viewBox; the page scales it to its width).
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 34, 20, 34


@dataclasses.dataclass(slots=True)
class Axis:
    low: float
    high: float
    ticks: list[float]

    def position(self, value: float, top: float, height: float) -> float:
        span = (self.high - self.low) or 1.0
        return round(top + (self.high - value) / span * height, 1)


def _nice_step(span: float, count: int = 4) -> float:
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def axis_for(values: list[float], *, percent: bool) -> Axis:
    """An axis scaled to the data: 95-100 % for values near 99 %, not 0-100 % (every bar alike); from 0 when
    the data come near it anyway; a percentage axis never beyond 100 unless a figure is."""
    values = [v for v in values if v is not None]
    if not values:
        return Axis(0.0, 100.0 if percent else 1.0, [0.0, 25.0, 50.0, 75.0, 100.0] if percent else [0.0, 1.0])
    low, high = min(values), max(values)
    span = high - low
    pad = span * 0.15 if span else max(abs(high) * 0.05, 1.0)
    low, high = low - pad, high + pad
    if min(values) >= 0 and low < (high - low) * 0.3:
        low = 0.0  # close to zero anyway: start there
    if min(values) >= 0:
        low = max(low, 0.0)
    if percent and max(values) <= 100:
        high = min(high, 100.0)
    step = _nice_step(high - low)
    low = math.floor(low / step + 1e-9) * step
    high = math.ceil(high / step - 1e-9) * step
    if high == low:
        high = low + step
    ticks = []
    tick = low
    while tick <= high + step / 1000:
        ticks.append(round(tick, 6))
        tick += step
    return Axis(low, high, ticks)


def _tick_text(value: float, percent: bool) -> str:
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else 1
    return percent_text(number, places=places) if percent else number_text(number, places=places)


def _figure_text(value: float | None, percent: bool) -> str:
    """A chart's figure as the tables write it (its JSON number carries the table's digits)."""
    if value is None:
        return DASH
    number = Decimal(str(value))
    return percent_text(number) if percent else number_text(number)


def _ticks(axis: Axis, percent: bool) -> list[dict]:
    return [{"y": axis.position(t, TOP, HEIGHT - TOP - BOTTOM), "label": _tick_text(t, percent)} for t in axis.ticks]


def _polylines(points: list[dict]) -> list[dict]:
    """The segments between consecutive present points; dashed when either end is back-cast."""
    segments = []
    present = [p for p in points if p["y"] is not None]
    for a, b in zip(present, present[1:], strict=False):
        segments.append(
            {"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"], "dashed": a["backcast"] or b["backcast"]}
        )
    return segments


def series_chart(series: Series) -> dict:
    """A unit's yearly figure from 2021, the target path from the baseline to each milestone, the milestone years
    (2025, 2030) as lines; back-cast years hollow and dashed; the current year in the colour of its status."""
    indicator = series.indicator
    percent = indicator.is_percentage
    first, last = series.first_year, series.last_year
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        return round(LEFT + (year - first) / ((last - first) or 1) * plot_w, 1)

    numbers = [float(p.value) for p in series.points if p.value is not None]
    numbers += [float(m.value) for m in series.milestones]
    numbers += [float(m.value_max) for m in series.milestones if m.value_max is not None]
    if series.baseline is not None:
        numbers.append(float(series.baseline[1]))
    axis = axis_for(numbers, percent=percent)

    def y_of(value) -> float | None:
        return None if value is None else axis.position(float(value), TOP, plot_h)

    points = [
        {
            "x": x_of(p.year),
            "y": y_of(p.value),
            "year": p.year,
            "backcast": p.backcast,
            "status": series.status if p.current else "",
            "text": amount_text(p.value, indicator),
        }
        for p in series.points
    ]
    milestone_of = {m.year: m for m in series.milestones}
    rows = []
    for p in series.points:
        target = milestone_of.get(p.year)
        rows.append(
            {
                "year": p.year,
                "value": amount_text(p.value, indicator),
                "target": amount_text(target.value, indicator) if target else "",
                "note": _("Tính từ đơn vị cũ") if p.backcast else "",
                "current": p.current,
            }
        )
    for m in series.milestones:
        if m.year > series.points[-1].year:
            rows.append(
                {"year": m.year, "value": DASH, "target": amount_text(m.value, indicator), "note": "", "current": False}
            )
    path = [{"x": x_of(y), "y": y_of(v)} for y, v in series.path]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "title": indicator.name,
        "ticks": _ticks(axis, percent),
        "years": [{"x": x_of(y), "label": str(y)} for y in range(first, last + 1)],
        "milestone_lines": [{"x": x_of(y), "label": _("Mốc %(year)s") % {"year": y}} for y in MILESTONE_YEARS],
        "segments": _polylines(points),
        "points": [p for p in points if p["y"] is not None],
        "path": " ".join(f"{p['x']},{p['y']}" for p in path),
        "targets": [
            {
                "x": x_of(m.year),
                "y": y_of(m.value),
                "corner_x": x_of(m.year) - 5,
                "corner_y": y_of(m.value) - 5,
                "text": amount_text(m.value, indicator),
            }
            for m in series.milestones
        ],
        "rows": rows,
        "has_backcast": any(p.backcast for p in series.points),
        "status": series.status,
        "status_label": Status(series.status).label if series.status else "",
        "empty": not numbers,
    }


#: The children chart: one row per child unit, the label left, the dot on the track.
ROW, LABEL, TRACK_RIGHT = 24, 190, 20
CHILD_WIDTH = 560


def children_chart(chart: dict | None) -> dict | None:
    """The children of a roll-up page against their targets (``reports.display.rollup_chart``'s data): a dot per
    unit in the colour of its status, the target as a tick, the axis scaled to the data."""
    if not chart:
        return None
    percent = chart["percent"]
    if all(v is None for v in chart["values"]):
        return None  # nothing reported yet: the table says so
    numbers = [v for v in chart["values"] if v is not None] + [t for t in chart["targets"] if t is not None]
    axis = axis_for(numbers, percent=percent)
    left, right = LABEL, CHILD_WIDTH - TRACK_RIGHT
    span = (axis.high - axis.low) or 1.0

    def x_of(value) -> float | None:
        return None if value is None else round(left + (value - axis.low) / span * (right - left), 1)

    top = 8
    rows = []
    for n, (label, value, target, status) in enumerate(
        zip(chart["labels"], chart["values"], chart["targets"], chart["statuses"], strict=True)
    ):
        y = top + n * ROW + ROW / 2
        rows.append(
            {
                "y": y,
                "label": label if len(label) <= 26 else label[:25] + "…",
                "full_label": label,
                "x": x_of(value),
                "target_x": x_of(target),
                "status": status,
                "status_label": Status(status).label if status else "",
                "value_text": _figure_text(value, percent),
                "target_text": _figure_text(target, percent),
            }
        )
    bottom = top + len(rows) * ROW
    return {
        "width": CHILD_WIDTH,
        "height": bottom + 28,
        "left": left,
        "right": right,
        "top": top,
        "bottom": bottom,
        "title": chart["title"],
        "ticks": [{"x": x_of(t), "label": _tick_text(t, percent)} for t in axis.ticks],
        "rows": rows,
        "zero_based": axis.low == 0,
        "axis_low": _tick_text(axis.low, percent),
    }


def rate_chart(trend: list) -> dict | None:
    """The reporting rate (and the rate on time) over the recent periods of the dashboard (its ``TrendRow``s)."""
    rows = [r for r in trend if r.counts.expected]
    if len(rows) < 2:
        return None
    plot_h = HEIGHT - TOP - BOTTOM
    axis = Axis(0.0, 100.0, [0.0, 25.0, 50.0, 75.0, 100.0])  # a rate is read against all units: 0-100 %
    step = (WIDTH - LEFT - RIGHT) / (len(trend) - 1 or 1)
    series = {"rate": [], "timeliness": []}
    for n, row in enumerate(trend):
        x = round(LEFT + n * step, 1)
        for key in series:
            value = getattr(row.counts, key)
            if value is not None:
                series[key].append({"x": x, "y": axis.position(float(value), TOP, plot_h), "label": row.label})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "ticks": _ticks(axis, True),
        "periods": [{"x": round(LEFT + n * step, 1), "label": row.label} for n, row in enumerate(trend)],
        "rate": series["rate"],
        "rate_line": " ".join(f"{p['x']},{p['y']}" for p in series["rate"]),
        "timeliness": series["timeliness"],
        "timeliness_line": " ".join(f"{p['x']},{p['y']}" for p in series["timeliness"]),
    }
