"""Roll-ups of closed periods, stored once instead of computed on every read.

When a period is closed (``period_close``) nobody may change its values any more (``lock_reasons``), so the
figure of every unit, indicator and period is final: it is computed then, set-based (one ``rollup`` per depth
above the communes and flavour, in slices of ``SLICE`` units), and written to ``Aggregate`` in the same transaction
as the closing. Reads of a closed period go through ``aggregates_read``, which ``reports.rollup.rollup``
calls first: one query for the stored figures instead of the roll-up's aggregates over the values. Open
periods stay live.

What else changes a closed period's figures, and how the table follows:
- a report approved or reopened in a closed period changes the roll-up over approved reports only (the
  ``?duyet=1`` view): ``aggregates_follow`` recomputes the figures of the report's unit and its ancestors in
  the approval's (or reopening's) transaction;
- reopening the period (``period_reopen``) deletes its figures: reads are live again, values can be changed,
  and closing it again stores the new figures;
- a change of the unit tree or of a derived standard's threshold: ``python manage.py aggregates_rebuild``.

A read finds every figure it asks for, or none is used: a closed period without stored figures (closed before
this table existed) is rolled up live, as before, until ``aggregates_rebuild`` runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from indicators.models import Indicator
from plans.models import Period, PeriodKind
from reports.models import Aggregate, Submission
from reports.rollup import Figure, PartSums, rollup
from reports.standards import Shares
from units.models import KIND_LEVEL, LEVEL_RANK, Level, Unit

#: Units rolled up together when the figures are built (bounds the memory of a national period).
SLICE = 1000
FLAVOURS = (False, True)  # all values; approved reports only


def _text(number: Decimal | None) -> str:
    return "" if number is None else str(number)


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _row(period: Period, approved_only: bool, figure: Figure, now) -> Aggregate:
    return Aggregate(
        period=period,
        approved_only=approved_only,
        unit_id=figure.unit_id,
        indicator_id=figure.indicator_id,
        value=_text(figure.value),
        numerator=_text(figure.numerator),
        denominator=_text(figure.denominator),
        reached=figure.reached,
        reported=figure.reported,
        not_applicable=figure.not_applicable,
        expected=figure.expected,
        rolled_up=figure.rolled_up,
        standard=_shares_json(figure),
        parts=_parts_json(figure),
        built_at=now,
    )


def _shares_json(figure: Figure) -> dict | None:
    """A standard's shares over each level of units and the unit's own level, as JSON (levels as strings)."""
    if figure.shares is None:
        return None
    return {
        "own_level": figure.own_level,
        "entry_level": figure.entry_level,
        "shares": {
            level: {"expected": s.expected, "counted": s.counted, "reached": {str(k): v for k, v in s.reached.items()}}
            for level, s in figure.shares.items()
        },
    }


def _parts_json(figure: Figure) -> dict | None:
    """The breakdowns' sums as JSON, the numbers as exact text."""
    if not figure.parts:
        return None
    return {
        code: {
            "reported": sums.reported,
            "sums": {part: {f: _text(n) for f, n in cells.items()} for part, cells in sums.sums.items()},
        }
        for code, sums in figure.parts.items()
    }


def _parts(data: dict | None) -> dict[str, PartSums] | None:
    if not data:
        return None
    return {
        code: PartSums(
            {part: {f: _number(n) for f, n in cells.items()} for part, cells in b["sums"].items()}, b["reported"]
        )
        for code, b in data.items()
    }


def _shares(data: dict | None) -> tuple[dict[str, Shares] | None, int | None, str]:
    if not data:
        return None, None, ""
    shares = {
        level: Shares(s["expected"], s["counted"], {int(k): v for k, v in s["reached"].items()})
        for level, s in data["shares"].items()
    }
    return shares, data.get("own_level"), data.get("entry_level", "")


#: The columns a read takes, in the order of ``_figure``'s arguments (tuples: no model instance per row).
READ_COLUMNS = (
    "unit_id",
    "indicator_id",
    "value",
    "numerator",
    "denominator",
    "reached",
    "reported",
    "not_applicable",
    "expected",
    "rolled_up",
    "standard",
    "parts",
)


def _figure(row: tuple, measure: str) -> Figure:
    (
        unit_id,
        indicator_id,
        value,
        numerator,
        denominator,
        reached,
        reported,
        not_applicable,
        expected,
        rolled_up,
        std,
        parts,
    ) = row
    shares, own_level, entry = _shares(std)
    return Figure(
        unit_id=unit_id,
        indicator_id=indicator_id,
        measure=measure,
        value=_number(value),
        numerator=_number(numerator),
        denominator=_number(denominator),
        reached=reached,
        reported=reported,
        not_applicable=not_applicable,
        expected=expected,
        rolled_up=rolled_up,
        shares=shares,
        own_level=own_level,
        entry_level=entry,
        share_of=entry,
        parts=_parts(parts),
    )


def _stored_for(indicators: Sequence[Indicator], level: str) -> list[Indicator]:
    """The figures stored for a unit of ``level``: the indicators it shows (entered at its level or below); none
    for a commune, whose figures are its own values (read live, as cheaply as from this table)."""
    if level == Level.COMMUNE:
        return []
    rank = LEVEL_RANK[level]
    return [i for i in indicators if LEVEL_RANK[i.entry_level] >= rank]


def aggregates_read(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    approved_only: bool,
) -> dict[tuple[int, int], Figure] | None:
    """The figures ``rollup()`` would compute, from the stored ones, or None to roll up live.

    None for an open period (no query), communes (their figures are their values), or when a figure asked for
    is missing. A standard's figure comes back with its shares over every level (``reports.standards``), so that
    a target's level and units read it as they read a live one. Queries: one, plus the live roll-up of indicators
    entered above the anchors' level, if a caller asks for any.
    """
    if not period.is_closed or not anchors or not indicators:
        return None
    levels = {KIND_LEVEL[a.kind] for a in anchors}
    if Level.COMMUNE in levels:
        return None
    lowest = max(LEVEL_RANK[level] for level in levels)
    stored = [i for i in indicators if LEVEL_RANK[i.entry_level] >= lowest]
    own = [i for i in indicators if LEVEL_RANK[i.entry_level] < lowest]
    measures = {i.pk: i.measure for i in stored}
    figures: dict[tuple[int, int], Figure] = {}
    if stored:
        rows = Aggregate.objects.filter(
            period=period, approved_only=approved_only, unit__in=[a.pk for a in anchors], indicator__in=list(measures)
        ).values_list(*READ_COLUMNS)
        for row in rows:
            figures[(row[0], row[1])] = _figure(row, measures[row[1]])
        if len(figures) != len(anchors) * len(stored):
            return None  # not built (closed before the table existed, or the tree changed): live
    if own:
        figures.update(
            rollup(anchors=anchors, period=period, indicators=own, approved_only=approved_only, stored=False)
        )
    return figures


def aggregates_reported(*, unit: Unit, period: Period) -> list[int] | None:
    """The indicators with values in the unit's subtree for a closed period, from its stored roll-up (one small
    query instead of looking through the values); None when the period is open or its roll-up is not stored."""
    if not period.is_closed or unit.level == Level.COMMUNE:
        return None
    rows = list(
        Aggregate.objects.filter(period=period, approved_only=False, unit=unit).values_list("indicator_id", "reported")
    )
    return [indicator_id for indicator_id, reported in rows if reported] if rows else None


def _build(period: Period, units: Sequence[Unit], flavours=FLAVOURS) -> list[Aggregate]:
    """Every stored figure of these units, computed live: one ``rollup`` per depth, level, slice and flavour."""
    indicators = list(Indicator.objects.all())
    groups: dict[tuple[int, str], list[Unit]] = defaultdict(list)
    for unit in units:
        groups[(len(unit.path), KIND_LEVEL[unit.kind])].append(unit)
    now = timezone.now()
    rows: list[Aggregate] = []
    for (_depth, level), group in sorted(groups.items()):
        shown = _stored_for(indicators, level)
        if not shown:
            continue
        for start in range(0, len(group), SLICE):
            anchors = group[start : start + SLICE]
            for approved_only in flavours:
                figures = rollup(
                    anchors=anchors, period=period, indicators=shown, approved_only=approved_only, stored=False
                )
                rows.extend(_row(period, approved_only, f, now) for f in figures.values())
    return rows


@transaction.atomic
def aggregates_build(*, period: Period) -> int:
    """(Re)compute and store every rolled-up figure of a period; returns the number of figures stored."""
    units = list(Unit.objects.valid_on(period.reference_day).order_by("path"))
    rows = _build(period, units)
    Aggregate.objects.filter(period=period).delete()
    Aggregate.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def period_close(*, period: Period) -> int:
    """Close a period (nobody may change its values any more) and store its roll-up, in one transaction."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period.is_closed = True
    period.save(update_fields=["is_closed"])
    return aggregates_build(period=period)


@transaction.atomic
def period_reopen(*, period: Period) -> None:
    """Open a closed period again: its values may change, so its stored roll-up goes and reads are live."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period.is_closed = False
    period.save(update_fields=["is_closed"])
    Aggregate.objects.filter(period=period).delete()


def aggregates_follow(*, submission: Submission) -> None:
    """A report of a closed period was approved or reopened: the roll-up over approved reports of its unit and
    of the units above changes. Recompute those figures (inside the caller's transaction). The roll-up of a
    year takes its half-years' and quarters' values, so a sub-period's report refreshes its year too."""
    period = submission.period
    periods = [period]
    if period.kind != PeriodKind.YEAR:
        periods += list(Period.objects.filter(year=period.year, kind=PeriodKind.YEAR))
    for closed in [p for p in periods if p.is_closed]:
        units = [u for u in Unit.objects.ancestors_of(submission.unit, include_self=True) if u.is_valid_on(
            closed.reference_day)]  # fmt: skip
        rows = _build(closed, units, flavours=(True,))
        Aggregate.objects.filter(period=closed, approved_only=True, unit__in=[u.pk for u in units]).delete()
        Aggregate.objects.bulk_create(rows, batch_size=2000)


def aggregates_rebuild(*, period: Period | None = None) -> dict[str, int]:
    """Rebuild the stored roll-up of one closed period, or of every closed period (``aggregates_rebuild``)."""
    periods = [period] if period is not None else list(Period.objects.filter(is_closed=True).order_by("code"))
    return {p.code: aggregates_build(period=p) for p in periods if p.is_closed}
