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

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Substr

from indicators.breakdowns import breakdowns_of
from indicators.models import Indicator, Measure, PeriodAggregation, StandardThreshold
from plans.models import Period, PeriodKind
from reports.models import Submission, SubmissionStatus, Value
from reports.standards import Group, Shares, UpperUnit, share_level_for, standard_shares
from units.models import KIND_LEVEL, Unit, UnitArea, kinds_of_level

HUNDRED = Decimal(100)
#: Longer than any path's tail below a unit (four levels of treebeard's four-character steps at most).
SUBTREE_TAIL = 32


@dataclasses.dataclass(slots=True)
class PartSums:
    """One breakdown of a figure: each part's sums (``value`` or ``numerator``/``denominator``) and the
    number of units whose value gives the breakdown."""

    sums: dict[str, dict[str, Decimal | None]]
    reported: int = 0

    def percent(self, part: str) -> Decimal | None:
        cells = self.sums.get(part, {})
        numerator, denominator = cells.get("numerator"), cells.get("denominator")
        return numerator * HUNDRED / denominator if numerator is not None and denominator else None


@dataclasses.dataclass(slots=True)
class Figure:
    unit_id: int
    indicator_id: int
    measure: str
    value: Decimal | None = None  # count: the sum; ratio/standard: a percentage; status: the unit's own
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    reached: int | Decimal | None = None  # standards: entry-level units that reach it (weighted in a back-cast)
    reported: int = 0
    not_applicable: int = 0
    expected: int = 0
    rolled_up: bool = True  # False for a figure the unit entered itself
    # Standards (``reports.standards``): the shares over each level of units, the anchor's own level reached,
    # and which share ``value`` is (the units it is over, the standard's level).
    shares: dict[str, Shares] | None = None
    own_level: int | None = None
    entry_level: str = ""  # the level of the units that report the standard's own figures
    share_of: str = ""
    standard_level: int = 1
    backcast: bool = False  # computed from the legacy units a 2025 unit was formed from ("tính từ đơn vị cũ")
    #: Sums per part of the indicator's breakdowns (``indicators.breakdowns``): breakdown → part → field →
    #: Σ; ``reported`` beside each breakdown: the units whose value gives its parts.
    parts: dict[str, PartSums] | None = None
    estimated_share: Decimal | None = None  # of a back-cast figure, the percentage resting on estimated weights

    @property
    def completeness(self) -> Decimal | None:
        if not self.expected:
            return None
        return Decimal(self.reported) * HUNDRED / self.expected

    def standard(self, level: int | None = None, share_of: str | None = None) -> Figure:
        """A standard's figure as a share of the units of ``share_of`` (default: the entry level) that reach
        ``level`` (default 1): "x % of communes reach level 3", "x % of districts reach level 2". A level of units
        that no longer exists below the anchor (districts in the two-level structure) reads the level below it."""
        if self.shares is None:
            return self
        level = level or 1
        entry = self.entry_level
        of = share_level_for(share_of or entry, self.shares, entry)
        shares = self.shares[of]
        reached = shares.reached.get(level, 0)
        figure = dataclasses.replace(self, share_of=of, standard_level=level, reached=reached)
        figure.numerator, figure.denominator = Decimal(reached), Decimal(shares.counted)
        figure.value = shares.percent(level)
        if of != entry:  # completeness over the units the share counts
            figure.reported, figure.expected, figure.not_applicable = shares.counted, shares.expected, 0
        return figure


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
    return Value.objects.of_units().filter(period__in=sub_periods, indicator__in=[i.pk for i in indicators]).exists()


def _counts(mixed: bool, **filters: Q) -> dict[str, Count]:
    """The unit counts of an aggregate; distinct only when a unit can have several rows (summed sub-periods)."""
    return {name: Count("unit_id", distinct=mixed, filter=condition) for name, condition in filters.items()}


def effective_values(
    period: Period, indicators: Sequence[Indicator], *, sub_periods: bool = True, approved_only: bool = False
):
    """The values that stand for ``period``: its own, and for a year the sub-periods' where no yearly value exists."""
    base = Value.objects.of_units().filter(indicator__in=[i.pk for i in indicators])
    if approved_only:
        approved = Submission.objects.of_units().filter(
            unit=OuterRef("unit"), period=OuterRef("period"), status=SubmissionStatus.APPROVED
        )
        base = base.filter(Exists(approved))
    # ``period_id``: a period nobody has used yet is unsaved (``plans.periods.period_resolve``) and has no values.
    if period.kind != PeriodKind.YEAR or not sub_periods:
        return base.filter(period_id=period.pk)
    yearly = Value.objects.of_units().filter(
        unit=OuterRef("unit"), indicator=OuterRef("indicator"), period_id=period.pk
    )
    later = Value.objects.of_units().filter(
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


def rollup(
    *,
    anchors: Sequence[Unit],
    period: Period,
    indicators: Sequence[Indicator],
    approved_only: bool = False,
    stored: bool = True,
) -> dict[tuple[int, int], Figure]:
    """Figures for each anchor unit (all of one depth) and indicator, keyed by (unit id, indicator id).

    ``approved_only``: only the values of reports that the level above has approved. A closed period's figures
    are read from its stored roll-up (``reports.services.aggregates``) unless ``stored`` is False. Queries (live):
    the expected units, the sub-periods, one for counts, ratios and statuses, and for standards one for the typed
    ones, one per derived one, the districts and provinces, their thresholds. The figures of a unit formed after
    the period (a 2025 unit before the reform) come from ``reports.backcast``.
    """
    if not anchors or not indicators:
        return {}
    if stored:
        from reports.services.aggregates import aggregates_read

        found = aggregates_read(
            anchors=anchors,
            period=period,
            indicators=indicators,
            approved_only=approved_only,
        )
        if found is not None:
            return found
    depths = {len(a.path) for a in anchors}
    if len(depths) != 1:
        raise ValueError("anchors must share one depth")
    day = period.reference_day
    from reports import backcast  # the 2025 reform; it reads this module's helpers

    formed_later = [a for a in anchors if a.formed_after(day)]
    if formed_later:
        # Units formed after the period (the 2025 reform) are computed from their predecessors' values.
        figures = backcast.backcast_rollup(
            anchors=formed_later,
            period=period,
            indicators=indicators,
            approved_only=approved_only,
        )
        others = [a for a in anchors if not a.formed_after(day)]
        if others:
            figures.update(rollup(anchors=others, period=period, indicators=indicators, approved_only=approved_only))
        return figures
    prefix_len = depths.pop()
    paths = [a.path for a in anchors]

    typed = [i for i in indicators if i.measure in (Measure.COUNT, Measure.RATIO)]
    standards = [i for i in indicators if i.measure == Measure.STANDARD]
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

    sources = [Indicator(pk=i.source_id) for i in standards if i.source_id]
    measured = typed + statuses + [i for i in standards if not i.source_id] + sources
    mixed = sub_periods_in_use(period, measured) if measured else False
    if typed or statuses:
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
                **_counts(mixed, reported=None, na=Q(not_applicable=True)),
            )
            .order_by()
        )
        grouped = {(row["prefix"], row["indicator_id"]): row for row in rows}
        for anchor in anchors:
            for indicator in typed + statuses:
                figure = figures[(anchor.pk, indicator.pk)]
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
                elif indicator.measure == Measure.STATUS and not figure.rolled_up:
                    figure.value = row["sum_value"]
        divided = [i for i in typed if breakdowns_of(i)]
        if divided:
            _part_figures(figures, anchors, period, divided, mixed=mixed, approved_only=approved_only)
        if mixed:  # the year the reform cuts: the first half of the flows, entered by the legacy units
            backcast.add_first_half(
                figures, anchors=anchors, period=period, indicators=typed, approved_only=approved_only
            )
    if standards:
        _standard_figures(figures, anchors, period, standards, expected, mixed=mixed, approved_only=approved_only)
    return figures


def _part_figures(figures, anchors, period, indicators, *, mixed, approved_only) -> None:
    """Each part of the indicators' breakdowns summed over the anchors' entry-level units: one query."""
    day = period.reference_day
    prefix_len = len(anchors[0].path)
    names: dict[str, tuple[int, str, str, str]] = {}
    sums: dict = {}
    for indicator in indicators:
        fields = ("numerator", "denominator") if indicator.measure == Measure.RATIO else ("value",)
        for breakdown in breakdowns_of(indicator):
            has = f"h{len(names)}_{indicator.pk}"
            names[has] = (indicator.pk, breakdown.code, "", "")
            sums[has] = Count(
                "unit_id", distinct=mixed, filter=Q(indicator_id=indicator.pk, parts__has_key=breakdown.code)
            )
            for part in breakdown.parts:
                for field in fields:
                    name = f"p{len(names)}"
                    names[name] = (indicator.pk, breakdown.code, part.code, field)
                    cell = Cast(
                        KT(f"parts__{breakdown.code}__{part.code}__{field}"),
                        DecimalField(max_digits=20, decimal_places=6),
                    )
                    sums[name] = Sum(cell, filter=Q(indicator_id=indicator.pk))
    rows = (
        effective_values(period, indicators, sub_periods=mixed, approved_only=approved_only)
        .filter(_span("unit__path", [a.path for a in anchors]), _at_entry_level(indicators), not_applicable=False)
        .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day))
        .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day))
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix")
        .annotate(**sums)
        .order_by()
    )
    by_path = {a.path: a for a in anchors}
    for row in rows:
        anchor = by_path.get(row["prefix"])
        if anchor is None:
            continue
        for name, (indicator_id, code, part, field) in names.items():
            figure = figures[(anchor.pk, indicator_id)]
            if figure.parts is None:
                figure.parts = {}
            breakdown = figure.parts.setdefault(code, PartSums({}))
            if not part:
                breakdown.reported = row[name]
            else:
                breakdown.sums.setdefault(part, {})[field] = row[name]
    for figure in figures.values():
        if figure.parts:
            figure.parts = {code: b for code, b in figure.parts.items() if b.reported} or None


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


#: Paths of this length group the communes of a legacy district (root, province, district: three steps).
DISTRICT_PATH = 3 * Unit.steplen
UPPER_LEVELS = {"district", "province"}


def _standard_figures(figures, anchors, period, standards, expected, *, mixed, approved_only) -> None:
    """Fill the standards' figures: shares over each level of units and the anchors' own levels
    (``reports.standards``). Entry-level counts are read grouped by district (or by commune, below a district),
    so that the districts' and provinces' own conditions can be judged; a fixed number of queries."""
    paths = [a.path for a in anchors]
    prefix_len = len(paths[0])
    group_len = max(prefix_len, DISTRICT_PATH)
    day = period.reference_day
    valid = Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=day)
    valid &= Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=day)
    thresholds: dict[int, dict[str, dict[int, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    #: indicator → area category → (the ratio it is judged on, standard level → minimum): the entry level's
    #: thresholds of an area category (NĐ 20/2014/NĐ-CP: especially difficult communes).
    by_area: dict[int, dict[int, tuple[int | None, dict[int, Decimal]]]] = defaultdict(dict)
    for t in StandardThreshold.objects.filter(indicator__in=[i.pk for i in standards]).order_by("area_category_id"):
        if t.area_category_id is None:
            thresholds[t.indicator_id][t.level][t.standard_level] = t.min_percent
            continue
        source_id, levels = by_area[t.indicator_id].get(t.area_category_id, (None, {}))
        levels[t.standard_level] = t.min_percent
        by_area[t.indicator_id][t.area_category_id] = (t.area_source_id or source_id, levels)
    uppers = [
        UpperUnit(path, KIND_LEVEL[kind])
        for path, kind in Unit.objects.filter(_span("path", paths), kind__in=[
            k for level in UPPER_LEVELS for k in kinds_of_level(level)
        ]).valid_on(day).values_list("path", "kind")
    ]  # fmt: skip

    rows: dict[int, list[dict]] = defaultdict(list)
    typed = [i for i in standards if not i.source_id]
    if typed:
        levels = range(1, max(i.max_level for i in typed) + 1)
        for row in (
            effective_values(period, typed, sub_periods=mixed, approved_only=approved_only)
            .filter(_span("unit__path", paths), _at_entry_level(typed), valid)
            .annotate(prefix=Substr("unit__path", 1, group_len))
            .values("prefix", "indicator_id")
            .annotate(
                **_counts(
                    mixed,
                    reported=None,
                    na=Q(not_applicable=True),
                    counted=Q(not_applicable=False, value__isnull=False),
                    **{f"r{n}": Q(value__gte=n, not_applicable=False) for n in levels},
                )
            )
            .order_by()
        ):
            rows[row["indicator_id"]].append(row)
    for indicator in (i for i in standards if i.source_id):
        # A derived standard: the level whose threshold at the entry level the source ratio passes.
        entry = thresholds[indicator.pk].get(indicator.entry_level, {})
        judged, passes = _derived_passes(indicator, entry, by_area.get(indicator.pk, {}), day)
        sources = [
            Indicator(pk=pk, period_aggregation=PeriodAggregation.LATEST)
            for pk in {indicator.source_id, *(src for src, _levels in by_area.get(indicator.pk, {}).values() if src)}
        ]
        for row in (
            effective_values(period, sources, sub_periods=mixed, approved_only=approved_only)
            .filter(_span("unit__path", paths), valid, judged, unit__kind__in=kinds_of_level(indicator.entry_level))
            .annotate(prefix=Substr("unit__path", 1, group_len))
            .values("prefix")
            .annotate(
                **_counts(
                    mixed,
                    reported=None,
                    na=Q(not_applicable=True),
                    counted=Q(not_applicable=False, denominator__gt=0),
                    **passes,
                )
            )
            .order_by()
        ):
            rows[indicator.pk].append(row)

    for indicator in standards:
        groups = [
            Group(
                row["prefix"],
                row["counted"],
                {int(k[1:]): v for k, v in row.items() if k[:1] == "r" and k[1:].isdigit()},
            )
            for row in rows[indicator.pk]
        ]
        by_anchor = standard_shares(
            groups=groups,
            anchors=paths,
            uppers=uppers,
            entry_level=indicator.entry_level,
            expected_entry={p: expected.get((p, indicator.entry_level), 0) for p in paths},
            thresholds=thresholds[indicator.pk],
        )
        reported: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in rows[indicator.pk]:
            totals = reported[row["prefix"][:prefix_len]]
            totals[0] += row["reported"]
            totals[1] += row["na"]
        for anchor in anchors:
            figure = figures[(anchor.pk, indicator.pk)]
            figure.shares, figure.own_level = by_anchor[anchor.path]
            figure.entry_level = indicator.entry_level
            figure.reported, figure.not_applicable = reported[anchor.path]
            standard = figure.standard(1, indicator.entry_level)
            figure.value, figure.numerator, figure.denominator = (
                standard.value,
                standard.numerator,
                standard.denominator,
            )
            figure.reached, figure.share_of = standard.reached, standard.share_of


def _derived_passes(indicator: Indicator, entry: dict[int, Decimal], areas: dict, day) -> tuple[Q, dict[str, Q]]:
    """The rows a derived standard is judged on and, per level, when a row passes (filters of the one query).

    A unit that belongs on ``day`` to an area category with thresholds of its own is judged on that category's
    ratio and minimums (the first category by id when it belongs to several), any other unit on the general
    ones; each unit is judged on one row, so the counts stay counts of units."""

    def passing(minimum: Decimal) -> Q:
        return Q(not_applicable=False, denominator__gt=0, numerator__gte=F("denominator") * minimum / HUNDRED)

    judged = Q(indicator_id=indicator.source_id)
    passes = {f"r{n}": passing(minimum) for n, minimum in entry.items()}
    if not areas:
        return judged, passes
    general = Q(indicator_id=indicator.source_id)
    rules: list[tuple[Q, dict[int, Decimal]]] = []
    earlier = Q()
    for category_id, (source_id, levels) in sorted(areas.items()):
        member = Q(Exists(UnitArea.objects.valid_on(day).filter(unit=OuterRef("unit"), category=category_id)))
        general &= ~member
        rules.append((Q(indicator_id=source_id or indicator.source_id) & member & earlier, levels))
        earlier &= ~member
    judged = general
    for condition, _levels in rules:
        judged |= condition
    passes = {}
    for n in sorted({*entry, *(n for _c, levels in rules for n in levels)}):
        q = general & passing(entry[n]) if n in entry else Q(pk__in=[])
        for condition, levels in rules:
            minimum = levels.get(n, entry.get(n))
            if minimum is not None:
                q |= condition & passing(minimum)
        passes[f"r{n}"] = q
    return judged, passes


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
