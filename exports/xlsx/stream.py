"""Large workbooks written with XlsxWriter in constant-memory mode (the Excel summary of a unit, up to the whole
country): each row goes to the sheet's temporary file as it is written, so the memory does not grow with the
rows, and XlsxWriter writes a cell about twice as fast as openpyxl's write-only mode (docs/benchmarks.md,
"Excel writers"). openpyxl stays for reading the imports and for the small entry template.

The conventions are those of ``exports.xlsx.common`` (its number formats, the characters that would make a text
a formula, the sheet names, A4 fitted to the width, frozen and repeated header rows, an autofilter): text is
always written as a string (``write_string``), and a text starting like a formula is shown as typed text (the
quote prefix), so a user's "=1+1" never becomes a formula.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable, Iterable, Sequence

import xlsxwriter
from django.http import FileResponse

from exports.xlsx.common import DECIMAL, FORMULA_STARTS, INTEGER, PERCENT, XLSX_CONTENT_TYPE

HEADER = {"bold": True, "bg_color": "#DDE7F3", "border": 1, "border_color": "#999999", "text_wrap": True,
          "valign": "top"}  # fmt: skip
DATE = "dd/mm/yyyy"
PAPER_A4 = 9


class StreamBook:
    """A workbook written row by row to ``target`` (a path or a binary file); ``close()`` finishes it."""

    def __init__(self, target):
        self.book = xlsxwriter.Workbook(
            target,
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "default_date_format": DATE,
            },
        )
        self._formats: dict[tuple, object] = {}

    def style(self, **properties):
        """One shared format per set of properties (XlsxWriter keeps a table of them)."""
        key = tuple(sorted(properties.items()))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.book.add_format(dict(properties))
        return found

    def sheet(
        self,
        title: str,
        *,
        widths: Iterable[float],
        freeze: tuple[int, int] | None = None,
        header_rows: tuple[int, int] | None = None,
        landscape: bool = True,
    ) -> StreamSheet:
        """A sheet laid out for reading and printing; ``freeze`` is (first unfrozen row, column), 0-based;
        ``header_rows`` the (first, last) rows repeated on each printed page, 0-based."""
        sheet = self.book.add_worksheet(title)
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)
        if freeze:
            sheet.freeze_panes(*freeze)
        if header_rows:
            sheet.repeat_rows(*header_rows)
        sheet.set_paper(PAPER_A4)
        if landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed; gridlines are not printed
        return StreamSheet(self, sheet)

    def close(self) -> None:
        self.book.close()


class StreamSheet:
    """Rows appended in order (constant-memory mode writes a row once and for all)."""

    def __init__(self, book: StreamBook, sheet):
        self.book = book
        self.sheet = sheet
        self.row = 0

    def text(self, column: int, value, **properties) -> None:
        """A cell that is always text; one starting like a formula keeps its characters (quote prefix)."""
        if value in (None, ""):
            if properties:
                self.sheet.write_blank(self.row, column, None, self.book.style(**properties))
            return
        text = str(value)
        if text.startswith(FORMULA_STARTS):
            properties = {**properties, "quote_prefix": True}
        self.sheet.write_string(self.row, column, text, self.book.style(**properties) if properties else None)

    def texts(self, values: Sequence, **properties) -> None:
        """A row of text cells (a title line, a label and its value)."""
        for column, value in enumerate(values):
            self.text(column, value, **properties)
        self.row += 1

    def label_text(self, label: str, value: str, *, span: int, height: float | None = None) -> None:
        """A label and its long text, the text wrapped over ``span`` columns (it does not run off the printed page)."""
        self.text(0, label)
        text = str(value or "")
        if span > 1 and not text.startswith(FORMULA_STARTS):
            self.sheet.merge_range(self.row, 1, self.row, span, text, self.book.style(text_wrap=True, valign="top"))
        else:
            self.text(1, text, text_wrap=True, valign="top")
        if height:
            self.sheet.set_row(self.row, height)
        self.row += 1

    def header(self, labels: Sequence[str]) -> None:
        self.texts(labels, **HEADER)

    def header_spans(self, spans: Sequence[tuple[str, int]], *, height: float | None = None) -> None:
        """A header row whose labels each span a number of columns (merged cells, wrapped: an indicator's name
        over its columns); ``height`` in points for names on several lines."""
        style = self.book.style(**HEADER)
        column = 0
        for label, width in spans:
            if width > 1:
                self.sheet.merge_range(self.row, column, self.row, column + width - 1, str(label or ""), style)
            else:
                self.text(column, label, **HEADER)
            column += width
        if height:
            self.sheet.set_row(self.row, height)
        self.row += 1

    def skip(self) -> None:
        self.row += 1

    def append(self, values: Sequence, kinds: Sequence[str], *, indent: int = 0, indent_column: int | None = None,
               bold: bool = False, fills: dict[int, tuple[str, str]] | None = None) -> None:  # fmt: skip
        """A table row; ``kinds`` per column: text, number, percent (a percentage such as 99.5) or date; ``fills``:
        (background, font colour) of some columns (a status)."""
        sheet, row, book = self.sheet, self.row, self.book
        for column, (kind, value) in enumerate(zip(kinds, values, strict=True)):
            if value is None or value == "":
                continue
            extra = {"bold": True} if bold else {}
            if fills and column in fills:
                extra |= {"bg_color": fills[column][0], "font_color": fills[column][1]}
            if kind == "text":
                if indent and column == indent_column:
                    extra["indent"] = indent
                self.text(column, value, **extra)
            elif kind == "date":
                sheet.write_datetime(row, column, datetime.datetime.combine(value, datetime.time()),
                                     book.style(num_format=DATE, **extra))  # fmt: skip
            elif kind == "percent":
                sheet.write_number(row, column, float(value) / 100, book.style(num_format=PERCENT, **extra))
            else:
                number = float(value)
                fmt = INTEGER if number.is_integer() else DECIMAL
                sheet.write_number(row, column, number, book.style(num_format=fmt, **extra))
        self.row += 1

    def finish(self, *, header_row: int, columns: int) -> None:
        """The autofilter over the table, from its header row (0-based) to the last row written."""
        if columns:
            self.sheet.autofilter(header_row, 0, max(self.row - 1, header_row), columns - 1)


def stream_response(write: Callable[[object], None], filename: str) -> FileResponse:
    """A download of the workbook ``write(file)`` writes, from a temporary file rather than from memory."""
    handle = tempfile.TemporaryFile()
    write(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
