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
