"""A province's official PDF report: Hà Nội (legacy structure: 30 districts, ~580 communes) with its
children, every indicator against a target, time and peak memory, median of 3 runs.

``run(args)`` is called by ``benchmarks/exports.py`` once Django is set up; it reuses the Hà Nội values
already in the database (a national data set), or loads Hà Nội's units and a data set of its own. Alone:

    .venv/bin/python benchmarks/exports_pdf.py              # SQLite file in a temp dir
    .venv/bin/python benchmarks/exports_pdf.py --postgres   # database xhht_bench on 127.0.0.1:5432

Memory: ``tracemalloc``'s peak of the Python heap during one render (the document tree, the layout) and
the process's peak resident size (``ru_maxrss``, which also counts the C libraries: Pango, HarfBuzz).
"""

from __future__ import annotations

import io
import random
import resource
import statistics
import sys
import time
import tracemalloc

REPEAT = 3
INDICATORS = 30


def _hanoi_data(period: str | None = None) -> tuple[object, str]:
    """Hà Nội and a period with values in its subtree: those in the database, or a data set built here."""
    from indicators.models import Indicator, Measure
    from plans.models import Plan, PlanStatus, Target, TargetKind
    from plans.periods import period_get_or_create
    from reports.models import EntryPath, Value
    from units.models import Level, Structure, Unit
    from units.services import units_load
    from units.sources import records

    hanoi = Unit.objects.of_structure(Structure.LEGACY).filter(code="01").first()
    if hanoi is not None:
        latest = period or (
            Value.objects.of_units()
            .filter(unit__path__startswith=hanoi.path, period__kind="year")
            .order_by("-period__year")
            .values_list("period__code", flat=True)
            .first()
        )
        if latest:
            return hanoi, latest

    if hanoi is None:
        wanted = list(records(Structure.LEGACY))
        districts = {r.code for r in wanted if r.parent_code == "01"}
        keep = [r for r in wanted if r.code == "01" or r.parent_code == "01" or r.parent_code in districts]
        units_load(records=keep, structure=Structure.LEGACY)
        hanoi = Unit.objects.of_structure(Structure.LEGACY).get(code="01")
    rng = random.Random(2025)
    plan = Plan.objects.create(
        unit=hanoi,
        issuing_body="UBND Thành phố Hà Nội",
        title="Kế hoạch thử (xuất PDF)",
        start_year=2021,
        end_year=2030,
        milestone_years=[2025, 2030],
        status=PlanStatus.ISSUED,
    )
    indicators = []
    for n in range(INDICATORS):
        measure = Measure.RATIO if n % 2 else Measure.COUNT
        indicator = Indicator.objects.create(
            code=f"PDF{n:02d}",
            name=f"Chỉ tiêu thử nghiệm xuất báo cáo số {n} (học tập suốt đời)",
            measure=measure,
            unit_of_measure="%" if measure == Measure.RATIO else "người",
            entry_level=Level.COMMUNE,
        )
        Target.objects.create(
            plan=plan,
            unit=hanoi,
            indicator=indicator,
            year=2025,
            value=70 if measure == Measure.RATIO else 1000,
            kind=TargetKind.AT_LEAST,
        )
        indicators.append(indicator)
    period = period_get_or_create(code="2024")
    communes = Unit.objects.filter(path__startswith=hanoi.path).at_level(Level.COMMUNE)
    values = []
    for commune in communes:
        for indicator in indicators:
            if indicator.measure == Measure.RATIO:
                d = rng.randint(100, 5000)
                fields = {"numerator": round(d * rng.uniform(0.5, 1)), "denominator": d}
            else:
                fields = {"value": rng.randint(0, 500)}
            values.append(Value(unit=commune, indicator=indicator, period=period, entry_path=EntryPath.DEMO, **fields))
    Value.objects.bulk_create(values, batch_size=5000)
    return hanoi, period.code


def run(args: list[str] | None = None, period: str | None = None) -> dict:
    """Time and memory of Hà Nội's PDF (median of 3); prints the figures and returns them."""
    from pypdf import PdfReader

    from accounts.models import Role, User
    from core.pdf import render_pdf
    from exports.pdf.report import report_document
    from plans.periods import period_get_or_create, period_resolve
    from units.models import Unit

    hanoi, period = _hanoi_data(period)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # after the data set is built
    admin = User(username="benchmark", role=Role.ADMINISTRATOR)  # full scope, never saved
    children = (
        Unit.objects.filter(path__startswith=hanoi.path, depth=hanoi.depth + 1)
        .valid_on(period_get_or_create(code=period).reference_day)
        .count()
    )

    def once() -> bytes:
        doc = report_document(user=admin, unit=hanoi, period=period_resolve(period))
        return render_pdf("exports/report_pdf.html", {"doc": doc})

    once()  # warm up: fonts, templates, translations
    # Timed without tracemalloc (it slows Python down several times), then measured with it.
    times, peaks, pdf = [], [], b""
    for _ in range(REPEAT):
        start = time.perf_counter()
        pdf = once()
        times.append(time.perf_counter() - start)
    rss_rendering = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before tracemalloc's own overhead
    for _ in range(REPEAT):
        tracemalloc.start()
        once()
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    figures = {
        "seconds": statistics.median(times),
        "python_peak_mb": statistics.median(peaks) / 2**20,
        "max_rss_mb": rss_rendering,
        "max_rss_before_mb": rss_before,
        "pages": pages,
        "bytes": len(pdf),
        "children": children,
    }
    print(
        f"PDF report of {hanoi.name} ({children} child units, period {period}): "
        f"{figures['seconds']:.2f} s (median of {REPEAT}), {pages} pages, {len(pdf) / 1024:.0f} KiB; "
        f"peak Python heap {figures['python_peak_mb']:.0f} MB; process max RSS {rss_rendering:.0f} MB "
        f"after the renders, {rss_before:.0f} MB before the first",
        flush=True,
    )
    return figures


if __name__ == "__main__":
    import _setup

    label = _setup.setup(sys.argv)
    print(f"Database: {label}")
    run(sys.argv[1:])
