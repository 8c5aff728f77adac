"""Importing values from a file: CSV (UTF-8, with or without BOM) or Excel (.xlsx, the first sheet).

The first row is the header: the Vietnamese headings of the entry template ("Mã đơn vị", "Mã chỉ tiêu",
"Kỳ báo cáo", "Giá trị", "Tử số", "Mẫu số", "Không phát sinh (x)", "Ghi chú": ``HEADINGS``, the one mapping, which
the template writes too), or the column names ``unit_code, indicator_code, period, value, numerator, denominator,
comment, not_applicable`` (any case, any order; a label may carry the name in brackets, "Mã đơn vị (unit_code)";
other columns are ignored; ``not_applicable`` is read when present; a value's parts in optional columns
``part.<breakdown>.<part>.<field>``, e.g. ``part.sex.nam.numerator``). Every data row
becomes a ``ValueRow`` carrying its row number in the file, so that an error reads "Dòng 7, cột value: ...".
The rows then go through the one validation path, ``values_record`` (all or nothing).

The file is read by ``core.uploads.table_read``, which owns the limits every import shares (size, format,
expansion of an .xlsx, ``MAX_ROWS``).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from core.numbers import number_text
from core.progress import NO_PROGRESS, NullProgress
from core.uploads import MAX_ROWS, ImportFileError, table_read
from reports.models import EntryPath
from reports.services.values import OVERWRITE, RecordResult, RowError, ValueRow, values_record

REQUIRED = ["unit_code", "indicator_code", "period"]
NUMBER_COLUMNS = ["value", "numerator", "denominator"]
OPTIONAL = ["comment", "not_applicable"]
PREVIEW_ROWS = 20
#: Columns read from the left of each row: the entry template writes 13, and a file may add a few of its own.
MAX_COLUMNS = 20
BRACKETED = re.compile(r"\(([a-z_]+)\)\s*$")
#: The import's columns and their Vietnamese headings: the entry template's header row (``exports.xlsx.template``)
#: and what the import reads (also in the interface's other language, and the column names themselves).
HEADINGS = {
    "unit_code": gettext_noop("Mã đơn vị"),
    "indicator_code": gettext_noop("Mã chỉ tiêu"),
    "period": gettext_noop("Kỳ báo cáo"),
    "value": gettext_noop("Giá trị"),
    "numerator": gettext_noop("Tử số"),
    "denominator": gettext_noop("Mẫu số"),
    "not_applicable": gettext_noop("Không phát sinh (x)"),
    "comment": gettext_noop("Ghi chú"),
}


def _heading_key(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


def column_of_heading() -> dict[str, str]:
    """A header cell's text (compared without case or extra spaces) → the import's column."""
    found = {}
    for column, heading in HEADINGS.items():
        found[_heading_key(heading)] = column
        found[_heading_key(_(heading))] = column  # the heading as the interface's language writes it
        with override("en"):
            found[_heading_key(_(heading))] = column
    found[_heading_key("Không phát sinh")] = "not_applicable"
    return found


TRUE_WORDS = {"1", "x", "có", "co", "true", "yes", "đúng", "dung"}


@dataclasses.dataclass
class ImportResult:
    rows: list[ValueRow]
    record: RecordResult
    fmt: str  # "csv" or "xlsx"

    @property
    def ok(self) -> bool:
        return self.record.ok

    @property
    def errors(self) -> list[RowError]:
        return self.record.errors

    @property
    def warnings(self) -> list[RowError]:
        return self.record.warnings

    @property
    def preview(self) -> list[ValueRow]:
        return self.rows[:PREVIEW_ROWS]


def header_positions(cells) -> dict[str, int]:
    """Column name → position; names compared without case, spaces or a BOM."""
    positions: dict[str, int] = {}
    headings = column_of_heading()
    for index, cell in enumerate(cells):
        name = _heading_key(str(cell if cell is not None else ""))
        bracketed = BRACKETED.search(name)  # "Mã đơn vị (unit_code)", as the entry template wrote it until 2026
        if name in headings:
            name = headings[name]  # "Mã đơn vị", as the entry template writes it
        elif bracketed:
            name = bracketed.group(1)
        if name and name not in positions:
            positions[name] = index
    missing = [c for c in REQUIRED if c not in positions]
    if not any(c in positions for c in NUMBER_COLUMNS):
        missing.append("value")
    elif ("numerator" in positions) != ("denominator" in positions):
        missing.append("denominator" if "numerator" in positions else "numerator")
    if missing:
        raise ImportFileError(
            _("Thiếu cột bắt buộc: %(columns)s. Dòng đầu của tệp phải là tiêu đề với các cột: %(all)s.")
            % {
                "columns": ", ".join(f"{_(HEADINGS[c])} ({c})" for c in missing),
                "all": ", ".join(f"{_(HEADINGS[c])} ({c})" for c in REQUIRED + NUMBER_COLUMNS + ["comment"]),
            }
        )
    return positions


def _text(cell) -> str:
    """A code cell as text: Excel stores 2023 or 9910 as numbers."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()
    return str(cell).strip()


def _number(cell):
    if cell is None:
        return None
    if isinstance(cell, str):
        return cell.strip() or None
    if isinstance(cell, float):
        return Decimal(repr(cell)) if cell == cell else cell  # 99.5 stays 99.5 (no binary noise); NaN is refused
    return cell


def value_row(number: int, cells, positions: dict[str, int]) -> ValueRow | None:
    def get(column):
        index = positions.get(column)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
        return None  # a blank line
    flag = _text(get("not_applicable")).lower()
    # A value's parts (``reports.services.parts``): optional columns "part.<breakdown>.<part>.<field>", e.g.
    # "part.sex.nu.numerator"; none filled in: the stored parts stay while they still sum to the total.
    parts: dict = {}
    for column in positions:
        bits = column.split(".")
        if len(bits) == 4 and bits[0] == "part" and (cell := _number(get(column))) is not None:
            parts.setdefault(bits[1], {}).setdefault(bits[2], {})[bits[3]] = str(cell)
    return ValueRow(
        row=number,
        unit_code=_text(get("unit_code")),
        indicator_code=_text(get("indicator_code")),
        period=_text(get("period")),
        value=_number(get("value")),
        numerator=_number(get("numerator")),
        denominator=_number(get("denominator")),
        comment=_text(get("comment")),
        not_applicable=flag in TRUE_WORDS,
        parts=parts or None,
    )


def rows_count(file, name: str | None = None) -> int:
    """The data rows of a file (header left out, blank lines counted), read through the same limits as an import."""
    _fmt, table = table_read(file, name=name, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    return max(sum(1 for _row in table) - 1, 0)


def rows_read(file, name: str | None = None, progress: NullProgress = NO_PROGRESS) -> tuple[list[ValueRow], str]:
    """Parse a file (path, uploaded file or binary file object) into rows; ``ImportFileError`` if it cannot.

    ``progress`` advances by a thousand rows at a time."""
    fmt, table = table_read(file, name=name, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    header = next(table, None)
    if not header or all(cell is None or not str(cell).strip() for cell in header):
        raise ImportFileError(_("Tệp trống hoặc thiếu dòng tiêu đề."))
    positions = header_positions(header)
    # Row numbers count records, as a spreadsheet shows them (the header is row 1).
    rows = []
    for number, cells in enumerate(table, start=2):
        if row := value_row(number, cells, positions):
            rows.append(row)
        if number % 1000 == 0:
            progress.advance(1000)
    if not rows:
        raise ImportFileError(_("Tệp không có dòng số liệu nào."))
    return rows, fmt


def values_import(
    file,
    user,
    dry_run: bool = False,
    *,
    name: str | None = None,
    versions: dict[int, int] | None = None,
    overwrite: bool = False,
    progress: NullProgress = NO_PROGRESS,
) -> ImportResult:
    """Read the file and record its values, all or nothing (``dry_run``: check only, write nothing).

    ``versions``: row number → the version its preview saw (``record.versions`` of the dry run): the confirmation
    refuses the rows whose value someone changed since. ``overwrite``: replace stored values on purpose (the
    command line's ``--overwrite``). Without either, a row may add a value but not change one. ``progress``
    counts the rows read, then the check or the write as one step.
    """
    rows, fmt = rows_read(file, name=name, progress=progress)
    for row in rows:
        if overwrite:
            row.version = OVERWRITE
        elif versions is not None:
            row.version = versions.get(row.row, 0)
    progress.step(_("Kiểm tra số liệu") if dry_run else _("Ghi số liệu (tất cả hoặc không gì cả)"))
    record = values_record(rows=rows, user=user, path=EntryPath.IMPORT, dry_run=dry_run)
    return ImportResult(rows=rows, record=record, fmt=fmt)


def preview_versions(imported: ImportResult) -> dict[str, int]:
    """The versions of the stored values a preview saw, by row number (a new row's is 0 and left out), kept until
    the confirmation (in the session, or in the check job's result) as ``values_import(versions=...)`` takes them
    back through ``confirmed_versions``."""
    return {str(row): version for row, version in imported.record.versions.items() if version}


def confirmed_versions(kept: dict | None) -> dict[int, int]:
    return {int(row): int(version) for row, version in (kept or {}).items()}


def import_done_message(name: str, imported: ImportResult) -> str:
    """What the person reads once a file is imported."""
    record = imported.record
    return _(
        "Đã nhập tệp %(name)s: %(rows)s dòng (%(created)s mới, %(updated)s cập nhật, %(unchanged)s không đổi)."
    ) % {
        "name": name,
        "rows": number_text(len(imported.rows)),
        "created": number_text(record.created),
        "updated": number_text(record.updated),
        "unchanged": number_text(record.unchanged),
    }


# --- files waiting for the person's confirmation ---------------------------------------------------------------

#: Uploaded files waiting for the person's confirmation live here, named by a random token.
IMPORT_DIR = "imports"


def import_stored_path(stored: dict) -> Path | None:
    """The path of a stored upload (``{"token", "suffix"}``); the token is checked to be a UUID (no path tricks)."""
    try:
        token = uuid.UUID(str(stored.get("token", "")))
    except ValueError:
        return None
    suffix = stored.get("suffix")
    if suffix not in (".csv", ".xlsx"):
        return None
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR / f"{token}{suffix}"
