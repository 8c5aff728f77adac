"""Roll-up: the figures of upper units computed from the values of their entry-level descendants.

Set-based: for a group of units of one depth (a unit, or all children of a unit, or all provinces) the
values are grouped in SQL by the path prefix of that depth, so the number of queries depends on the
number of depths asked for, never on the number of units or indicators.

- count:    Σ value over the entry-level units;
- ratio:    Σ numerator / Σ denominator (never an average of percentages);
- standard: the count of entry-level units that reach the standard (or a level) and their share of the
            units that reported; a derived standard is reached when the source ratio passes the
            entry-level threshold (``StandardThreshold``);
- status:   not rolled up (a unit's own status only).

Beside each figure: ``reported`` (units with a value or "nothing to report") and ``expected`` (entry-level
units of the subtree valid on the period's reference day), i.e. completeness.

Periods within a year: for a yearly period, a unit's values of the half-years or quarters of that year
are used when it has no yearly value: summed for flows, the latest for stocks.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Substr

from indicators.models import Indicator, Measure, PeriodAggregation, StandardThreshold
from plans.models import Period, PeriodKind
from reports.models import Submission, SubmissionStatus, Value
from units.models import KIND_LEVEL, Unit, kinds_of_level

HUNDRED = Decimal(100)
#: Longer than any path's tail below a unit (four levels of treebeard's four-character steps at most).
SUBTREE_TAIL = 32


@dataclasses.dataclass(slots=True)
class Figure:
    unit_id: int
    indicator_id: int
    measure: str
    value: Decimal | None = None  # count: the sum; ratio/standard: a percentage; status: the unit's own
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    reached: int | None = None  # standards: entry-level units that reach the standard
    reported: int = 0
    not_applicable: int = 0
    expected: int = 0
    rolled_up: bool = True  # False for a figure the unit entered itself

    @property
    def completeness(self) -> Decimal | None:
        if not self.expected:
            return None
        return Decimal(self.reported) * HUNDRED / self.expected


def sub_periods_in_use(period: Period, indicators: Sequence[Indicator]) -> bool:
    """Whether any half-year or quarter values of this year exist for these indicators (one or two cheap queries).

    Most years are entered as years: then the roll-up reads one row per unit and indicator and needs
    neither the sub-period subqueries nor COUNT(DISTINCT), which cost PostgreSQL a sort of every row.
    """
    if period.kind != PeriodKind.YEAR:
        return False
    # The year's sub-periods first (a tiny table): most years have none, and then no value is read. Asked in
    # one query with the values, PostgreSQL scanned every value of the indicators to find nothing (30 ms in
    # a national data set, four times per roll-up page).
    sub_periods = list(
        Period.objects.filter(year=period.year).exclude(kind=PeriodKind.YEAR).values_list("pk", flat=True)
    )
    if not sub_periods:
        return False
    return Value.objects.filter(period__in=sub_periods, indicator__in=[i.pk for i in indicators]).exists()


def _counts(mixed: bool, **filters: Q) -> dict[str, Count]:
    """The unit counts of an aggregate; distinct only when a unit can have several rows (summed sub-periods)."""
    return {name: Count("unit_id", distinct=mixed, filter=condition) for name, condition in filters.items()}


def effective_values(
    period: Period, indicators: Sequence[Indicator], *, sub_periods: bool = True, approved_only: bool = False
):
    """The values that stand for ``period``: its own, and for a year the sub-periods' where no yearly value exists."""
    base = Value.objects.filter(indicator__in=[i.pk for i in indicators])
    if approved_only:
        approved = Submission.objects.filter(
            unit=OuterRef("unit"), period=OuterRef("period"), status=SubmissionStatus.APPROVED
        )
        base = base.filter(Exists(approved))
    # ``period_id``: a period nobody has used yet is unsaved (``plans.periods.period_resolve``) and has no values.
    if period.kind != PeriodKind.YEAR or not sub_periods:
        return base.filter(period_id=period.pk)
    yearly = Value.objects.filter(unit=OuterRef("unit"), indicator=OuterRef("indicator"), period_id=period.pk)
    later = Value.objects.filter(
        unit=OuterRef("unit"),
        indicator=OuterRef("indicator"),
        period__year=period.year,
        period__kind=OuterRef("period__kind"),
        period__number__gt=OuterRef("period__number"),
    )
    flows = [i.pk for i in indicators if i.period_aggregation == PeriodAggregation.SUM]
    sub = base.filter(period__year=period.year).exclude(period__kind=PeriodKind.YEAR).filter(~Exists(yearly))
    sub = sub.filter(Q(indicator__in=flows) | ~Exists(later))
    return base.filter(period_id=period.pk) | sub


def _expected_counts(paths: Sequence[str], prefix_len: int, day, levels: Iterable[str]) -> dict[tuple[str, str], int]:
    kinds = [kind for level in set(levels) for kind in kinds_of_level(level)]
    rows = (
        Unit.objects.filter(_span("path", paths), kind__in=kinds)
        .valid_on(day)
        .annotate(prefix=Substr("path", 1, prefix_len))
        .values("prefix", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["prefix"], KIND_LEVEL[row["kind"]])] += row["n"]
    return counts


def _entry_thresholds(indicators: Sequence[Indicator]) -> dict[int, Decimal]:
    """The entry-level threshold (level 1) of each derived standard, keyed by the standard's id."""
    derived = {i.pk: i for i in indicators if i.source_id}
    thresholds = {}
    for t in StandardThreshold.objects.filter(indicator__in=list(derived), standard_level=1):
        if t.level == derived[t.indicator_id].entry_level:
            thresholds[t.indicator_id] = t.min_percent
    return thresholds


def rollup(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    standard_level: int = 1,
    approved_only: bool = False,
    stored: bool = True,
) -> dict[tuple[int, int], Figure]:
    """Figures for each anchor unit (all of one depth) and indicator, keyed by (unit id, indicator id).

    ``approved_only``: only the values of reports that the level above has approved. A closed period's figures
    are read from its stored roll-up (``reports.services.aggregates``) unless ``stored`` is False.
    """
    if not anchors or not indicators:
        return {}
    if stored:
        from reports.services.aggregates import aggregates_read

        found = aggregates_read(
            anchors=anchors,
            period=period,
            indicators=indicators,
            standard_level=standard_level,
            approved_only=approved_only,
        )
        if found is not None:
            return found
    depths = {len(a.path) for a in anchors}
    if len(depths) != 1:
        raise ValueError("anchors must share one depth")
    prefix_len = depths.pop()
    paths = [a.path for a in anchors]
    day = period.reference_day

    typed = [i for i in indicators if not i.source_id and i.measure != Measure.STATUS]
    derived = [i for i in indicators if i.source_id]
    statuses = [i for i in indicators if i.measure == Measure.STATUS]
    figures: dict[tuple[int, int], Figure] = {}

    expected = _expected_counts(paths, prefix_len, day, [i.entry_level for i in indicators])

    def blank(anchor: Unit, indicator: Indicator) -> Figure:
        figure = Figure(anchor.pk, indicator.pk, indicator.measure)
        figure.expected = expected.get((anchor.path, indicator.entry_level), 0)
        figure.rolled_up = KIND_LEVEL[anchor.kind] != indicator.entry_level
        return figure

    for anchor in anchors:
        for indicator in indicators:
            figures[(anchor.pk, indicator.pk)] = blank(anchor, indicator)

    measured = typed + [Indicator(pk=i.source_id) for i in derived] + statuses
    if measured:
        mixed = sub_periods_in_use(period, measured)
        rows = (
            effective_values(period, measured, sub_periods=mixed, approved_only=approved_only)
            .filter(_span("unit__path", paths), _at_entry_level(typed + statuses))
            .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day))
            .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day))
            .annotate(prefix=Substr("unit__path", 1, prefix_len))
            .values("prefix", "indicator_id")
            .annotate(
                sum_value=Sum("value"),
                sum_num=Sum("numerator"),
                sum_den=Sum("denominator"),
                **_counts(
                    mixed,
                    reported=None,
                    na=Q(not_applicable=True),
                    reached=Q(value__gte=standard_level, not_applicable=False),
                    with_value=Q(not_applicable=False, value__isnull=False),
                ),
            )
            .order_by()
        )
        grouped = {(row["prefix"], row["indicator_id"]): row for row in rows}
        thresholds = _entry_thresholds(derived)
        derived_rows = (
            _derived_reached(period, derived, thresholds, paths, prefix_len, day, mixed, approved_only)
            if derived
            else {}
        )
        for anchor in anchors:
            for indicator in indicators:
                figure = figures[(anchor.pk, indicator.pk)]
                if indicator.source_id:
                    row = derived_rows.get((anchor.path, indicator.pk))
                    if row:
                        _fill_standard(figure, row)
                    continue
                row = grouped.get((anchor.path, indicator.pk))
                if row is None:
                    continue
                figure.reported, figure.not_applicable = row["reported"], row["na"]
                if indicator.measure == Measure.COUNT:
                    figure.value = row["sum_value"]
                elif indicator.measure == Measure.RATIO:
                    figure.numerator, figure.denominator = row["sum_num"], row["sum_den"]
                    if row["sum_den"]:
                        figure.value = row["sum_num"] * HUNDRED / row["sum_den"]
                elif indicator.measure == Measure.STANDARD:
                    _fill_standard(figure, row)
                elif indicator.measure == Measure.STATUS and not figure.rolled_up:
                    figure.value = row["sum_value"]
    return figures


def _at_entry_level(indicators: Sequence[Indicator]) -> Q:
    """Only values entered at their indicator's entry level. The write path refuses any other (``values_record``);
    this second guard keeps a stray one (an old admin edit, a restored dump) from counting twice."""
    by_level: dict[str, list[int]] = defaultdict(list)
    for indicator in indicators:
        by_level[indicator.entry_level].append(indicator.pk)
    q = Q()
    for level, ids in by_level.items():
        q |= Q(indicator__in=ids, unit__kind__in=kinds_of_level(level))
    return q


def _fill_standard(figure: Figure, row: dict) -> None:
    figure.reported, figure.not_applicable = row["reported"], row["na"]
    figure.reached = row["reached"]
    figure.numerator, figure.denominator = Decimal(row["reached"]), Decimal(row["with_value"])
    if row["with_value"]:
        figure.value = Decimal(row["reached"]) * HUNDRED / row["with_value"]


def _derived_reached(
    period, derived, thresholds, paths, prefix_len, day, mixed, approved_only
) -> dict[tuple[str, int], dict]:
    """Per anchor prefix and derived standard: entry-level units whose source ratio passes the threshold.

    One query per derived standard in the catalogue (a handful), independent of the number of units.
    """
    result = {}
    for indicator in derived:
        threshold = thresholds.get(indicator.pk)
        if threshold is None:
            continue
        passes = Q(not_applicable=False, denominator__gt=0, numerator__gte=F("denominator") * threshold / HUNDRED)
        rows = (
            effective_values(
                period,
                [Indicator(pk=indicator.source_id, period_aggregation=PeriodAggregation.LATEST)],
                sub_periods=mixed,
                approved_only=approved_only,
            )
            .filter(_span("unit__path", paths), unit__kind__in=kinds_of_level(indicator.entry_level))
            .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day))
            .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day))
            .annotate(prefix=Substr("unit__path", 1, prefix_len))
            .values("prefix")
            .annotate(
                **_counts(
                    mixed,
                    reported=None,
                    na=Q(not_applicable=True),
                    reached=passes,
                    with_value=Q(not_applicable=False, denominator__gt=0),
                ),
            )
            .order_by()
        )
        for row in rows:
            result[(row["prefix"], indicator.pk)] = row
    return result


def _span(field: str, paths: Sequence[str]) -> Q:
    """Rows under the anchors only: below their common prefix and between the first anchor's path and the
    end of the last one's subtree. A slice of the communes of two provinces then reads those communes, not
    every commune under the common prefix (the whole country). Paths use the alphabet 0-9A-Z, so every path
    of the last anchor's subtree sorts at or before that path followed by Z's."""
    common = _common_prefix(list(paths), Unit.steplen)
    span = Q(**{f"{field}__startswith": common})
    first, last = min(paths), max(paths)
    if first != common or last != common:
        span &= Q(**{f"{field}__gte": first, f"{field}__lte": last + "Z" * SUBTREE_TAIL})
    return span


def _common_prefix(paths: list[str], steplen: int) -> str:
    first = min(paths)
    last = max(paths)
    i = 0
    while i < len(first) and i < len(last) and first[i] == last[i]:
        i += 1
    return first[: i - i % steplen]
