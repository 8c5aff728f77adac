"""Demo results: Dữ liệu mẫu (ngẫu nhiên) — synthetic figures, not real statistics.

The units and periods are data (``demo/results.yaml``): every commune of Hà Nội in the three-level structure
(code "01") and the three communes that formed Xã Vạn Linh (Y Tịch among them) get a value for 2021-2024, the
units of the 2025 structure (Hà Nội's 126 communes, Vạn Linh) for 2025 and 2026, carrying on from the 2024
values of the communes they were formed from (by the lineage weights), except the periods left for a demo
account to enter (Cổ Đô's 2026). A group's indicators are those entered at commune level that a plan of the
unit's ancestors (or the unit itself) targets; when no such plan has targets yet, every commune-level
indicator; a 2025 commune carries on the indicators its former communes had. The values are
drawn from ``random.Random(seed)``, so a seed always gives the same figures, and are written with
``entry_path = EntryPath.DEMO`` and the comment "Dữ liệu mẫu (ngẫu nhiên)" so that nobody mistakes them
for reported results (and they can be deleted with one filter).

- ratios: a plausible denominator (families 500-3000, people 2,000-12,000, villages 4-20, ...) and a
  numerator whose rate starts below the plan's target and climbs towards it year by year, with noise;
- standards (and statuses): 0 or the level reached, more units reaching it each year, none falling back;
- counts: small integers.

Written in batches of 2,000 rows and one statement for the history rows (django-simple-history, one
"created" row per value as every write path leaves): a couple of seconds for all of Hà Nội. Idempotent: a
(unit, period) that already has demo values is skipped, and a value someone entered is never overwritten.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from core.datafiles import data_file_read, record_check
from indicators.models import Indicator, Measure, PeriodAggregation
from plans.models import Target
from plans.periods import period_get_or_create
from reports.models import EntryPath, Value
from units.models import REFORM_DAY, Level, Lineage, Structure, Unit, kinds_of_level

DEMO_COMMENT = "Dữ liệu mẫu (ngẫu nhiên)"
DEMO_PERIODS = ("2021", "2022", "2023", "2024")
#: Which units get values for which periods, in which structure.
GROUPS_FILE = Path(__file__).resolve().parent / "results.yaml"
REFORM_YEAR = REFORM_DAY.year
BATCH_SIZE = 2000
DEFAULT_TARGET = Decimal(70)

#: Plausible denominators of the ratios, by words of the indicator's denominator label (first match wins).
DENOMINATORS: list[tuple[str, tuple[int, int]]] = [
    ("hộ gia đình", (500, 3000)),
    ("dòng họ", (5, 40)),
    ("thôn", (4, 20)),
    ("tổ chức, cơ quan", (5, 30)),
    ("trung tâm học tập", (1, 3)),
    ("cơ sở giáo dục", (3, 12)),
    ("công tác khuyến học", (3, 10)),
    ("hội viên", (50, 400)),
    ("trong đơn vị học tập", (100, 800)),
    ("cán bộ", (15, 40)),
    ("công chức", (15, 40)),
    ("công nhân", (100, 2000)),
    ("lao động nông thôn", (500, 4000)),
    ("người lao động trong", (1000, 6000)),
    ("học sinh", (300, 1500)),
    ("mới biết chữ", (5, 40)),
]
PEOPLE = (2000, 12000)
#: Where a ratio heads when no plan sets a target for it: literacy is near-universal, the rest 70 %.
DEFAULT_TARGETS = {"XMC2_15_60": Decimal("98.5"), "XMC1_15_35": Decimal(99)}


def _denominator_range(indicator: Indicator) -> tuple[int, int]:
    label = indicator.denominator_label.casefold()
    return next((span for words, span in DENOMINATORS if words in label), PEOPLE)


def _targets(anchor: Unit, indicators: list[Indicator]) -> dict[int, Decimal | None]:
    """Indicators targeted by the plans of the anchor and its ancestors, with the value to head for: the
    first target from 2024 on (else the latest); None for a "maintain"/"increase" target without a value."""
    step = Unit.steplen
    paths = [anchor.path[:end] for end in range(step, len(anchor.path) + 1, step)]
    by_indicator: dict[int, list[tuple[int, Decimal | None]]] = {}
    rows = (
        Target.objects.filter(plan__unit__path__in=paths, indicator__in=[i.pk for i in indicators])
        .order_by("indicator_id", "year")
        .values_list("indicator_id", "year", "value")
    )
    for indicator_id, year, value in rows:
        by_indicator.setdefault(indicator_id, []).append((year, value))
    targets: dict[int, Decimal | None] = {}
    for indicator_id, years in by_indicator.items():
        valued = [(year, value) for year, value in years if value is not None]
        upcoming = [value for year, value in valued if year >= 2024]
        targets[indicator_id] = upcoming[0] if upcoming else (valued[-1][1] if valued else None)
    return targets


def _ratio_series(rng: random.Random, indicator: Indicator, target: Decimal | None) -> list[tuple[int, int]]:
    low, high = _denominator_range(indicator)
    denominator = rng.randint(low, high)
    goal = float(target if target is not None else DEFAULT_TARGETS.get(indicator.code, DEFAULT_TARGET))
    goal = min(max(goal, 5.0), 100.0)
    if goal >= 95:
        rate = goal - rng.uniform(0.3, 4.0)
    else:
        rate = goal * (1 - rng.uniform(0.1, 0.4))
    step = max(goal - rate, 1.0) / rng.uniform(3, 6)
    series = []
    for _year in DEMO_PERIODS:
        denominator = max(1, round(denominator * rng.uniform(0.98, 1.03)))
        share = min(max(rate + rng.uniform(-1.0, 1.0), 0.0), 100.0)
        series.append((min(denominator, round(denominator * share / 100)), denominator))
        rate = min(rate + step * rng.uniform(0.5, 1.5), 100.0)
    return series


def _standard_series(rng: random.Random, indicator: Indicator) -> list[int]:
    level = 0
    chance = rng.uniform(0.4, 0.8)
    series = []
    for _year in DEMO_PERIODS:
        if rng.random() < chance:
            level = min(indicator.max_level, level + 1) if indicator.max_level > 1 else 1
        series.append(level)
        chance = min(chance + 0.1, 0.95)
    return series


def _count_series(rng: random.Random, indicator: Indicator) -> list[int]:
    if indicator.period_aggregation == PeriodAggregation.SUM:
        base = rng.randint(0, 6)
        return [max(0, base + rng.randint(-1, 3)) for _year in DEMO_PERIODS]
    stock = rng.randint(0, 3)
    series = []
    for _year in DEMO_PERIODS:
        stock += rng.random() < 0.2
        series.append(stock)
    return series


def _groups() -> list[dict]:
    data = record_check(data_file_read(GROUPS_FILE), where=GROUPS_FILE.name, required=("groups",))
    for n, group in enumerate(data["groups"], start=1):
        record_check(group, where=f"{GROUPS_FILE.name}, groups {n}", required=("anchor", "structure", "periods"),
                     optional=("communes", "leave_open"))  # fmt: skip
    return data["groups"]


def _group_units(group: dict) -> tuple[Unit, list[Unit]] | None:
    """The group's anchor and the communes that get values (of the anchor's structure; for the 2025 structure
    only the units the reform formed, which have a first day)."""
    units = Unit.objects.of_structure(group["structure"])
    if group["structure"] == Structure.REFORM_2025:
        anchor = units.filter(code=group["anchor"]).order_by("-valid_from").first()
    else:
        anchor = units.filter(code=group["anchor"]).first()
    if anchor is None:
        return None
    if group.get("communes") != "all":
        communes = [anchor]
    else:
        communes = list(units.descendants_of(anchor).at_level(Level.COMMUNE).order_by("path"))
    if group["structure"] == Structure.REFORM_2025:
        communes = [unit for unit in communes if unit.valid_from is not None]
    return anchor, communes


@transaction.atomic
def demo_values_load(*, seed: int = 2025) -> int:
    """Write the demo results; returns the number of values created (0 when they are all there)."""
    rng = random.Random(seed)
    later = random.Random(seed + 1)  # the 2025 structure: its own draws, so adding it changes no earlier figure
    groups = []
    for group in _groups():
        found = _group_units(group)
        if found is not None and found[1]:
            groups.append((group, *found))
    if not groups:
        return 0

    commune_level = list(
        Indicator.objects.entered_at(Level.COMMUNE).filter(source__isnull=True).order_by("code")
    )  # a derived standard is computed from its source ratio, never entered
    periods = {code: period_get_or_create(code=code) for group, *_rest in groups for code in group["periods"]}
    units = [unit for _group, _anchor, communes in groups for unit in communes]
    taken: set[tuple[int, int, int]] = set()
    demo_done: set[tuple[int, int]] = set()
    for unit_id, indicator_id, period_id, path in (
        Value.objects.of_units()
        .filter(unit__in=[u.pk for u in units], period__in=list(periods.values()))
        .values_list("unit_id", "indicator_id", "period_id", "entry_path")
    ):
        taken.add((unit_id, indicator_id, period_id))
        if path == EntryPath.DEMO:
            demo_done.add((unit_id, period_id))

    rows: list[tuple] = []  # (unit id, indicator id, period id, value, numerator, denominator)
    created = 0
    for group, anchor, communes in groups:
        if rows and group["structure"] == Structure.REFORM_2025:
            _insert(rows)  # the 2025 units carry on from the legacy values written so far
            created, rows = created + len(rows), []
        targets = _targets(anchor, commune_level)
        indicators = [i for i in commune_level if i.pk in targets] or commune_level
        group_periods = [periods[code] for code in group["periods"]]
        bases = _bases(communes) if group["structure"] == Structure.REFORM_2025 else {}
        open_codes = set(group.get("leave_open") or [])
        for unit in communes:
            for indicator in indicators if not bases else _indicators_of(unit, bases, indicators):
                base = bases.get((unit.pk, indicator.pk))
                if base is not None:
                    series = _continued(later, indicator, base, targets.get(indicator.pk), len(group_periods))
                else:
                    series = _fresh(rng if not bases else later, indicator, targets.get(indicator.pk))
                    series = series[-len(group_periods) :]
                for index, (period, figures) in enumerate(zip(group_periods, series, strict=True)):
                    if unit.code in open_codes and index == len(group_periods) - 1:
                        continue  # left for the commune's reporter to enter
                    if (unit.pk, period.pk) in demo_done or (unit.pk, indicator.pk, period.pk) in taken:
                        continue
                    rows.append((unit.pk, indicator.pk, period.pk, *figures))
    _insert(rows)
    _history()
    return created + len(rows)


def _fresh(rng: random.Random, indicator: Indicator, target: Decimal | None) -> list[tuple]:
    """Four years of figures drawn afresh (value, numerator, denominator)."""
    if indicator.measure == Measure.RATIO:
        return [(None, Decimal(n), Decimal(d)) for n, d in _ratio_series(rng, indicator, target)]
    if indicator.measure in (Measure.STANDARD, Measure.STATUS):
        return [(Decimal(v), None, None) for v in _standard_series(rng, indicator)]
    return [(Decimal(v), None, None) for v in _count_series(rng, indicator)]


def _bases(communes: list[Unit]) -> dict[tuple[int, int], tuple[Decimal, Decimal, Decimal]]:
    """(2025 commune, indicator) → the weighted sums (value, numerator, denominator) of the 2024 values of the
    communes it was formed from (two queries): where its own series carries on."""
    links: dict[int, list[tuple[int, Decimal]]] = {}
    for predecessor, successor, weight in Lineage.objects.filter(
        successor__in=[u.pk for u in communes], predecessor__kind__in=kinds_of_level(Level.COMMUNE)
    ).values_list("predecessor_id", "successor_id", "weight"):
        links.setdefault(predecessor, []).append((successor, weight))
    sums: dict[tuple[int, int], list[Decimal]] = {}
    for unit_id, indicator_id, value, numerator, denominator in Value.objects.filter(
        unit__in=list(links), period__code=str(REFORM_YEAR - 1)
    ).values_list("unit_id", "indicator_id", "value", "numerator", "denominator"):
        for successor, weight in links[unit_id]:
            total = sums.setdefault((successor, indicator_id), [Decimal(0)] * 3)
            for i, figure in enumerate((value, numerator, denominator)):
                total[i] += (figure or 0) * weight
    return {key: tuple(total) for key, total in sums.items()}


def _indicators_of(unit: Unit, bases: dict, indicators: list[Indicator]) -> list[Indicator]:
    """The indicators a 2025 commune carries on (those its former communes had in 2024), else the group's."""
    carried = [i for i in indicators if (unit.pk, i.pk) in bases]
    return carried or indicators


def _continued(rng: random.Random, indicator: Indicator, base: tuple, target: Decimal | None, years: int) -> list:
    """``years`` more years of a series whose last year summed to ``base`` (value, numerator, denominator)."""
    value, numerator, denominator = base
    series: list[tuple] = []
    if indicator.measure == Measure.RATIO:
        denominator = max(1, round(denominator))
        rate = float(numerator) * 100 / denominator
        goal = float(target if target is not None else DEFAULT_TARGETS.get(indicator.code, DEFAULT_TARGET))
        goal = min(max(goal, 5.0), 100.0)
        step = max(goal - rate, 1.0) / rng.uniform(3, 6)
        for _year in range(years):
            denominator = max(1, round(denominator * rng.uniform(0.99, 1.02)))
            rate = min(max(rate + step * rng.uniform(0.5, 1.5), 0.0), 100.0)
            series.append((None, Decimal(min(denominator, round(denominator * rate / 100))), Decimal(denominator)))
        return series
    level = round(value)
    for _year in range(years):
        if indicator.measure in (Measure.STANDARD, Measure.STATUS):
            if rng.random() < 0.5:
                level = min(indicator.max_level, level + 1) if indicator.max_level > 1 else 1
        elif indicator.period_aggregation == PeriodAggregation.SUM:
            level = max(0, round(value) + rng.randint(-1, 2))
        else:
            level += rng.random() < 0.2
        series.append((Decimal(level), None, None))
    return series


#: The columns of a row built by ``demo_values_load``; every other column gets one value for the whole load.
VARYING = ("unit_id", "indicator_id", "period_id", "value", "numerator", "denominator")


def _insert(rows: list[tuple]) -> None:
    """Insert in batches of ``BATCH_SIZE`` with ``executemany``.

    Not ``bulk_create``: it compiles every object's SQL field by field, 7 s for the 82,000 values of the
    full catalogue on SQLite against about 1 s here. The columns come from the model, so a field added
    later is written with its default, as ``bulk_create`` would.
    """
    if not rows:
        return
    fixed = {"entry_path": EntryPath.DEMO, "comment": DEMO_COMMENT, "updated_at": timezone.now()}
    fields = [f for f in Value._meta.concrete_fields if not f.primary_key]
    constants = {
        f.attname: f.get_db_prep_save(fixed.get(f.attname, f.get_default()), connection)
        for f in fields
        if f.attname not in VARYING
    }
    position = {name: index for index, name in enumerate(VARYING)}
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(Value._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(
                sql,
                [
                    [row[position[f.attname]] if f.attname in position else constants[f.attname] for f in fields]
                    for row in rows[start : start + BATCH_SIZE]
                ],
            )


def _history() -> None:
    """One "created" history row (django-simple-history) for each demo value that has none: one statement."""
    history = Value.history.model
    quote = connection.ops.quote_name
    value_columns = {f.attname: f.column for f in Value._meta.concrete_fields}
    constants = {
        "history_date": timezone.now(),
        "history_type": "+",
        "history_change_reason": DEMO_COMMENT,
    }
    columns, select, params = [], [], []
    for field in history._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(quote(field.column))
        if field.attname in value_columns:
            select.append("v." + quote(value_columns[field.attname]))
        elif field.attname in constants:
            select.append("%s")
            params.append(field.get_db_prep_save(constants[field.attname], connection))
        else:
            select.append("NULL")  # history_user: nobody entered these
    table, source = quote(history._meta.db_table), quote(Value._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(select)} FROM {source} v "
        f"WHERE v.{quote('entry_path')} = %s AND NOT EXISTS (SELECT 1 FROM {table} h WHERE h.{quote('id')} = v.{quote('id')})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, EntryPath.DEMO])
