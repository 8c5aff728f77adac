"""Importing values from a file: CSV (UTF-8, with or without BOM) or Excel (.xlsx, the first sheet).

The first row is the header: ``unit_code, indicator_code, period, value, numerator, denominator, comment``
(any case, any order; a label may carry the name in brackets, "Mã đơn vị (unit_code)"; other columns are
ignored; ``not_applicable`` is read when present). Every data row
becomes a ``ValueRow`` carrying its row number in the file, so that an error reads "Dòng 7, cột value: ...".
The rows then go through the one validation path, ``values_record`` (all or nothing).

Limits, checked before anything is parsed: the file's size (``XHHT_MAX_UPLOAD_BYTES``); for an .xlsx (a
zip) the uncompressed size of its parts (``XLSX_EXPANSION`` × the limit: a zip bomb is refused before it
is opened) and the number of rows (``MAX_ROWS``).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .models import EntryPath
from .services import RecordResult, RowError, ValueRow, values_record

REQUIRED = ["unit_code", "indicator_code", "period"]
NUMBER_COLUMNS = ["value", "numerator", "denominator"]
OPTIONAL = ["comment", "not_applicable"]
MAX_ROWS = 200_000
XLSX_EXPANSION = 20
PREVIEW_ROWS = 20

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls
BRACKETED = re.compile(r"\(([a-z_]+)\)\s*$")
TRUE_WORDS = {"1", "x", "có", "co", "true", "yes", "đúng", "dung"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, encoding, format, header); ``message`` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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


def _too_big(size: int) -> ImportFileError:
    limit = settings.XHHT_MAX_UPLOAD_BYTES
    return ImportFileError(
        _("Tệp lớn %(size)s, vượt giới hạn %(limit)s; hãy chia thành nhiều tệp nhỏ hơn.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
    )


def _read_bytes(file) -> tuple[bytes, str]:
    """The content of a path, an uploaded file or a binary file object, refusing one over the size limit."""
    limit = settings.XHHT_MAX_UPLOAD_BYTES
    if isinstance(file, str | Path):
        path = Path(file)
        size = path.stat().st_size
        if size > limit:
            raise _too_big(size)
        return path.read_bytes(), path.name
    name = getattr(file, "name", "") or ""
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise _too_big(size)
    if hasattr(file, "seek") and getattr(file, "seekable", lambda: True)():  # a pipe or socket cannot rewind
        file.seek(0)
    if hasattr(file, "chunks"):
        data = bytearray()
        for chunk in file.chunks():
            data += chunk
            if len(data) > limit:
                raise _too_big(len(data))
        return bytes(data), name
    data = file.read(limit + 1)
    if len(data) > limit:
        raise _too_big(len(data))
    return data, name


def header_positions(cells) -> dict[str, int]:
    """Column name → position; names compared without case, spaces or a BOM."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = str(cell if cell is not None else "").replace("\ufeff", "").strip().lower()
        bracketed = BRACKETED.search(name)  # "Mã đơn vị (unit_code)", as the entry template writes it
        if bracketed:
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
            % {"columns": ", ".join(missing), "all": ", ".join(REQUIRED + NUMBER_COLUMNS + ["comment"])}
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
    )


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("Tệp có hơn %(max)s dòng; hãy chia thành nhiều tệp nhỏ hơn.") % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _parse_csv(data: bytes) -> list[ValueRow]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "Tệp CSV không phải mã UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel hãy chọn Lưu thành → "
                "“CSV UTF-8 (phân tách bằng dấu phẩy)” rồi tải lên lại."
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ImportFileError(_("Tệp trống hoặc thiếu dòng tiêu đề."))
        positions = header_positions(header)
        rows = []
        # Row numbers count records, as a spreadsheet shows them (the header is row 1).
        for number, cells in enumerate(reader, start=2):
            if number > MAX_ROWS + 1:
                raise _too_many_rows()
            row = value_row(number, cells, positions)
            if row is not None:
                rows.append(row)
    except csv.Error as error:
        raise ImportFileError(_("Không đọc được tệp CSV: %(error)s") % {"error": error}) from None
    return rows


def _parse_xlsx(data: bytes) -> list[ValueRow]:
    from openpyxl import load_workbook

    limit = settings.XHHT_MAX_UPLOAD_BYTES * XLSX_EXPANSION
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(_("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.")) from None
    if expanded > limit:
        raise ImportFileError(
            _("Tệp Excel khi giải nén lớn %(size)s, vượt giới hạn %(limit)s; hãy chia thành nhiều tệp nhỏ hơn.")
            % {"size": filesizeformat(expanded), "limit": filesizeformat(limit)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise ImportFileError(_("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.")) from None
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("Tệp Excel không có trang tính nào."))
        sheet = workbook.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS + 1:
            raise _too_many_rows()
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        if not header or all(cell is None or not str(cell).strip() for cell in header):
            raise ImportFileError(_("Tệp trống hoặc thiếu dòng tiêu đề."))
        positions = header_positions(header)
        rows = []
        for number, cells in enumerate(lines, start=2):
            if number > MAX_ROWS + 1:
                raise _too_many_rows()
            row = value_row(number, cells, positions)
            if row is not None:
                rows.append(row)
    finally:
        workbook.close()
    return rows


def rows_read(file, name: str | None = None) -> tuple[list[ValueRow], str]:
    """Parse a file (path, uploaded file or binary file object) into rows; ``ImportFileError`` if it cannot."""
    data, file_name = _read_bytes(file)
    name = name or file_name
    suffix = Path(name).suffix.lower()
    if data.startswith(OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(_("Tệp .xls (Excel cũ) không được hỗ trợ; hãy lưu lại thành .xlsx hoặc CSV UTF-8."))
    if data.startswith(ZIP_MAGIC) or suffix == ".xlsx":
        fmt, rows = "xlsx", _parse_xlsx(data)
    elif suffix in ("", ".csv", ".txt"):
        fmt, rows = "csv", _parse_csv(data)
    else:
        raise ImportFileError(_("Chỉ nhận tệp CSV (.csv) hoặc Excel (.xlsx)."))
    if not rows:
        raise ImportFileError(_("Tệp không có dòng số liệu nào."))
    return rows, fmt


def values_import(file, user, dry_run: bool = False, *, name: str | None = None) -> ImportResult:
    """Read the file and record its values, all or nothing (``dry_run``: check only, write nothing)."""
    rows, fmt = rows_read(file, name=name)
    record = values_record(rows=rows, user=user, path=EntryPath.IMPORT, dry_run=dry_run)
    return ImportResult(rows=rows, record=record, fmt=fmt)
