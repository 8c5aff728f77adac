"""What every workbook the portal writes shares: write-only sheets, styles, number formats, safe text, print setup.

Workbooks are written in openpyxl's write-only mode, so a national export streams its rows to disk instead of
holding a cell object per value. In that mode the layout of a sheet (column widths, frozen panes, page
setup) must be set before its first row; the autofilter and the data validations may follow the rows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from decimal import Decimal

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from core.numbers import AMOUNT_PLACES, PERCENT_PLACES

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Number formats: percentages are stored as fractions (0.995 shows as 99,5 % in a Vietnamese Excel).
# The digits of ``core.numbers`` (a page, the PDF and the Excel file show the same figure): percentages with
# PERCENT_PLACES decimals, amounts with up to AMOUNT_PLACES. Excel rounds half away from zero, as core.numbers does.
PERCENT = "0." + "0" * PERCENT_PLACES + "%"
INTEGER = "#,##0"
DECIMAL = "#,##0." + "#" * AMOUNT_PLACES

#: A text cell starting with one of these would be read by Excel as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Sheet names may not hold these characters and are at most 31 long.
SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
WRAP = Alignment(wrap_text=True, vertical="top")


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name from any text (Excel compares names without case)."""
    base = text.translate(SHEET_FORBIDDEN).strip().strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def new_sheet(
    workbook: Workbook,
    title: str,
    *,
    widths: Iterable[float],
    freeze: str | None = None,
    header_rows: str | None = None,
    landscape: bool = True,
) -> WriteOnlyWorksheet:
    """A sheet laid out for reading and printing: column widths, frozen header, A4, fit to width."""
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if freeze:
        sheet.freeze_panes = freeze
    if header_rows:
        sheet.print_title_rows = header_rows
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    return sheet


def text_cell(sheet: WriteOnlyWorksheet, value: object, *, font: Font | None = None, header: bool = False):
    """A cell that is always text: a user's "=1+1" stays the four characters, never a formula."""
    cell = WriteOnlyCell(sheet, value=None if value in (None, "") else str(value))
    if cell.value is not None:
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # Excel shows it as typed text, as if entered with a leading apostrophe
    if header:
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, WRAP
    elif font is not None:
        cell.font = font
    return cell


def number_cell(sheet: WriteOnlyWorksheet, value: Decimal | float | int | None, *, percent: bool = False):
    """A number stored as a number with its format; a percentage (99.5) is stored as a fraction (0.995)."""
    if value is None:
        return WriteOnlyCell(sheet, value=None)
    number = Decimal(value)
    if percent:
        cell = WriteOnlyCell(sheet, value=float(number / 100))
        cell.number_format = PERCENT
    elif number == number.to_integral_value():
        cell = WriteOnlyCell(sheet, value=int(number))
        cell.number_format = INTEGER
    else:
        cell = WriteOnlyCell(sheet, value=float(number))
        cell.number_format = DECIMAL
    return cell


def header_row(sheet: WriteOnlyWorksheet, labels: Iterable[str]) -> list:
    return [text_cell(sheet, label, header=True) for label in labels]


def finish(sheet: WriteOnlyWorksheet, *, header_row_number: int, columns: int, last_row: int) -> None:
    """The autofilter over the table (written at the end of the sheet, so it may follow the rows)."""
    if columns:
        end = max(last_row, header_row_number)
        sheet.auto_filter.ref = f"A{header_row_number}:{get_column_letter(columns)}{end}"


FORMATS = {"percent": PERCENT, "integer": INTEGER, "decimal": DECIMAL, "date": "dd/mm/yyyy"}


class RowWriter:
    """Appends the rows of one table. ``kinds`` per column: text, number, percent (a percentage such as
    99.5) or date. One styled cell is kept per column and format and reused for every row: a national export
    writes millions of cells, and creating and styling a cell object for each would double the time."""

    def __init__(self, sheet: WriteOnlyWorksheet, kinds: list[str], *, indent_column: int | None = None):
        self.sheet = sheet
        self.kinds = kinds
        self.indent_column = indent_column
        self.cells: dict[tuple[int, str, int], WriteOnlyCell] = {}

    def _cell(self, column: int, fmt: str, indent: int = 0) -> WriteOnlyCell:
        key = (column, fmt, indent)
        cell = self.cells.get(key)
        if cell is None:
            cell = WriteOnlyCell(self.sheet)
            if fmt in FORMATS:
                cell.number_format = FORMATS[fmt]
            if indent:
                cell.alignment = Alignment(indent=indent)
            self.cells[key] = cell
        return cell

    def append(self, values: list, *, indent: int = 0, bold: bool = False) -> None:
        row: list = []
        for column, (kind, value) in enumerate(zip(self.kinds, values, strict=True)):
            if value is None or value == "":
                row.append(None)
            elif bold:  # a total row: a cell of its own
                cell = (
                    text_cell(self.sheet, value)
                    if kind == "text"
                    else number_cell(self.sheet, value, percent=kind == "percent")
                )
                cell.font = BOLD
                row.append(cell)
            elif kind == "text":
                text = str(value)
                if text.startswith(FORMULA_STARTS):
                    row.append(text_cell(self.sheet, text))  # never a formula, whatever the text starts with
                elif indent and column == self.indent_column:
                    cell = self._cell(column, "text", indent)
                    cell.value = text
                    row.append(cell)
                else:
                    row.append(text)  # a plain string: openpyxl binds it as text (the cheapest path)
            elif kind == "date":
                cell = self._cell(column, "date")
                cell.value = value
                row.append(cell)
            else:
                if kind == "percent":
                    fmt, number = "percent", float(value) / 100
                elif float(value).is_integer():
                    fmt, number = "integer", int(value)
                else:
                    fmt, number = "decimal", float(value)
                cell = self._cell(column, fmt)
                cell.value = number
                row.append(cell)
        self.sheet.append(row)


def workbook_response(workbook: Workbook, filename: str) -> FileResponse:
    """The workbook as a download, streamed from a temporary file rather than held in memory."""
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
