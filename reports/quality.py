"""Data-quality rules: which figures of a report a reviewer should look at before approving it.

The rules are reference data (``reports/data/quality_rules.yaml``, read by ``rules_load``); this module runs them
on figures the caller read (``reports.selectors.quality``) and touches no database. A flag names its rule, the
unit, the indicator and the numbers behind it; ``reports.display.flag_text`` writes it for people.

Robust statistics for the siblings: the median and the median absolute deviation (MAD), scaled by 1.4826 so that
it estimates the standard deviation of normal data; a figure whose distance to the median is more than
``threshold`` such deviations is an outlier (Iglewicz and Hoaglin's modified z-score). The outlier cannot hide
itself: one extreme value moves neither the median nor the MAD.
"""

from __future__ import annotations

import dataclasses
import functools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from core.datafiles import DataFileError, data_file_read, decimal_or_none, records_read

RULES_FILE = Path(__file__).resolve().parent / "data" / "quality_rules.yaml"
KINDS = ("not_above", "change_factor", "sibling_outlier", "denominator_moved")
PARTS = ("value", "numerator", "denominator")
MAD_SCALE = Decimal("1.4826")
HUNDRED = Decimal(100)


@dataclasses.dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    name: str
    measures: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    left: tuple[str, str] | None = None  # (indicator code, part)
    right: tuple[str, str] | None = None
    factor: Decimal | None = None
    min_base: Decimal = Decimal(0)
    threshold: Decimal | None = None
    min_spread: Decimal = Decimal(0)
    min_denominator: Decimal = Decimal(0)
    min_units: int = 5
    denominator_change: Decimal | None = None
    numerator_change: Decimal | None = None

    def applies(self, code: str, measure: str) -> bool:
        return (not self.measures or measure in self.measures) and (not self.indicators or code in self.indicators)


@dataclasses.dataclass(frozen=True)
class Figure:
    """One unit's value of one indicator in one period, as the rules read it."""

    unit_id: int
    parent_id: int | None
    code: str
    measure: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None

    @property
    def amount(self) -> Decimal | None:
        """A ratio's percentage, else the value."""
        if self.measure == "ratio":
            if self.numerator is None or not self.denominator:
                return None
            return self.numerator * HUNDRED / self.denominator
        return self.value

    def part(self, name: str) -> Decimal | None:
        return getattr(self, name)


@dataclasses.dataclass(frozen=True)
class Flag:
    """A figure a rule points at: ``numbers`` are the figures behind it (this, previous, median, ...)."""

    rule: str
    name: str
    kind: str
    unit_id: int
    code: str
    numbers: dict[str, Decimal | None]

    def as_record(self) -> dict:
        """The flag as JSON (kept with the approval)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "unit_id": self.unit_id,
            "indicator": self.code,
            "numbers": {k: (str(v) if v is not None else None) for k, v in self.numbers.items()},
        }


def _part_ref(text, where: str) -> tuple[str, str]:
    code, _dot, part = str(text).rpartition(".")
    if not code or part not in PARTS:
        raise DataFileError(f"{where}: “{text}” phải có dạng MÃ_CHỈ_TIÊU.value|numerator|denominator.")
    return code, part


@functools.cache
def rules_load(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """The rules of the file, checked (a typo stops with the file, the rule and the key named)."""
    records = records_read(
        data_file_read(path),
        "rules",
        where=path.name,
        required=("code", "kind", "name"),
        optional=(
            "measures", "indicators", "left", "right", "factor", "min_base", "threshold", "min_spread", "min_units",
            "min_denominator",
            "denominator_change", "numerator_change",
        ),
    )  # fmt: skip
    rules = []
    for number, record in enumerate(records, start=1):
        where = f"{path.name}, rules {number}"
        kind = record["kind"]
        if kind not in KINDS:
            raise DataFileError(f"{where}: kind “{kind}” không hợp lệ ({', '.join(KINDS)}).")
        needed = {
            "not_above": ("left", "right"),
            "change_factor": ("factor",),
            "sibling_outlier": ("threshold",),
            "denominator_moved": ("denominator_change", "numerator_change"),
        }[kind]
        missing = [key for key in needed if record.get(key) is None]
        if missing:
            raise DataFileError(f"{where}: thiếu {', '.join(missing)}.")
        rules.append(
            Rule(
                code=record["code"],
                kind=kind,
                name=record["name"],
                measures=tuple(record.get("measures") or ()),
                indicators=tuple(record.get("indicators") or ()),
                left=_part_ref(record["left"], where) if "left" in record else None,
                right=_part_ref(record["right"], where) if "right" in record else None,
                factor=decimal_or_none(record.get("factor")),
                min_base=decimal_or_none(record.get("min_base")) or Decimal(0),
                threshold=decimal_or_none(record.get("threshold")),
                min_spread=decimal_or_none(record.get("min_spread")) or Decimal(0),
                min_denominator=decimal_or_none(record.get("min_denominator")) or Decimal(0),
                min_units=int(record.get("min_units") or 5),
                denominator_change=decimal_or_none(record.get("denominator_change")),
                numerator_change=decimal_or_none(record.get("numerator_change")),
            )
        )
    return tuple(rules)


def _moved(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    """The relative change from ``old`` to ``new`` (0.2 = 20 %), None when it cannot be computed."""
    if old is None or new is None or old == 0:
        return None
    return abs(new - old) / abs(old)


def robust_z(
    value: Decimal, others: list[Decimal], min_spread: Decimal = Decimal(0)
) -> tuple[Decimal, Decimal, Decimal | None]:
    """(median, scaled MAD, modified z-score of ``value``) of a group; the spread is at least ``min_spread`` (a
    group of near-equal figures does not make a small difference an outlier); no z-score for a spread of 0."""
    median = Decimal(statistics.median(others))
    mad = max(Decimal(statistics.median([abs(x - median) for x in others])) * MAD_SCALE, min_spread)
    return median, mad, (abs(value - median) / mad if mad else None)


def flags_find(
    *,
    figures: Iterable[Figure],
    previous: dict[tuple[int, str], Figure],
    siblings: dict[tuple[int | None, str], list[Decimal]],
    rules: Iterable[Rule],
) -> list[Flag]:
    """The flags of ``figures`` (this period's figures of the units looked at).

    ``previous``: the previous period's figures by (unit id, code); ``siblings``: by (parent id, code), the
    amounts of every unit of that parent this period (the looked-at unit included).
    """
    figures = list(figures)
    by_unit: dict[int, dict[str, Figure]] = defaultdict(dict)
    for figure in figures:
        by_unit[figure.unit_id][figure.code] = figure
    flags: list[Flag] = []
    for rule in rules:
        if rule.kind == "not_above":
            (left_code, left_part), (right_code, right_part) = rule.left, rule.right
            for unit_id, own in by_unit.items():
                left, right = own.get(left_code), own.get(right_code)
                a = left.part(left_part) if left else None
                b = right.part(right_part) if right else None
                if a is not None and b is not None and a > b:
                    flags.append(Flag(rule.code, rule.name, rule.kind, unit_id, left_code, {"left": a, "right": b}))
            continue
        for figure in figures:
            if not rule.applies(figure.code, figure.measure):
                continue
            flag = _one(rule, figure, previous.get((figure.unit_id, figure.code)), siblings)
            if flag is not None:
                flags.append(flag)
    flags.sort(key=lambda f: (f.unit_id, f.code, f.rule))
    return flags


def _small(rule: Rule, figure: Figure | None) -> bool:
    """A ratio over fewer than ``min_denominator`` (3 community learning centres): its percentage jumps by itself."""
    return figure is not None and figure.measure == "ratio" and (figure.denominator or 0) < rule.min_denominator


def _one(rule: Rule, figure: Figure, before: Figure | None, siblings) -> Flag | None:
    amount = figure.amount
    if _small(rule, figure) or _small(rule, before):
        return None
    if rule.kind == "change_factor":
        old = before.amount if before is not None else None
        if amount is None or old is None or old < rule.min_base or old <= 0:
            return None
        if amount > old * rule.factor or amount * rule.factor < old:
            return Flag(
                rule.code, rule.name, rule.kind, figure.unit_id, figure.code, {"value": amount, "previous": old}
            )
    elif rule.kind == "sibling_outlier":
        group = siblings.get((figure.parent_id, figure.code), [])
        if amount is None or figure.parent_id is None or len(group) < rule.min_units:
            return None
        median, mad, z = robust_z(amount, group, rule.min_spread)
        if z is not None and z > rule.threshold:
            numbers = {"value": amount, "median": median, "spread": mad, "z": z}
            return Flag(rule.code, rule.name, rule.kind, figure.unit_id, figure.code, numbers)
    elif rule.kind == "denominator_moved":
        if before is None:
            return None
        d_moved = _moved(before.denominator, figure.denominator)
        n_moved = _moved(before.numerator, figure.numerator)
        if d_moved is not None and n_moved is not None:
            if d_moved > rule.denominator_change and n_moved <= rule.numerator_change:
                numbers = {
                    "numerator": figure.numerator,
                    "denominator": figure.denominator,
                    "previous_numerator": before.numerator,
                    "previous_denominator": before.denominator,
                }
                return Flag(rule.code, rule.name, rule.kind, figure.unit_id, figure.code, numbers)
    return None
