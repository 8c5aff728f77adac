"""Breakdowns of a value in the write path (``values_record``): the typed parts checked against the total.

A value's parts (``Value.parts``: ``{breakdown: {part: {field: "12"}}}``, the breakdowns of
``indicators.breakdowns``) are given whole: every part of a breakdown, and they sum exactly to the value (to its
numerator and denominator for a ratio). A breakdown left blank is not given.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from core.numbers import NumberInvalid, number_parse, number_text
from indicators.breakdowns import breakdowns_of
from indicators.models import Indicator, Measure


def _plain(number: Decimal) -> str:
    """A part's number as stored: exact, without exponent or trailing zeros ("40", "12.5")."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _read(raw, problems: list[str], *, whole: bool) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None
    try:
        number = number_parse(raw, whole=whole)
    except NumberInvalid as error:
        problems.append(error.messages[0])
        return None
    if number < 0:
        problems.append(_("Giá trị không được âm."))
        return None
    return number


def parts_clean(indicator: Indicator, raw, totals: dict[str, Decimal | None]) -> tuple[dict, list[str]]:
    """The parts of a row as stored, and the problems (in Vietnamese) that refuse them. ``totals``: the row's
    clean ``value``, ``numerator`` and ``denominator``."""
    fields = ("numerator", "denominator") if indicator.measure == Measure.RATIO else ("value",)
    declared = {b.code: b for b in breakdowns_of(indicator)}
    problems: list[str] = []
    if not isinstance(raw, dict):
        return {}, [_("Số liệu chi tiết không đúng dạng.")]
    clean: dict = {}
    for code, typed in raw.items():
        breakdown = declared.get(code)
        if breakdown is None or not isinstance(typed, dict):
            problems.append(
                _("Chỉ tiêu %(indicator)s không chia chi tiết theo “%(code)s”.")
                % {"indicator": indicator.code, "code": code}
            )
            continue
        numbers: dict[str, dict[str, Decimal | None]] = {}
        for part in breakdown.parts:
            cells = typed.get(part.code) if isinstance(typed.get(part.code), dict) else {}
            read = {f: _read(cells.get(f), problems, whole=indicator.whole_numbers) for f in fields}
            if any(n is not None for n in read.values()):
                numbers[part.code] = read
        if not numbers:
            continue  # a breakdown left blank: not given
        label = breakdown.name.lower()
        missing = [p.name for p in breakdown.parts if any(numbers.get(p.code, {}).get(f) is None for f in fields)]
        if missing:
            problems.append(
                _("Số liệu theo %(breakdown)s còn thiếu: %(parts)s.")
                % {"breakdown": label, "parts": ", ".join(missing)}
            )
            continue
        for f in fields:
            total = sum((numbers[p.code][f] for p in breakdown.parts), Decimal(0))
            if totals[f] is None or total != totals[f]:
                terms = " + ".join(f"{p.name} {number_text(numbers[p.code][f], places=None)}" for p in breakdown.parts)
                what = {"value": _("giá trị"), "numerator": _("tử số"), "denominator": _("mẫu số")}[f]
                problems.append(
                    _("Số liệu theo %(breakdown)s (%(terms)s = %(sum)s) phải bằng %(what)s chung (%(total)s).")
                    % {
                        "breakdown": label,
                        "terms": terms,
                        "sum": number_text(total, places=None),
                        "what": what,
                        "total": number_text(totals[f], places=None) if totals[f] is not None else "—",
                    }
                )
        if indicator.measure == Measure.RATIO:
            for p in breakdown.parts:
                if numbers[p.code]["numerator"] > numbers[p.code]["denominator"]:
                    problems.append(_("%(part)s: tử số không được lớn hơn mẫu số.") % {"part": p.name})
        clean[code] = {p.code: {f: _plain(numbers[p.code][f]) for f in fields} for p in breakdown.parts}
    return clean, problems


def parts_fit(parts: dict, row) -> bool:
    """Whether stored parts still sum to a row's total (``row``: anything with value, numerator, denominator)."""
    for typed in (parts or {}).values():
        for f, total in (("value", row.value), ("numerator", row.numerator), ("denominator", row.denominator)):
            numbers = [cells.get(f) for cells in typed.values()]
            if all(n is None for n in numbers):
                continue
            if total is None or any(n is None for n in numbers) or sum(Decimal(n) for n in numbers) != total:
                return False
    return True
