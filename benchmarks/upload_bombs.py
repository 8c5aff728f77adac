"""Upload bombs: the worst files the upload limit lets through, read by both imports.

The files (built by ``tests/bombs.py``, the same the tests use, within the 10 MB upload limit and the 210 MB
expansion limit): a header row of 12 million cells (the probe's file), a row of 14 million empty cells, the
most rows a file may have with the most columns an import reads, a row numbered 1,048,576, a declared
dimension of Excel's whole grid, 20,000 sheets, shared-strings tables of 12 million entries (the header naming
the last one, or the millionth) and of one 150-million-character string, a cell of 150 million digits,
elements nested 10 million deep, 13 million rich-text runs in one cell, the "billion laughs" DOCTYPE, the
1 GiB zip bomb; CSV files with a 10 MB field, a 5-million-field line, the most rows.

Each file goes, in a fresh process (so that the peak resident size, VmHWM, is that file's), through
``core.uploads.table_read`` alone ("read": every row pulled, the values import's columns) and through the import itself ("values":
``values_import`` as a dry run; "register": ``subjects_import``, rolled back). Reported: the outcome (refused
with its message, or the rows read), the median time of 3 runs and the median peak RSS, next to the RSS of the
same process before the file is read.

Run: .venv/bin/python benchmarks/upload_bombs.py [--only NAME] [--repeat 3]
Goal: every file refused or read within 5 s and 200 MB.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VALUES_HEADER = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "comment"]
REGISTER_HEADER = ["loai", "ten", "ma", "chu_ho", "thon"]


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bombs() -> dict[str, tuple[str, object]]:
    """name → (file name, builder). Imported late: the builders need nothing of Django."""
    from core.uploads import MAX_ROWS
    from learning.importing import MAX_COLUMNS as REGISTER_COLUMNS
    from reports.services.importing import MAX_COLUMNS as VALUES_COLUMNS
    from tests import bombs as b
    from tests.test_uploads import zip_bomb_xlsx

    def values_row(cells: int) -> bytes:
        first = b"".join(b.inline(v) for v in ("09910", "CLC", "2024")) + b"<c><v>1</v></c>"
        return first + b'<c t="inlineStr"><is><t>x</t></is></c>' * (cells - 4)

    header = VALUES_HEADER + [f"extra{n}" for n in range(VALUES_COLUMNS - len(VALUES_HEADER))]
    register = REGISTER_HEADER + [f"extra{n}" for n in range(REGISTER_COLUMNS - len(REGISTER_HEADER))]
    register_row = b"".join(b.inline(v) for v in ("gia dinh", "Ho Nguyen Van A", "", "Nguyen Van A", "Thon 1"))
    register_row += b'<c t="inlineStr"><is><t>x</t></is></c>' * (REGISTER_COLUMNS - len(REGISTER_HEADER))
    return {
        "wide header row (12M cells)": ("wide.xlsx", lambda: b.wide_row()),
        "row of 14M empty cells": ("wide-empty.xlsx", lambda: b.wide_empty_row()),
        "most rows × most columns (values)": (
            "rows.xlsx",
            lambda: b.xlsx(
                [b.header_row(header), *b.repeated(b"<row>" + values_row(VALUES_COLUMNS) + b"</row>", MAX_ROWS)]
            ),
        ),
        "most rows × most columns (register)": (
            "register-rows.xlsx",
            lambda: b.xlsx([b.header_row(register), *b.repeated(b"<row>" + register_row + b"</row>", MAX_ROWS)]),
        ),
        "row numbered 1,048,576": ("far.xlsx", lambda: b.far_row(VALUES_HEADER)),
        "dimension A1:XFD1048576": ("dimension.xlsx", lambda: b.absurd_dimension(VALUES_HEADER)),
        "20,000 sheets": ("sheets.xlsx", lambda: b.many_sheets(20_000)),
        "shared strings: 12M, header names the last": ("sst-last.xlsx", lambda: b.huge_shared_strings(12_000_000)),
        "shared strings: 12M, header names the 1,000,000th": (
            "sst-million.xlsx",
            lambda: b.huge_shared_strings(12_000_000, 999_999),
        ),
        "one shared string of 150M characters": ("long-string.xlsx", lambda: b.long_shared_string()),
        "a cell of 150M digits": ("long-cell.xlsx", lambda: b.long_cell()),
        "elements nested 10M deep": ("deep.xlsx", lambda: b.deep_xml()),
        "13M rich-text runs in a cell": ("runs.xlsx", lambda: b.many_tags_in_cells()),
        "billion laughs (DOCTYPE)": ("entities.xlsx", lambda: b.entity_bomb()),
        "zip bomb, 1 GiB": ("zip.xlsx", zip_bomb_xlsx),
        "CSV: a 10 MB field": ("field.csv", lambda: b.csv_long_field()),
        "CSV: a line of 5M fields": ("line.csv", lambda: b.csv_long_line()),
        "CSV: most rows": ("rows.csv", lambda: b.csv_rows(MAX_ROWS)),
    }


# --- one measurement, in its own process ------------------------------------------------------------------


def child(path: str, how: str) -> None:
    import django

    django.setup()
    from django.db import transaction

    from accounts.models import User
    from core.uploads import ImportFileError, table_read
    from learning.importing import subjects_import
    from reports.services.importing import MAX_COLUMNS as VALUES_COLUMNS
    from reports.services.importing import values_import

    user = User.objects.select_related("unit").get(username="bomb-commune")
    before = peak_rss_mb()
    start = time.perf_counter()
    try:
        if how == "read":
            _fmt, rows = table_read(path, max_columns=VALUES_COLUMNS)
            outcome = f"read {sum(1 for _row in rows):,} rows"
        elif how == "values":
            result = values_import(path, user, dry_run=True)
            outcome = f"read {len(result.rows):,} rows, {len(result.errors):,} errors"
        else:
            with transaction.atomic():
                result = subjects_import(commune=user.unit, file=path, user=user)
                outcome = f"read: {result.created:,} new, {len(result.errors):,} errors"
                transaction.set_rollback(True)
    except ImportFileError as error:
        outcome = f"refused: {error.message}"
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak": peak_rss_mb(), "before": before, "outcome": outcome}))


def measure(path: Path, how: str, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path), how], capture_output=True, text=True, env=os.environ
        )
        if done.returncode:
            return {"seconds": 0, "peak": 0, "before": 0, "outcome": "CRASH " + done.stderr.strip()[-300:]}
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak": statistics.median(r["peak"] for r in runs),
        "before": statistics.median(r["before"] for r in runs),
        "outcome": runs[-1]["outcome"],
    }


def database() -> None:
    """A migrated SQLite file with one commune and its reporter, shared by the child processes."""
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bombs.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    from accounts.models import Role, User
    from tests.factories import make_unit
    from units.models import UnitKind

    call_command("migrate", verbosity=0)
    district = make_unit(None, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
    commune = make_unit(district, "09910", "Xã Tản Lĩnh")
    User.objects.create_user("bomb-commune", password="x", role=Role.COMMUNE_REPORTER, unit=commune)


def main(argv: list[str]) -> None:
    for name, value in {"SECRET_KEY": "benchmark", "DEBUG": "0", "STATIC_MANIFEST": "0"}.items():
        os.environ.setdefault(name, value)
    os.environ["DJANGO_SETTINGS_MODULE"] = "xhht.settings"
    if "--child" in argv:
        index = argv.index("--child")
        child(argv[index + 1], argv[index + 2])
        return
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    only = argv[argv.index("--only") + 1] if "--only" in argv else ""
    database()
    folder = Path(tempfile.mkdtemp())
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; median of {repeat}")
    print("| file | size | expands to | import | outcome | time | peak RSS (before) |")
    print("|---|---|---|---|---|---|---|")
    for name, (file_name, build) in bombs().items():
        if only and only not in name:
            continue
        path = folder / file_name
        path.write_bytes(build())
        expanded = _expanded(path)
        for how in ("read", "values", "register"):
            m = measure(path, how, repeat)
            print(
                f"| {name} | {path.stat().st_size / 1024:,.0f} kB | {expanded} | {how} | {m['outcome'][:90]} "
                f"| {m['seconds']:.2f} s | {m['peak']:.0f} MB ({m['before']:.0f}) |",
                flush=True,
            )
        path.unlink()


def _expanded(path: Path) -> str:
    import zipfile

    if path.suffix != ".xlsx":
        return "—"
    with zipfile.ZipFile(path) as archive:
        return f"{sum(i.file_size for i in archive.infolist()) / 1e6:,.0f} MB"


if __name__ == "__main__":
    main(sys.argv)
