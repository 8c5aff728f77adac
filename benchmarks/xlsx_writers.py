"""The two Excel writers side by side on the same workbook: openpyxl's write-only mode against XlsxWriter's
constant-memory mode, writing the national summary of ``benchmarks/exports.py``'s data set.

The summary's figures are computed once (``summary_data``), then the workbook is written alternately by each
writer, ``REPEAT`` times each, in the same process: the machine's load (shared with other work) weighs on both
alike. Run after ``benchmarks/exports.py`` has built the data: ``.venv/bin/python benchmarks/xlsx_writers.py
[legacy]`` (default: the two-level tree, 2026).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import exports as bench

REPEAT = 3


def main() -> None:
    bench._django()
    from accounts.models import Role, User
    from exports.xlsx import summary as module
    from plans.periods import period_resolve
    from units.models import Structure, Unit

    structure, code = ("legacy", "2024") if "legacy" in sys.argv else ("2025", "2026")
    root = Unit.objects.of_structure(Structure(structure)).get(depth=1)
    admin = User(username="benchmark", role=Role.ADMINISTRATOR)
    start = time.perf_counter()
    summary = module.summary_data(user=admin, unit=root, period=period_resolve(code))
    print(f"{structure} tree {code}: {len(summary.units):,} units, selector {time.perf_counter() - start:.1f} s")
    writers = {
        "openpyxl write-only": lambda out: module.summary_workbook(summary).save(out),
        "XlsxWriter constant memory": lambda out: module.summary_write(summary, out),
    }
    times: dict[str, list[float]] = {name: [] for name in writers}
    with tempfile.TemporaryDirectory() as directory:
        for _ in range(REPEAT):
            for name, write in writers.items():
                out = Path(directory) / "national.xlsx"
                began = time.perf_counter()
                write(out)
                times[name].append(time.perf_counter() - began)
                size = out.stat().st_size
    for name, runs in times.items():
        print(f"  {name}: {statistics.median(runs):.2f} s median of {REPEAT} ({', '.join(f'{t:.2f}' for t in runs)})")
    print(f"  last file {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
