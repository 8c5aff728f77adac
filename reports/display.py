"""How results read for people: one text for each figure, used by the pages (as template filters,
``reports/templatetags/results.py``), the Excel files and the PDF.

Selectors return data (``Figure``, ``Progress``, ``Value``); everything a person reads of them is written here,
with the numbers of ``core.numbers`` and the targets of ``plans.display``.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import PERCENT_PLACES, number_text, percent_text, rounded, signed_text
from indicators.breakdowns import breakdowns_of
from indicators.models import Indicator, Measure
from plans.display import UNIT_NOUNS, target_text
from plans.models import Period, TargetKind
from reports.models import Value
from reports.progress import Progress, Status
from reports.rollup import Figure
from units.models import Unit

DASH = "—"


def level_label(indicator: Indicator, level: int) -> str:
    """0 → "Chưa đạt"; 1 of a yes/no standard → "Đạt"; else "Mức n"."""
    if level <= 0:
        return _("Chưa đạt")
    if indicator.max_level == 1:
        return _("Đạt")
    return _("Mức %(n)s") % {"n": level}


def level_choices(indicator: Indicator) -> list[tuple[str, str]]:
    return [("", DASH)] + [(str(n), level_label(indicator, n)) for n in range(indicator.max_level + 1)]


def amount_text(value, indicator: Indicator) -> str:
    """A figure's value: a percentage for ratios and standards, an amount otherwise; "—" for none."""
    if value is None:
        return DASH
    return percent_text(value) if indicator.is_percentage else number_text(value)


def value_text(value: Value | None, indicator: Indicator) -> str:
    """A value as one line: "95/100 (95,00 %)", "Mức 2", "12 trung tâm", "không phát sinh"; "" for none."""
    if value is None:
        return ""
    if value.not_applicable:
        return _("không phát sinh")
    if indicator.measure == Measure.RATIO:
        if value.numerator is None or value.denominator is None:
            return ""
        text = f"{number_text(value.numerator)}/{number_text(value.denominator)}"
        return f"{text} ({percent_text(value.percent)})" if value.percent is not None else text
    if value.value is None:
        return ""
    if indicator.measure in (Measure.STANDARD, Measure.STATUS):
        return level_label(indicator, int(value.value))
    suffix = f" {indicator.unit_of_measure}" if indicator.unit_of_measure else ""
    return f"{number_text(value.value)}{suffix}"


def field_text(value) -> str:
    """A stored field as the history shows it: "có"/"không", "1.234,5", the text; "—" for nothing."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, Decimal | int):
        return number_text(value, places=None)
    return str(value)


def figure_text(amount, indicator: Indicator) -> str:
    """A figure as the rules read it (``reports.quality.Figure.amount``): a ratio's percentage, a standard's
    level, an amount; "—" for none."""
    if amount is None:
        return DASH
    if indicator.measure in (Measure.STANDARD, Measure.STATUS):
        return level_label(indicator, int(amount))
    if indicator.measure == Measure.RATIO:
        return percent_text(amount)
    return number_text(amount)


def glance_bars(page) -> dict | None:
    """The home page's small chart of a roll-up page's children against the target of its chosen indicator:
    bars scaled to the data (from a little below the smallest figure to the largest), not to 0-100 %."""
    if page is None or page.selected is None or not page.children:
        return None
    indicator = page.selected
    points = []
    for row in page.children:
        target = row.progress.target
        numeric = target is not None and target.kind not in (TargetKind.MAINTAIN, TargetKind.INCREASE)
        points.append((row, row.figure.value if row.figure else None, target.value if numeric else None))
    if all(value is None for _row, value, _target in points):
        return None  # nothing reported yet: no chart of empty bars
    numbers = [n for _row, v, t in points for n in (v, t) if n is not None]
    low, high = min(numbers), max(numbers)
    low = max(Decimal(0), low - (high - low) * Decimal("0.25")) if high > low else Decimal(0)
    span = (high - low) or Decimal(1)

    def x(value):
        return float(rounded((value - low) * 100 / span, 1)) if value is not None else None

    bars = []
    for number, (row, value, target) in enumerate(points):
        bars.append(
            {
                "y": number * 18,
                "unit": row.unit,
                "label": row.unit.name,
                "value": amount_text(value, indicator),
                "target": amount_text(target, indicator) if target is not None else "",
                "width": x(value) or 0,
                "tick": x(target),
                "status": row.progress.status or "",
            }
        )
    return {
        "indicator": indicator,
        "bars": bars,
        "height": len(bars) * 18,
        "low": amount_text(low, indicator),
        "high": amount_text(high, indicator),
    }


def flag_text(flag, indicator: Indicator | None = None) -> str:
    """A data-quality flag (``reports.quality.Flag``, or its record kept with an approval) as one sentence:
    "Thay đổi bất thường so với kỳ trước: 12,00 % → 48,00 %"."""
    record = flag if isinstance(flag, dict) else flag.as_record()
    numbers = {k: (Decimal(v) if v is not None else None) for k, v in record["numbers"].items()}
    measure = indicator.measure if indicator is not None else ""

    def amount(value):
        if value is None:
            return DASH
        return percent_text(value) if measure == Measure.RATIO else number_text(value)

    if "left" in numbers:
        detail = _("%(left)s lớn hơn %(right)s") % {
            "left": number_text(numbers["left"]),
            "right": number_text(numbers["right"]),
        }
    elif "median" in numbers:
        detail = _("%(value)s, trung vị các đơn vị cùng cấp %(median)s (độ phân tán %(spread)s)") % {
            "value": amount(numbers["value"]),
            "median": amount(numbers["median"]),
            "spread": amount(numbers["spread"]),
        }
    elif "previous_denominator" in numbers:
        detail = _("mẫu số %(d0)s → %(d1)s, tử số %(n0)s → %(n1)s") % {
            "d0": number_text(numbers["previous_denominator"]),
            "d1": number_text(numbers["denominator"]),
            "n0": number_text(numbers["previous_numerator"]),
            "n1": number_text(numbers["numerator"]),
        }
    elif "previous" in numbers:
        detail = _("kỳ trước %(previous)s, kỳ này %(value)s") % {
            "previous": amount(numbers["previous"]),
            "value": amount(numbers["value"]),
        }
    else:
        detail = ""
    return f"{record['name']}: {detail}" if detail else record["name"]


def share_units(figure) -> str:
    """What a standard's share counts, after its numerator/denominator: "xã đạt mức độ 1", "huyện đạt mức độ 3"."""
    if figure.shares is None or not figure.share_of:
        return ""
    return _("%(units)s đạt mức độ %(level)s") % {
        "units": UNIT_NOUNS.get(figure.share_of, ""),
        "level": figure.standard_level,
    }


#: The rule of the statuses, in one sentence (under every table and chart that shows them, in the Excel and PDF).
STATUS_RULE = gettext_lazy(
    "Đạt: kết quả đã đạt chỉ tiêu (ở mức độ chuẩn và trên các đơn vị chỉ tiêu nêu); Đúng tiến độ: chưa đạt nhưng "
    "với tốc độ 3 năm gần nhất sẽ đạt trước năm mốc (chưa đủ số liệu thì: không thấp hơn lộ trình từ năm gốc "
    "quá 15 %); Chậm tiến độ: các trường hợp còn lại."
)


def status_rule() -> str:
    return str(STATUS_RULE)


def completeness_text(figure: Figure | None) -> str:
    """ "2/3 (66,67 %)": units that reported / units expected to."""
    if figure is None or not figure.expected:
        return DASH
    return f"{number_text(figure.reported)}/{number_text(figure.expected)} ({percent_text(figure.completeness)})"


def origin_text(figure: Figure | None) -> str:
    """Where a 2025 unit's figure of a period before the reform comes from: "Tính từ đơn vị cũ", and the share
    of it resting on estimated weights (a legacy commune split equally between new ones); "" for any other."""
    if figure is None or not figure.backcast:
        return ""
    if figure.estimated_share:
        return _("Tính từ đơn vị cũ; %(share)s ước tính (đơn vị cũ chia tách)") % {
            "share": percent_text(figure.estimated_share)
        }
    return _("Tính từ đơn vị cũ")


def backcast_text(unit: Unit, period: Period) -> str:
    """The note of a page, workbook or report on a unit formed after the period; "" for any other."""
    if not unit.formed_after(period.reference_day):
        return ""
    return _(
        "%(unit)s được thành lập từ %(day)s (sắp xếp đơn vị hành chính): số liệu %(period)s tính từ các đơn vị "
        "cũ hợp thành, theo tỷ trọng của từng đơn vị cũ; phần ghi “ước tính” dựa trên tỷ trọng chia đều."
    ) % {"unit": unit.name, "day": unit.valid_from.strftime("%d/%m/%Y"), "period": str(period.label).lower()}


def projection_text(progress: Progress | None, indicator: Indicator) -> str:
    projection = progress.projection if progress is not None else None
    if projection is None:
        return ""
    pace = signed_text(projection.pace)
    if projection.year is None:
        return _("Tốc độ %(pace)s/năm: chưa đạt chỉ tiêu nếu giữ tốc độ này.") % {"pace": pace}
    if projection.reached:
        return _("Tốc độ %(pace)s/năm: đạt chỉ tiêu năm %(year)s (mốc %(milestone)s).") % {
            "pace": pace,
            "year": projection.year,
            "milestone": projection.milestone_year,
        }
    return _("Tốc độ %(pace)s/năm: đạt chỉ tiêu năm %(year)s, sau mốc %(milestone)s.") % {
        "pace": pace,
        "year": projection.year,
        "milestone": projection.milestone_year,
    }


@dataclasses.dataclass(slots=True)
class CellText:
    """What a row shows about one (unit, indicator) figure."""

    value: str
    numerator: str
    denominator: str
    units: str  # what a standard's share counts: "huyện đạt mức độ 3"
    target: str
    status: str
    status_label: str
    gap: str
    completeness: str
    expected: str
    projection: str
    inherited: bool
    origin: str


def cell_text(indicator: Indicator, progress: Progress | None) -> CellText:
    """The texts of a figure against its target: value, numerator/denominator, target, status, gap, completeness."""
    figure = progress.figure if progress is not None else None
    target = progress.target if progress is not None else None
    if target is not None:
        target.indicator = indicator
    fraction = indicator.measure in (Measure.RATIO, Measure.STANDARD) and figure is not None
    status = (progress.status or "") if progress is not None else ""
    gap = progress.gap if progress is not None else None
    expected = progress.expected if progress is not None else None
    return CellText(
        value=amount_text(figure.value if figure else None, indicator),
        numerator=number_text(figure.numerator) if fraction and figure.numerator is not None else "",
        denominator=number_text(figure.denominator) if fraction and figure.denominator is not None else "",
        units=share_units(figure) if figure is not None else "",
        target=target_text(target, year=progress.year) if target is not None else DASH,
        status=status,
        status_label=Status(status).label if status else "",
        gap=signed_text(gap) if gap is not None else DASH,
        completeness=completeness_text(figure),
        expected=amount_text(expected, indicator) if expected is not None else "",
        projection=projection_text(progress, indicator),
        inherited=bool(progress is not None and progress.inherited),
        origin=origin_text(figure),
    )


def parts_lines(figure: Figure | None, indicator: Indicator) -> list[str]:
    """A figure's breakdowns, one line each: "Giới tính: Nam 95/100 (95,00 %) · Nữ 90/100 (90,00 %)", with
    "(3/5 đơn vị)" when not every unit that reported gave the parts."""
    if figure is None or not figure.parts:
        return []
    lines = []
    for breakdown in breakdowns_of(indicator):
        sums = figure.parts.get(breakdown.code)
        if sums is None:
            continue
        texts = []
        for part in breakdown.parts:
            cells = sums.sums.get(part.code, {})
            if indicator.measure == Measure.RATIO:
                numerator, denominator = cells.get("numerator"), cells.get("denominator")
                text = f"{number_text(numerator)}/{number_text(denominator)}" if denominator is not None else DASH
                if (percent := sums.percent(part.code)) is not None:
                    text += f" ({percent_text(percent)})"
            else:
                text = number_text(cells.get("value")) if cells.get("value") is not None else DASH
            texts.append(f"{part.name} {text}")
        line = f"{breakdown.name}: {' · '.join(texts)}"
        if sums.reported < figure.reported - figure.not_applicable:
            line += " " + _("(%(n)s/%(of)s đơn vị có số liệu chi tiết)") % {
                "n": sums.reported,
                "of": figure.reported - figure.not_applicable,
            }
        lines.append(line)
    return lines


def chart_number(value: Decimal | None) -> float | None:
    """A figure for the charts' data: the digits the table shows, as a JSON number."""
    return None if value is None else float(rounded(value, PERCENT_PLACES))


def rollup_chart(page) -> dict | None:
    """Data for the chart of the children against their targets (drawn by ``reports.charts.children_chart``)."""
    if page.selected is None or not page.children:
        return None
    targets = []
    for row in page.children:
        target = row.progress.target
        numeric = target is not None and target.kind not in (TargetKind.MAINTAIN, TargetKind.INCREASE)
        targets.append(chart_number(target.value) if numeric else None)
    return {
        "title": page.selected.name,
        "percent": page.selected.is_percentage,
        "labels": [row.unit.name for row in page.children],
        "values": [chart_number(row.figure.value if row.figure else None) for row in page.children],
        "targets": targets,
        "statuses": [row.progress.status or "" for row in page.children],
        "valueLabel": _("Kết quả"),
        "targetLabel": _("Chỉ tiêu"),
    }
