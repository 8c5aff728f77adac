"""Shared start-up for the benchmark scripts: a throw-away database, migrated.

python benchmarks/units.py                       # SQLite file in a temp dir
python benchmarks/units.py --postgres            # database xhht_bench on 127.0.0.1:5432
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/xhht_bench"


def setup(argv: list[str]) -> str:
    """Point Django at a fresh database, migrate it, and return a label for the report."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SECRET_KEY", "benchmark")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    if "--postgres" in argv:
        subprocess.run(["psql", PG_ADMIN_URL, "-qc", "DROP DATABASE IF EXISTS xhht_bench"], check=True)
        subprocess.run(["psql", PG_ADMIN_URL, "-qc", "CREATE DATABASE xhht_bench"], check=True)
        os.environ["DATABASE_URL"] = PG_BENCH_URL
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


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in ms of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def bench_plan(unit, title: str, indicators):
    """A 2021-2030 plan of ``unit`` with a 2025 target for each indicator (80 % for percentages, 5,000 for counts),
    as the benchmark and load-test data sets need one."""
    from decimal import Decimal

    from plans.models import Plan, PlanStatus, Target, TargetKind

    plan = Plan.objects.create(
        unit=unit,
        issuing_body=f"UBND {unit.name}",
        title=title,
        start_year=2021,
        end_year=2030,
        milestone_years=[2025, 2030],
        status=PlanStatus.ISSUED,
    )
    Target.objects.bulk_create(
        Target(
            plan=plan,
            unit=unit,
            indicator=i,
            year=2025,
            kind=TargetKind.AT_LEAST,
            value=Decimal(80) if i.is_percentage else Decimal(5000),
        )
        for i in indicators
    )
    return plan


def bench_catalogue():
    """The benchmark catalogue: 30 indicators entered by communes (10 counts, 12 ratios, 8 standards, half of
    them of three levels) and two standards derived from the first two ratios (90 % at commune level).

    Returns (indicators, derived). The 2021-2024 periods are created beside it, as both data sets enter them."""
    from indicators.models import Indicator, Measure, PeriodAggregation, StandardThreshold
    from plans.periods import period_get_or_create
    from units.models import Level

    kinds = [Measure.COUNT] * 10 + [Measure.RATIO] * 12 + [Measure.STANDARD] * 8
    indicators = [
        Indicator.objects.create(
            code=f"B{n:02d}_{measure.upper()}",
            name=f"Chỉ tiêu thử {n} ({measure})",
            measure=measure,
            entry_level=Level.COMMUNE,
            max_level=3 if measure == Measure.STANDARD and n % 2 else 1,
            period_aggregation=PeriodAggregation.SUM
            if measure == Measure.COUNT and n % 2
            else PeriodAggregation.LATEST,
        )
        for n, measure in enumerate(kinds)
    ]
    derived = []
    for n, source in enumerate([i for i in indicators if i.measure == Measure.RATIO][:2]):
        standard = Indicator.objects.create(
            code=f"B_DERIVED_{n}", name=f"Đạt chuẩn suy ra {n}", measure=Measure.STANDARD, source=source
        )
        StandardThreshold.objects.create(indicator=standard, level=Level.COMMUNE, min_percent=90)
        derived.append(standard)
    for code in ("2021", "2022", "2023", "2024"):
        period_get_or_create(code=code)
    return indicators, derived


def value_fields(indicator, rng) -> tuple:
    """(value, numerator, denominator, not_applicable) of one commune's plausible figure, drawn from ``rng``."""
    from indicators.models import Measure

    if rng.random() < 0.01:
        return None, None, None, True
    if indicator.measure == Measure.RATIO:
        denominator = rng.randint(100, 5000)
        return None, round(denominator * rng.uniform(0.5, 1.0)), denominator, False
    if indicator.measure == Measure.STANDARD:
        return rng.randint(0, indicator.max_level), None, None, False
    return rng.randint(0, 20), None, None, False
