"""Uploaded files, for every import of the portal: size ceilings, format sniffing and reading a table.

One owner for what an uploaded spreadsheet may cost: the values import (``reports.services.importing``) and
the learning register import (``learning.importing``) both read their file through ``table_read``, which

- refuses a file over ``XHHT_MAX_UPLOAD_BYTES`` before reading it whole;
- tells CSV (UTF-8, "," or ";") from Excel (.xlsx) by its bytes, refuses the old binary .xls with advice;
- refuses an .xlsx whose parts expand past ``XLSX_EXPANSION`` × the limit before opening it (a zip bomb);
- bounds the work by what is read, not only by the declared expansion: reads the first sheet with its own
  streaming reader (``core.xlsx``: only the first ``max_columns`` cells of a row, shared strings only as far as
  the cells ask, a row or a declared dimension past ``max_rows`` refused before anything is built); cuts a CSV
  row at ``max_columns`` fields;
- stops at ``max_rows`` data rows with a clear message.

``CeilingUploadHandler`` keeps an oversized upload from ever reaching the disk in full.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

#: Data rows a file may hold (the header is not counted). A province reports about 100 to 600 communes × 32
#: indicators, a commune's register a few thousand families; the worst file of 20,000 rows is read and checked
#: within seconds and 200 MB (docs/benchmarks.md, "Upload bombs").
MAX_ROWS = 20_000
#: Cells read from the left of a row, unless the import says how many it needs.
MAX_COLUMNS = 64
#: How many times the upload limit the parts of an .xlsx may expand to.
XLSX_EXPANSION = 20

CSV_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, encoding, format, header); ``message`` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _too_big(size: int) -> ImportFileError:
    limit = settings.XHHT_MAX_UPLOAD_BYTES
    return ImportFileError(
        _("Tệp lớn %(size)s, vượt giới hạn %(limit)s; hãy chia thành nhiều tệp nhỏ hơn.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
    )


def too_many_rows(max_rows: int) -> ImportFileError:
    return ImportFileError(
        _("Tệp có hơn %(max)s dòng; hãy chia thành nhiều tệp nhỏ hơn.") % {"max": f"{max_rows:,}".replace(",", ".")}
    )


def upload_read(file) -> tuple[bytes, str]:
    """The content and name of a path, an uploaded file or a binary file object, refusing one over the limit."""
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


def _csv_rows(data: bytes, max_columns: int) -> Iterator[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "Tệp CSV không phải mã UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel hãy chọn Lưu thành → "
                "“CSV UTF-8 (phân tách bằng dấu phẩy)” rồi tải lên lại."
            )
        ) from None
    first_line = text[: text.find("\n")] if "\n" in text else text
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # Lines as a file opened with newline="" gives them, without a second copy of the whole text.
    reader = csv.reader((line.group() for line in CSV_LINE.finditer(text)), delimiter=delimiter)
    try:
        for row in reader:
            yield row[:max_columns]
    except csv.Error as error:
        raise ImportFileError(_("Không đọc được tệp CSV: %(error)s") % {"error": error}) from None


def _unreadable_xlsx() -> ImportFileError:
    return ImportFileError(_("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx."))


def _xlsx_rows(data: bytes, max_rows: int, max_columns: int) -> Iterator[list]:
    from core.xlsx import XlsxError, xlsx_rows

    limit = settings.XHHT_MAX_UPLOAD_BYTES * XLSX_EXPANSION
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise _unreadable_xlsx() from None
    if expanded > limit:
        raise ImportFileError(
            _("Tệp Excel khi giải nén lớn %(size)s, vượt giới hạn %(limit)s; hãy chia thành nhiều tệp nhỏ hơn.")
            % {"size": filesizeformat(expanded), "limit": filesizeformat(limit)}
        )
    try:
        yield from xlsx_rows(data, max_rows=max_rows, max_columns=max_columns)
    except XlsxError as error:
        if error.kind == "too_many_rows":
            raise too_many_rows(max_rows) from None
        if error.kind == "no_sheet":
            raise ImportFileError(_("Tệp Excel không có trang tính nào.")) from None
        if error.kind == "cell_too_big":
            raise ImportFileError(
                _("Tệp Excel có một ô quá lớn hoặc quá phức tạp; một ô chỉ chứa được 32.767 ký tự.")
            ) from None
        raise _unreadable_xlsx() from None


def table_read(
    file, *, name: str | None = None, max_rows: int | None = None, max_columns: int | None = None
) -> tuple[str, Iterator[list]]:
    """The format ("csv" or "xlsx") and the rows of an uploaded table, the header first.

    The rows are read lazily; past ``max_rows`` data rows the iterator raises ``ImportFileError``. Of each row
    only the first ``max_columns`` cells are read: an import states how many columns it may need.
    """
    max_rows = MAX_ROWS if max_rows is None else max_rows
    max_columns = MAX_COLUMNS if max_columns is None else max_columns
    data, file_name = upload_read(file)
    suffix = Path(name or file_name).suffix.lower()
    if data.startswith(OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(_("Tệp .xls (Excel cũ) không được hỗ trợ; hãy lưu lại thành .xlsx hoặc CSV UTF-8."))
    if data.startswith(ZIP_MAGIC) or suffix == ".xlsx":
        fmt, rows = "xlsx", _xlsx_rows(data, max_rows, max_columns)
    elif suffix in ("", ".csv", ".txt"):
        fmt, rows = "csv", _csv_rows(data, max_columns)
    else:
        raise ImportFileError(_("Chỉ nhận tệp CSV (.csv) hoặc Excel (.xlsx)."))
    return fmt, _bounded(rows, max_rows)


def _bounded(rows: Iterator, max_rows: int) -> Iterator[list]:
    for number, row in enumerate(rows, start=1):
        if number > max_rows + 1:  # the header, then max_rows data rows
            raise too_many_rows(max_rows)
        yield row


class CeilingUploadHandler(TemporaryFileUploadHandler):
    """A ceiling on what an upload may write to disk.

    Django spools a file part larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to a temporary file, in full, before
    any form sees it: a 1 GB CSV would fill the disk before the import form refused it. Past
    ``XHHT_UPLOAD_CEILING_BYTES`` the bytes are read and dropped; the file handed on is empty but keeps its
    real size, so each upload form, which checks the size against its own (lower) limit, refuses it with its
    usual Vietnamese message. The front server's body limit (nginx ``client_max_body_size``) stops it earlier.
    """

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.over_ceiling = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if self.over_ceiling or start + len(raw_data) > settings.XHHT_UPLOAD_CEILING_BYTES:
            self.over_ceiling = True
            return None  # dropped: nothing more of this file reaches the disk
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size: int):
        uploaded = super().file_complete(file_size)  # its size is the real one, every byte counted
        if self.over_ceiling:
            uploaded.file.truncate(0)  # never hand on a silently cut file
        return uploaded
