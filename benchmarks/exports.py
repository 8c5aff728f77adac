"""Exports at national scale: the national Excel summary, then a province's PDF report.

Data: the load test's national data set in PostgreSQL (database ``xhht_load``: the legacy tree of 63
provinces, 696 districts, 10,035 communes; 32 indicators; one 2024 value per commune and indicator; a Hà Nội
plan with 2025 targets), built by ``loadtest/build_data.py`` when the database does not exist yet; to it
the script adds once the two-level tree of 1 July 2025 (34 provinces, 3,321 communes) with 2026 values.

The summary: ``summary_data`` + ``summary_write`` (XlsxWriter) for Việt Nam as an administrator (the two-level tree in
2026, the tree of today; then the legacy tree in 2024, three levels and three times the communes), saved to a
temporary file (what the view and ``export_summary`` do). Each run is a fresh process, so that its peak
resident size (VmHWM) is the export's own: median of 3 for the time and the RSS, then one more run
under ``tracemalloc`` for the peak of the Python heap (tracemalloc slows Python down, so it is not timed).
The PDF: ``benchmarks/exports_pdf.py``'s ``run`` on Hà Nội in the same database.

Run: .venv/bin/python benchmarks/exports.py            (goal: national summary under 10 s and 300 MB)
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_URL = PG_ADMIN_URL.rsplit("/", 1)[0] + "/xhht_load"
REPEAT = 3


def peak_rss_mb() -> float:
    """This process's peak resident size (VmHWM). Not ``ru_maxrss``: Linux carries that over from the parent
    through fork and exec, so a child started by a big parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _database_ready() -> bool:
    found = subprocess.run(
        ["psql", PG_ADMIN_URL, "-Atc", "SELECT 1 FROM pg_database WHERE datname = 'xhht_load'"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip() == "1"


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    for name, value in {"SECRET_KEY": "benchmark", "DEBUG": "0", "STATIC_MANIFEST": "0"}.items():
        os.environ.setdefault(name, value)
    os.environ["DATABASE_URL"] = PG_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "xhht.settings"
    import django

    django.setup()


def _reform_data() -> None:
    """The two-level tree of 1 July 2025 (34 provinces, 3,321 communes) with a 2026 value per commune and
    indicator (the same 32 indicators, ~5 % missing), added to the data set once, with COPY."""
    import io
    import random

    from django.db import connection
    from django.utils import timezone

    from indicators.models import Indicator
    from plans.periods import period_get_or_create
    from reports.models import EntryPath, Value
    from units.models import Level, Structure, Unit
    from units.services import units_load
    from units.sources import records

    period = period_get_or_create(code="2026")
    if Value.objects.filter(period=period).exists():
        return
    print("Adding the 2025 two-level tree and its 2026 values...", flush=True)
    units_load(records=records(Structure.REFORM_2025), structure=Structure.REFORM_2025)
    communes = Unit.objects.of_structure(Structure.REFORM_2025).at_level(Level.COMMUNE).values_list("pk", flat=True)
    indicators = list(Indicator.objects.filter(entry_level=Level.COMMUNE, source__isnull=True))
    rng = random.Random(2026)
    now = timezone.now().isoformat()
    buffer = io.StringIO()
    for unit_id in communes:
        for indicator in indicators:
            if rng.random() < 0.05:
                continue
            value = numerator = denominator = "\\N"
            if indicator.measure == "ratio":
                d = rng.randint(100, 5000)
                numerator, denominator = str(round(d * rng.uniform(0.5, 1.0))), str(d)
            elif indicator.measure == "standard":
                value = str(rng.randint(0, indicator.max_level))
            else:
                value = str(rng.randint(0, 20))
            fields = [unit_id, indicator.pk, period.pk, value, numerator, denominator, "f", "", EntryPath.DEMO, now, 1]
            buffer.write("\t".join(str(f) for f in fields) + "\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            "COPY reports_value (unit_id, indicator_id, period_id, value, numerator, denominator, "
            "not_applicable, comment, entry_path, updated_at, version) FROM STDIN",
            buffer,
        )
        cursor.execute("VACUUM ANALYZE")


def child(trace: bool, structure: str, period: str) -> None:
    """One national summary in this process; prints its figures as JSON on the last line."""
    _django()
    import tracemalloc

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Role, User
    from exports.xlsx.summary import summary_data, summary_write
    from plans.periods import period_resolve
    from units.models import Structure, Unit

    root = Unit.objects.of_structure(Structure(structure)).get(depth=1)
    admin = User(username="benchmark", role=Role.ADMINISTRATOR)  # full scope, never saved
    rss_before = peak_rss_mb()
    if trace:
        tracemalloc.start()
    with tempfile.TemporaryDirectory() as directory, CaptureQueriesContext(connection) as queries:
        out = Path(directory) / "national.xlsx"
        start = time.perf_counter()
        summary = summary_data(user=admin, unit=root, period=period_resolve(period))
        selected = time.perf_counter()
        summary_write(summary, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size
    figures = {
        "seconds": seconds,
        "selector_seconds": selected - start,
        "max_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
        "queries": len(queries),
        "units": len(summary.units),
        "indicators": len(summary.indicators),
        "rows": sum(1 for key in summary.lines),
        "bytes": size,
    }
    if trace:
        figures["python_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(figures))


def _run_child(structure: str, period: str, trace: bool = False) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", structure, period] + (["--trace"] if trace else []),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if not _database_ready():
        print("Building the national data set (loadtest/build_data.py)...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "loadtest" / "build_data.py")], check=True)
    _django()
    _reform_data()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; PostgreSQL")
    trees = [("2025", "2026", "two-level tree (2025)"), ("legacy", "2024", "legacy tree")]
    for structure, period, label in trees if "--no-excel" not in sys.argv else []:  # --no-excel: the PDFs only
        runs = [_run_child(structure, period) for _ in range(REPEAT)]
        traced = _run_child(structure, period, trace=True)
        last = runs[-1]
        print(
            f"National summary, {label}, {period} ({last['units']:,} units × {last['indicators']} indicators, "
            f"{last['indicators'] + 2} sheets, {last['rows']:,} unit-indicator rows, {last['bytes'] / 2**20:.1f} MiB, "
            f"{last['queries']} queries): {statistics.median(r['seconds'] for r in runs):.2f} s median of {REPEAT} "
            f"(runs {', '.join(format(r['seconds'], '.2f') for r in runs)}; of which the selector "
            f"{statistics.median(r['selector_seconds'] for r in runs):.2f} s); "
            f"process max RSS {statistics.median(r['max_rss_mb'] for r in runs):.0f} MB "
            f"(after Django's start {last['rss_before_mb']:.0f} MB); peak Python heap {traced['python_peak_mb']:.0f} MB",
            flush=True,
        )

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import exports_pdf

    exports_pdf.run([], period="2024")  # Hà Nội in the legacy tree: 30 districts
    exports_pdf.run([], period="2026")  # Hà Nội in the two-level tree: its 126 communes directly below it


if __name__ == "__main__":
    if "--child" in sys.argv:
        at = sys.argv.index("--child")
        child(trace="--trace" in sys.argv, structure=sys.argv[at + 1], period=sys.argv[at + 2])
    else:
        main()
