"""Figures of the 2025 units for periods before the reform, computed from their predecessors' values.

A unit formed on 1/7/2025 (``Unit.formed_after``) has no values of its own for 2021-2024 or for the first half
of 2025: the legacy units it was formed from entered them. Its figure for such a period is computed on read,
never stored, from those values and the weights of the lineage (``units.Lineage``, ``units.lineage``):

- count:    Σ value × weight over the predecessors;
- ratio:    Σ numerator × weight / Σ denominator × weight;
- standard: the predecessors of the unit's own level (the legacy communes of a 2025 commune, the legacy
            provinces of a new province) are rolled up directly, with the standards of NĐ 20/2014 at every level
            (``reports.rollup``, ``reports.standards``), and their shares added up by their weights: at each level
            of units (communes, districts, provinces) Σ weight × units with a figure, Σ weight × units reaching
            each level. So "x % of the communes (districts) reach level n" reads as the weighted share of the
            predecessor units that did, and ``Figure.standard`` picks a target's share as for any unit;
- status:   a unit's own state, not computed.

Because every predecessor's weights sum to exactly 1 and a legacy unit went to successors in one 2025
province (true of the whole package: no commune crossed a province line), a 2025 province's figure is the sum
of its legacy provinces' figures, and the country's is the same in both trees. ``reported``/``expected`` count
the predecessor units at the indicator's entry level (valid on the period's reference day), each once, at the
2025 unit that took the largest part of it (``Lineage.primary``): a divided commune counts in one of its new
communes, and the counts add up in both trees. Each figure is marked ``backcast`` ("tính từ đơn vị cũ") and
carries ``estimated_share``: the percentage of it that rests on estimated weights (a commune divided equally
between several new communes, a district shared by its number of communes), by value for counts, by
denominator for ratios and by weighted units for standards.

Set-based like ``reports.rollup``: counts and ratios are joined to the lineage and grouped by the path prefix of
the anchors' depth, one query per measure (each reads back only the sums it needs); standards are one direct
roll-up of the predecessors and one query for their links. ``backcast_rollup`` runs the expected units (1),
whether the year has sub-periods (1, or 2 when it has), one query per measure among counts and ratios, and for
standards the links (1) and the queries of ``rollup()`` for the standards: a fixed number, whatever the number
of units or indicators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, ExpressionWrapper, F, OuterRef, Q, Sum
from django.db.models.functions import Substr

from indicators.models import Indicator, Measure, PeriodAggregation
from plans.models import Period, PeriodKind
from reports.models import Submission, SubmissionStatus, Value
from reports.rollup import HUNDRED, Figure, _at_entry_level, _span, effective_values, rollup, sub_periods_in_use
from reports.standards import Shares
from units.lineage import WEIGHT_PLACES
from units.models import ESTIMATED_METHODS, KIND_LEVEL, LEVEL_RANK, REFORM_DAY, Lineage, Unit, kinds_of_level

#: Figures keep the places of an entered value (a value times a weight has twelve; SQLite sums them as floats).
PLACES = Decimal(1).scaleb(-WEIGHT_PLACES)
LINK = "unit__successor_links"
SUCCESSOR_PATH = f"{LINK}__successor__path"
WEIGHT = f"{LINK}__weight"
#: The link a predecessor is counted at as a unit (reported, not applicable).
COUNTED = Q(**{f"{LINK}__primary": True})
#: Links whose weight is an estimate.
ESTIMATED = Q(**{f"{LINK}__method__in": ESTIMATED_METHODS})
EXACT = DecimalField(max_digits=30, decimal_places=WEIGHT_PLACES)


def _weighted(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(field) * F(WEIGHT), output_field=EXACT)


def _exact(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(PLACES)


def _share(part, whole) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (None without a whole)."""
    if whole is None or not Decimal(whole):
        return None
    return (Decimal(part or 0) * HUNDRED / Decimal(whole)).quantize(PLACES)


def values_feeding(unit: Unit, period: Period) -> Q:
    """The values (a ``Value`` filter) a unit's figure of a period is computed from: its subtree's, and for a
    unit formed after the period those of the legacy units linked into its subtree."""
    subtree = Q(unit__path__startswith=unit.path)
    if not unit.formed_after(period.reference_day):
        return subtree
    return subtree | Q(**{f"{SUCCESSOR_PATH}__startswith": unit.path})


def _predecessor_values(period: Period, indicators: Sequence[Indicator], *, mixed: bool, approved_only: bool, paths):
    """The values of the legacy units valid on the period's reference day, joined to their links into ``paths``."""
    day = period.reference_day
    return (
        effective_values(period, indicators, sub_periods=mixed, approved_only=approved_only)
        .filter(_span(SUCCESSOR_PATH, paths), _at_entry_level(indicators))
        .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day))
        .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day))
    )


def backcast_rollup(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    approved_only: bool = False,
) -> dict[tuple[int, int], Figure]:
    """Figures of units formed after ``period`` (all of one depth), keyed by (unit id, indicator id).

    An indicator entered above the anchors' level (a district's title for a 2025 commune) gets an empty figure,
    as a direct roll-up gives one.
    """
    prefix_len = len(anchors[0].path)
    paths = [a.path for a in anchors]
    rank = LEVEL_RANK[KIND_LEVEL[anchors[0].kind]]
    usable = [i for i in indicators if LEVEL_RANK[i.entry_level] >= rank]
    typed = [i for i in usable if i.measure in (Measure.COUNT, Measure.RATIO)]
    standards = [i for i in usable if i.measure == Measure.STANDARD]
    usable_ids = {i.pk for i in usable}

    expected = _expected_counts(paths, prefix_len, period, {i.entry_level for i in typed})
    figures: dict[tuple[int, int], Figure] = {}
    kinds = [(i.pk, i.measure, i.entry_level if i.pk in usable_ids else None) for i in indicators]
    for anchor_pk, path in ((a.pk, a.path) for a in anchors):
        for indicator_pk, measure, level in kinds:
            figure = Figure(anchor_pk, indicator_pk, measure, backcast=True)
            if level is not None:
                figure.expected = expected.get((path, level), 0)
            figures[(anchor_pk, indicator_pk)] = figure

    if typed:
        mixed = sub_periods_in_use(period, typed)
        by_path = {a.path: a.pk for a in anchors}
        # One query per measure, each with the sums that measure needs (fewer columns to read back).
        for measure in (Measure.COUNT, Measure.RATIO):
            group = [i for i in typed if i.measure == measure]
            if not group:
                continue
            for row in (
                _predecessor_values(period, group, mixed=mixed, approved_only=approved_only, paths=paths)
                .annotate(prefix=Substr(SUCCESSOR_PATH, 1, prefix_len))
                .values("prefix", "indicator_id")
                .annotate(**_sums(measure), **_unit_counts(mixed))
                .order_by()
            ):
                _fill(figures[(by_path[row["prefix"]], row["indicator_id"])], row)
    if standards:
        _standard_figures(figures, anchors, period, standards, approved_only=approved_only)
    return figures


def _sums(measure: str) -> dict[str, Sum]:
    """The weighted sums of a measure, and the part of them resting on estimated weights (``estimated``)."""
    if measure == Measure.COUNT:
        return {"sum_value": Sum(_weighted("value")), "estimated": Sum(_weighted("value"), filter=ESTIMATED)}
    return {
        "sum_numerator": Sum(_weighted("numerator")),
        "sum_denominator": Sum(_weighted("denominator")),
        "estimated": Sum(_weighted("denominator"), filter=ESTIMATED),
    }


def _standard_figures(figures, anchors, period, standards, *, approved_only) -> None:
    """Standards: the predecessors of the anchors' own level rolled up directly, their shares added by weight."""
    links = list(
        Lineage.objects.filter(
            _span("successor__path", [a.path for a in anchors]),
            successor__depth=anchors[0].depth,
            predecessor__kind__in=kinds_of_level(anchors[0].level),
        )
        .select_related("predecessor")
        .order_by("predecessor__path")
    )
    predecessors = list({link.predecessor_id: link.predecessor for link in links}.values())
    direct = rollup(anchors=predecessors, period=period, indicators=standards, approved_only=approved_only)
    by_anchor: dict[int, list[Lineage]] = defaultdict(list)
    for link in links:
        by_anchor[link.successor_id].append(link)
    for anchor in anchors:
        for indicator in standards:
            figure = figures[(anchor.pk, indicator.pk)]
            shares: dict[str, Shares] = {}
            estimated = Decimal(0)
            for link in by_anchor[anchor.pk]:
                part = direct[(link.predecessor_id, indicator.pk)]
                for level, share in (part.shares or {}).items():
                    total = shares.setdefault(level, Shares())
                    total.counted += share.counted * link.weight
                    for n, reached in share.reached.items():
                        total.reached[n] = total.reached.get(n, 0) + reached * link.weight
                    if link.primary:  # a unit is expected and reported once, where it is counted
                        total.expected += share.expected
                if link.primary:
                    figure.reported += part.reported
                    figure.not_applicable += part.not_applicable
                if link.estimated and part.shares:
                    estimated += part.shares[indicator.entry_level].counted * link.weight
            if not shares:
                continue
            for share in shares.values():
                share.counted = _tidy(share.counted)
                share.reached = {n: _tidy(reached) for n, reached in share.reached.items()}
            figure.shares = shares
            figure.expected = shares.get(indicator.entry_level, Shares()).expected
            standard = figure.standard(1, indicator.entry_level)
            figure.value, figure.numerator, figure.denominator = (
                standard.value,
                standard.numerator,
                standard.denominator,
            )
            figure.reached, figure.share_of = standard.reached, standard.share_of
            if indicator.entry_level in shares:
                figure.estimated_share = _share(estimated, shares[indicator.entry_level].counted)


def _tidy(number):
    """A weighted count as an integer when it is one (whole weights), else the exact decimal."""
    number = _exact(number)
    return int(number) if number == number.to_integral_value() else number


def add_first_half(
    figures: dict[tuple[int, int], Figure],
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    approved_only: bool = False,
) -> None:
    """The year the reform cuts (2025): add to the flows of units without a yearly value the part of the year their
    predecessors entered before 1/7/2025.

    The yearly period's reference day (14/12/2025) is after the reform, so the year is entered by the 2025 units,
    for the whole year; a unit that entered the year gets nothing added. A unit that reported only its half-years
    or quarters has the second half (its own values, ``reports.rollup``); the first half of a flow (``SUM``: classes
    held, ...) was entered by the legacy units (2025S1, 2025Q1, 2025Q2) and is added here, by the lineage weights.
    Stocks take the latest value, the unit's own. One query for the first-half periods, one for the values
    (none when the year is not cut or has no flow asked for).
    """
    flows = [
        i
        for i in indicators
        if i.measure == Measure.COUNT and i.period_aggregation == PeriodAggregation.SUM and not i.source_id
    ]
    if not flows or period.kind != PeriodKind.YEAR or not period.window_start < REFORM_DAY <= period.reference_day:
        return
    halves = list(Period.objects.filter(year=period.year, window_end__lt=REFORM_DAY).exclude(kind=PeriodKind.YEAR))
    if not halves:
        return
    prefix_len = len(anchors[0].path)
    yearly = Value.objects.of_units().filter(
        unit=OuterRef(f"{LINK}__successor"), indicator=OuterRef("indicator"), period_id=period.pk
    )
    values = Value.objects.of_units().filter(indicator__in=flows, period__in=halves, not_applicable=False)
    if approved_only:
        approved = Submission.objects.of_units().filter(
            unit=OuterRef("unit"), period=OuterRef("period"), status=SubmissionStatus.APPROVED
        )
        values = values.filter(Exists(approved))
    rows = (
        values.filter(_span(SUCCESSOR_PATH, [a.path for a in anchors]))
        .filter(~Exists(yearly))
        .annotate(prefix=Substr(SUCCESSOR_PATH, 1, prefix_len))
        .values("prefix", "indicator_id")
        .annotate(
            sum_value=Sum(_weighted("value")),
            estimated_value=Sum(_weighted("value"), filter=ESTIMATED),
        )
        .order_by()
    )
    by_path = {a.path: a for a in anchors}
    for row in rows:
        figure = figures[(by_path[row["prefix"]].pk, row["indicator_id"])]
        added = _exact(row["sum_value"])
        if not added:
            continue
        own = figure.value or Decimal(0)
        figure.value = own + added
        figure.backcast = True
        figure.estimated_share = _share(row["estimated_value"], figure.value)


def _unit_counts(mixed: bool) -> dict[str, Count]:
    """Reported and "nothing to report" predecessors, each at its primary link; distinct only when a unit can
    have several rows (summed sub-periods): COUNT(DISTINCT) makes PostgreSQL sort every row."""
    return {
        "reported": Count("unit_id", distinct=mixed, filter=COUNTED),
        "na": Count("unit_id", distinct=mixed, filter=COUNTED & Q(not_applicable=True)),
    }


def _fill(figure: Figure, row: dict) -> None:
    figure.reported, figure.not_applicable = row["reported"], row["na"]
    if figure.measure == Measure.COUNT:
        figure.value = _exact(row["sum_value"])
        figure.estimated_share = _share(row["estimated"], figure.value) if figure.value is not None else None
    else:
        figure.numerator, figure.denominator = _exact(row["sum_numerator"]), _exact(row["sum_denominator"])
        if figure.denominator:
            figure.value = figure.numerator * HUNDRED / figure.denominator
            figure.estimated_share = _share(row["estimated"], figure.denominator)


def _expected_counts(paths, prefix_len: int, period: Period, levels) -> dict[tuple[str, str], int]:
    """Legacy units of the entry levels, valid on the period's reference day, counted at their primary link."""
    if not levels:
        return {}
    kinds = [kind for level in levels for kind in kinds_of_level(level)]
    rows = (
        Unit.objects.filter(
            _span("successor_links__successor__path", paths), successor_links__primary=True, kind__in=kinds
        )
        .valid_on(period.reference_day)
        .annotate(prefix=Substr("successor_links__successor__path", 1, prefix_len))
        .values("prefix", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["prefix"], KIND_LEVEL[row["kind"]])] += row["n"]
    return counts
