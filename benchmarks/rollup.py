"""Roll-up at national scale: the whole country, a province's page, a 100,000-row import, and a naive loop.

Data: the legacy tree (63 provinces, ~700 districts, ~10,000 communes), 30 indicators entered at commune
level (10 counts, 12 ratios, 8 standards) and 2 standards derived from ratios, one value per commune and
indicator for 2024 (~300,000 rows, ~5 % missing, ~1 % "nothing to report", written with COPY on
PostgreSQL), plus Hà Nội's 2023 values and a Hà Nội plan with a 2025 target for every indicator, so that
the province page also reads history (previous years, baseline, pace).

Goals: whole-country roll-up < 1 s; province page < 300 ms; import of 100,000 rows < 60 s. Then 2023 and
2024 (and the empty 2021, 2022 that the progress reads) are closed (``period_close`` stores their roll-up): the
province page and the country page of a closed period, goals 50 ms and 100 ms server time (through the test client).
Then the two-level tree of 1 July 2025 is loaded beside it (34 provinces, 3,321 communes, the lineage), and the
2024 roll-up of the country in the 2025 tree, computed from the legacy values through the lineage
(``reports.backcast``), is timed against the same live roll-up in the legacy tree: goal within 2×.

Run: .venv/bin/python benchmarks/rollup.py --postgres     (database xhht_bench_rollup on 127.0.0.1:5432)
     .venv/bin/python benchmarks/rollup.py                (SQLite file in a temp dir)
     --quick leaves out the import and the naive loop (minutes).

The database has its own name so that it does not collide with ``benchmarks/units.py`` (``xhht_bench``);
``BENCH_DATABASE=name`` gives it another one (several people on one server).
"""

import io
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

import _setup
from _setup import bench_catalogue, bench_plan, timed, value_fields

DB_NAME = os.environ.get("BENCH_DATABASE", "xhht_bench_rollup")
PG_URL = _setup.PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + DB_NAME
REPEAT = 5


def setup(argv: list[str]) -> str:
    """As ``_setup.setup`` with a database of this script's own; the settings for the test client too."""
    sys.path.insert(0, str(_setup.ROOT))
    for name, value in {
        "SECRET_KEY": "benchmark",
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "AXES_ENABLED": "0",
        "ALLOWED_HOSTS": "testserver,localhost",
    }.items():
        os.environ.setdefault(name, value)
    if "--postgres" in argv:
        subprocess.run(["psql", _setup.PG_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {DB_NAME}"], check=True)
        subprocess.run(["psql", _setup.PG_ADMIN_URL, "-qc", f"CREATE DATABASE {DB_NAME}"], check=True)
        os.environ["DATABASE_URL"] = PG_URL
        label = "PostgreSQL"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
        label = "SQLite"
    os.environ["DJANGO_SETTINGS_MODULE"] = "xhht.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


label = setup(sys.argv)

from django.db import connection, reset_queries, transaction  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from indicators.models import Measure  # noqa: E402
from plans.periods import period_get_or_create  # noqa: E402
from reports.models import EntryPath, Value  # noqa: E402
from reports.rollup import rollup  # noqa: E402
from reports.selectors.rollup import rollup_page  # noqa: E402
from reports.services.values import ValueRow, values_record  # noqa: E402
from units.models import Level, Lineage, Structure, Unit  # noqa: E402
from units.services import units_load  # noqa: E402
from units.sources import records  # noqa: E402

rng = random.Random(2025)
postgres = connection.vendor == "postgresql"


def say(message: str) -> None:
    print(message, flush=True)


# --- data ---------------------------------------------------------------------------------------------
start = time.perf_counter()
units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
legacy = Unit.objects.of_structure(Structure.LEGACY)
communes = list(legacy.at_level(Level.COMMUNE).order_by("path").values_list("pk", "code", "path"))
provinces = list(legacy.at_level(Level.PROVINCE).order_by("path"))
districts = list(legacy.at_level(Level.DISTRICT).order_by("path"))
say(f"units: {Unit.objects.count()} ({len(provinces)} provinces, {len(districts)} districts, {len(communes)} communes)")

indicators, derived = bench_catalogue()
every_indicator = indicators + derived
period = period_get_or_create(code="2024")
previous = period_get_or_create(code="2023")


def insert(rows: list[tuple]) -> None:
    """(unit id, indicator id, period id, value, numerator, denominator, not applicable) rows, written fast."""
    now = timezone.now()
    if postgres:
        buffer = io.StringIO()
        for unit_id, indicator_id, period_id, value, numerator, denominator, na in rows:
            cells = [unit_id, indicator_id, period_id, value, numerator, denominator, "t" if na else "f"]
            cells = ["\\N" if c is None else str(c) for c in cells]
            buffer.write("\t".join(cells) + f"\t\t{EntryPath.DEMO}\t{now.isoformat()}\t1\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                "COPY reports_value (unit_id, indicator_id, period_id, value, numerator, denominator, "
                "not_applicable, comment, entry_path, updated_at, version) FROM STDIN",
                buffer,
            )
    else:
        Value.objects.bulk_create(
            [
                Value(
                    unit_id=u,
                    indicator_id=i,
                    period_id=p,
                    value=v,
                    numerator=n,
                    denominator=d,
                    not_applicable=na,
                    entry_path=EntryPath.DEMO,
                    updated_at=now,
                )
                for u, i, p, v, n, d, na in rows
            ],
            batch_size=5000,
        )


hanoi = legacy.get(code="01")
rows = []
for unit_id, _code, path in communes:
    for indicator in indicators:
        if rng.random() < 0.05:  # not reported
            continue
        rows.append((unit_id, indicator.pk, period.pk, *value_fields(indicator, rng)))
        if path.startswith(hanoi.path):
            rows.append((unit_id, indicator.pk, previous.pk, *value_fields(indicator, rng)))
insert(rows)
with connection.cursor() as cursor:
    # The state autovacuum leaves a loaded table in: statistics and the visibility map.
    cursor.execute("VACUUM ANALYZE" if postgres else "ANALYZE")
plan = bench_plan(hanoi, "Kế hoạch thử", every_indicator)
say(
    f"values: {Value.objects.count()} (2024: {Value.objects.of_units().filter(period=period).count()}); "
    f"data built in {time.perf_counter() - start:.1f} s"
)

# --- the whole country --------------------------------------------------------------------------------


def country() -> dict:
    figures = rollup(anchors=provinces, period=period, indicators=every_indicator)
    figures.update(rollup(anchors=districts, period=period, indicators=every_indicator))
    return figures


country_ms, figures = timed(country, REPEAT)
provinces_ms, _ = timed(lambda: rollup(anchors=provinces, period=period, indicators=every_indicator), REPEAT)
with CaptureQueriesContext(connection) as ctx:
    country()
country_queries = len(ctx.captured_queries)

# --- the province page --------------------------------------------------------------------------------
reviewer = User.objects.create(username="bench-province", role=Role.PROVINCE_REVIEWER, unit=hanoi)
admin = User.objects.create(username="bench-admin", role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
reviewer = User.objects.select_related("unit").get(pk=reviewer.pk)
client = Client()
client.force_login(reviewer)
page_url = f"/bao-cao/tong-hop/{hanoi.pk}/2024/"
assert client.get(page_url).status_code == 200
page_ms, _ = timed(lambda: client.get(page_url), REPEAT)
selector_ms, page = timed(lambda: rollup_page(user=reviewer, unit=hanoi, period=period), REPEAT)
with CaptureQueriesContext(connection) as ctx:
    client.get(page_url)
page_queries = len(ctx.captured_queries)

# The same with PostgreSQL's JIT compilation off for the session (proposed for the application's role).
tuned = {}
if postgres:
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    tuned["country"] = timed(country, REPEAT)[0]
    tuned["provinces"] = timed(lambda: rollup(anchors=provinces, period=period, indicators=every_indicator), REPEAT)[0]
    tuned["page"] = timed(lambda: client.get(page_url), REPEAT)[0]
    tuned["selector"] = timed(lambda: rollup_page(user=reviewer, unit=hanoi, period=period), REPEAT)[0]
    with connection.cursor() as cursor:
        cursor.execute("RESET jit")

# --- the import of 100,000 rows -------------------------------------------------------------------------
IMPORT_ROWS = 100_000
import_rows = []
for _unit_id, code, _path in communes:
    for indicator in indicators[:10]:
        value, numerator, denominator, _na = value_fields(indicator, rng)
        if indicator.measure == Measure.RATIO:
            value = None
        import_rows.append(
            ValueRow(
                row=len(import_rows) + 2,
                unit_code=code,
                indicator_code=indicator.code,
                period="2022",
                value=value,
                numerator=numerator,
                denominator=denominator,
            )
        )
import_rows = import_rows[:IMPORT_ROWS]


def import_once():
    with transaction.atomic():
        result = values_record(rows=import_rows, user=admin, path=EntryPath.IMPORT)
        assert result.ok and result.created == len(import_rows), result.errors[:3]
        transaction.set_rollback(True)  # every run imports into the same state
    return result


quick = "--quick" in sys.argv
import_ms = timed(import_once, REPEAT)[0] if not quick else float("nan")

# --- a naive loop: one aggregate query per province and indicator ----------------------------------------


def naive() -> dict:
    day = period.reference_day
    result = {}
    for province in provinces:
        for indicator in indicators:
            result[(province.pk, indicator.pk)] = (
                Value.objects.of_units()
                .filter(
                    period=period,
                    indicator=indicator,
                    unit__path__startswith=province.path,
                    unit__valid_to__gte=day,
                )
                .aggregate(
                    sum_value=Sum("value"),
                    sum_numerator=Sum("numerator"),
                    sum_denominator=Sum("denominator"),
                    n_reported=Count("pk"),
                    n_reached=Count("pk", filter=Q(value__gte=1, not_applicable=False)),
                )
            )
    return result


naive_ms = timed(naive, REPEAT)[0] if not quick else float("nan")
reset_queries()

# --- closed periods: the stored roll-up -----------------------------------------------------------------
from reports.services.aggregates import period_close  # noqa: E402

close_ms = {}
earlier = [period_get_or_create(code=code) for code in ("2021", "2022")]  # no values: what history reads
for closing in (*earlier, previous, period):
    began = time.perf_counter()
    stored_figures = period_close(period=closing)
    close_ms[closing.code] = ((time.perf_counter() - began) * 1000, stored_figures)
period.refresh_from_db()
if postgres:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_aggregate")
closed_country_ms, closed_figures = timed(country, REPEAT)
assert closed_figures == figures, "the stored roll-up differs from the live one"
closed_page_ms, _ = timed(lambda: client.get(page_url), REPEAT)
closed_selector_ms, _ = timed(lambda: rollup_page(user=reviewer, unit=hanoi, period=period), REPEAT)
with CaptureQueriesContext(connection) as ctx:
    client.get(page_url)
closed_page_queries = len(ctx.captured_queries)
root = Unit.objects.get(depth=1)
admin_client = Client()
admin_client.force_login(admin)
country_url = f"/bao-cao/tong-hop/{root.pk}/2024/"
assert admin_client.get(country_url).status_code == 200
closed_country_page_ms, _ = timed(lambda: admin_client.get(country_url), REPEAT)
with CaptureQueriesContext(connection) as ctx:
    admin_client.get(country_url)
country_page_queries = len(ctx.captured_queries)
Period = type(period)
Period.objects.filter(pk=period.pk).update(is_closed=False)  # the same pages, live, for the comparison
period.refresh_from_db()
open_country_page_ms, _ = timed(lambda: admin_client.get(country_url), REPEAT)
Period.objects.filter(pk=period.pk).update(is_closed=True)

# --- 2024 in the 2025 tree: back-cast through the lineage -----------------------------------------------
start = time.perf_counter()
units_load(records=records(Structure.REFORM_2025), structure=Structure.REFORM_2025)
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE" if postgres else "ANALYZE")
new_tree = Unit.objects.of_structure(Structure.REFORM_2025)
new_provinces = list(new_tree.at_level(Level.PROVINCE).order_by("path"))
new_communes = list(new_tree.at_level(Level.COMMUNE).order_by("path"))
merged = [p for p in new_provinces if p.formed_after(period.reference_day)]
say(f"2025 tree and lineage loaded in {time.perf_counter() - start:.1f} s ({Lineage.objects.count()} links)")


def queries_of(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def legacy_provinces_2024():
    return rollup(anchors=provinces, period=period, indicators=every_indicator, stored=False)


def new_provinces_2024():
    return rollup(anchors=new_provinces, period=period, indicators=every_indicator, stored=False)


def merged_provinces_2024():
    return rollup(anchors=merged, period=period, indicators=every_indicator, stored=False)


def new_communes_2024():
    return rollup(anchors=new_communes, period=period, indicators=every_indicator, stored=False)


def legacy_districts_2024():
    return rollup(anchors=districts, period=period, indicators=every_indicator, stored=False)


legacy_communes = list(legacy.at_level(Level.COMMUNE).order_by("path"))


def legacy_communes_2024():
    return rollup(anchors=legacy_communes, period=period, indicators=every_indicator, stored=False)


backcast = {}
for name, fn in (
    ("legacy provinces", legacy_provinces_2024),
    ("2025 provinces", new_provinces_2024),
    ("merged provinces", merged_provinces_2024),
    ("legacy districts", legacy_districts_2024),
    ("2025 communes", new_communes_2024),
    ("legacy communes", legacy_communes_2024),
):
    backcast[name] = (*timed(fn, REPEAT), queries_of(fn))
# The same country in both trees: every count and every numerator and denominator.
old_figures, new_figures = backcast["legacy provinces"][1], backcast["2025 provinces"][1]
for indicator in every_indicator:
    for field in ("value",) if indicator.measure == Measure.COUNT else ("numerator", "denominator"):
        old = sum(getattr(f, field) or 0 for (u, i), f in old_figures.items() if i == indicator.pk)
        new = sum(getattr(f, field) or 0 for (u, i), f in new_figures.items() if i == indicator.pk)
        assert old == new, (indicator.code, field, old, new)

say("")
say(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, database {label}")
if postgres:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        say(f"PostgreSQL {cursor.fetchone()[0]}")
say(f"indicators: {len(indicators)} entered at commune level + {len(derived)} derived standards")
say(f"median of {REPEAT} runs:")
say(
    f"  whole country, provinces + districts ({len(provinces) + len(districts)} units x {len(every_indicator)} "
    f"indicators, {country_queries} queries): {country_ms:.0f} ms   (goal < 1000 ms)"
)
say(f"    of which the {len(provinces)} provinces alone: {provinces_ms:.0f} ms")
say(
    f"  province page, {hanoi.name} ({len(page.children)} districts, {len(page.rows)} indicators, "
    f"{page_queries} queries), test client: {page_ms:.0f} ms   (goal < 300 ms)"
)
say(f"    the selector alone: {selector_ms:.0f} ms")
if tuned:
    say(
        f"  with jit = off: whole country {tuned['country']:.0f} ms (provinces alone {tuned['provinces']:.0f} ms); "
        f"province page {tuned['page']:.0f} ms (selector {tuned['selector']:.0f} ms)"
    )
say(
    f"  import of {len(import_rows)} rows through values_record (path import): {import_ms / 1000:.1f} s   (goal < 60 s)"
)
say("  2024 in both trees (the same national totals, checked):")
for name, (ms, figures_, queries) in backcast.items():
    units = len({u for u, _i in figures_})
    say(f"    {name}: {units} units x {len(every_indicator)} indicators, {queries} queries: {ms:.0f} ms")
say(
    f"    back-cast ratio, 2025 provinces / legacy provinces: "
    f"{backcast['2025 provinces'][0] / backcast['legacy provinces'][0]:.2f}x; "
    f"2025 communes / legacy communes: {backcast['2025 communes'][0] / backcast['legacy communes'][0]:.2f}x; "
    f"whole tree (2025 provinces + communes) / (legacy provinces + districts): "
    f"{(backcast['2025 provinces'][0] + backcast['2025 communes'][0]) / (backcast['legacy provinces'][0] + backcast['legacy districts'][0]):.2f}x"
    "   (goal < 2x)"
)
say(
    f"  naive loop, {len(provinces)} provinces x {len(indicators)} indicators = "
    f"{len(provinces) * len(indicators)} queries: {naive_ms:.0f} ms; "
    f"ratio to the set-based provinces roll-up: {naive_ms / provinces_ms:.1f}x"
)
say("  closed periods (the stored roll-up):")
for code, (ms, count) in close_ms.items():
    say(f"    closing {code} (storing {count} figures, both views): {ms / 1000:.1f} s")
say(f"    whole country, provinces + districts: {closed_country_ms:.1f} ms (live {country_ms:.0f} ms)")
say(
    f"    province page {hanoi.name}, test client: {closed_page_ms:.1f} ms ({closed_page_queries} queries; "
    f"live {page_ms:.0f} ms)   (goal < 50 ms); the selector alone {closed_selector_ms:.1f} ms"
)
say(
    f"    country page (Việt Nam, {len(provinces)} provinces), test client: {closed_country_page_ms:.1f} ms "
    f"({country_page_queries} queries; live {open_country_page_ms:.0f} ms)   (goal < 100 ms)"
)
