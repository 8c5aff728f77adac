"""The first worksheet of an .xlsx, read with bounded work: one pass over the bytes, Python objects only for the
cells an import reads.

openpyxl's read-only reader builds a whole row before yielding it and loads the whole shared-strings table
first: a 343 kB file whose one row holds 12 million cells cost the values import 77 s and 5 GB. Here each
part is decompressed in chunks and scanned by a small tokenizer (regular expressions over the bytes, no XML
tree, so no depth to exhaust):

- of each row, only the first ``max_columns`` cells are read; the rest of the row is skipped by a byte
  search for its end tag, without looking at its cells;
- a row numbered past ``max_rows`` + 1, or a declared dimension past that or past Excel's grid, refuses the
  file before anything is built; so do a cell larger than ``MAX_CELL_BYTES``, a DOCTYPE (entity definitions:
  the "billion laughs"), and metadata parts (workbook, relationships, styles) past their size;
- shared strings are read lazily, only up to the highest index a read cell refers to, and at most
  ``MAX_SHARED_STRINGS`` of them (``MAX_SHARED_CHARS`` characters in all);
- comments, processing instructions and the elements an import has no use for are skipped.

Values come out as openpyxl's read-only ``data_only`` reader gives them, through its own conversion helpers:
numbers (int or float; a date format gives a datetime, time or timedelta, in the 1900 or 1904 calendar), text
(shared, inline, or a formula's cached string), booleans, error codes as text (``#N/A``). A hostile file can at
worst confuse the reading of its own cells (e.g. with an end tag inside a CDATA section); it cannot make the
reader do more than the bounds above.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from .scan import Stream, XlsxError, unreadable
from .sheet import Cells, Sheet
from .workbook import SharedStrings, Workbook, date_styles

__all__ = ["XlsxError", "xlsx_rows"]


def xlsx_rows(data: bytes, *, max_rows: int, max_columns: int) -> Iterator[list]:
    """The rows of the workbook's first worksheet, each a list of its first ``max_columns`` values (None where
    a cell is empty); raises ``XlsxError`` on a file it will not read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise unreadable("not a zip") from None
    with archive:
        workbook = Workbook(archive)
        if workbook.sheet is None:
            raise XlsxError("no_sheet")
        dates, durations = date_styles(archive, workbook.styles)
        strings = SharedStrings(archive, workbook.shared_strings)
        stream = Stream(archive, workbook.sheet)
        try:
            sheet = Sheet(stream, Cells(strings, workbook.epoch, dates, durations), max_rows=max_rows,
                           max_columns=max_columns)  # fmt: skip
            yield from sheet.rows()
        finally:
            stream.close()
            strings.close()
