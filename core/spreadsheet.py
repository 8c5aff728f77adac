"""Text a person typed, written into a spreadsheet: never a formula.

A cell whose text starts with =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula: a commune's comment ``=HYPERLINK("http://…?"&A1, "…")`` would send the administrator's
data away, a DDE payload would run a command. One owner for that rule, ``FORMULA_STARTS``, and two ways out:

- in a workbook, such text is a text cell, unchanged, marked "quote prefix" so that Excel keeps it text even
  when it is edited (``text_cell``; our own writers in ``exports/xlsx`` and the administration's XLSX export);
- in CSV, which has no types, it is written after an apostrophe, the mark spreadsheets read as "this is text"
  (``csv_text``); an import of the administration takes the apostrophe off again (``csv_untext``), so an
  exported file comes back as it went out.

Only text is escaped: a number, a negative one included, stays a number.

The administration's imports and exports (django-import-export) go through ``FormulaSafeResource`` and
``SpreadsheetAdminMixin`` (its ``FORMATS``). The library's own setting, ``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`` (4.4), is left
off: it only drops a leading "=" (changing the text and missing +, -, @, tab and CR) and turns every cell,
numbers included, into text.
"""

from __future__ import annotations

import io

import tablib
from import_export import resources
from import_export.formats import base_formats
from import_export.widgets import NumberWidget
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

#: A text cell starting with one of these would be read as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(sheet, value: object) -> WriteOnlyCell:
    """A cell that is always text: a typed "=1+1" stays the four characters, never a formula. Characters a
    workbook cannot hold (control characters) become "�" rather than failing the whole file."""
    text = None if value in (None, "") else ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", str(value))
    cell = WriteOnlyCell(sheet, value=text)
    if text is not None:
        cell.data_type = "s"
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # Excel shows it as typed text, as if entered with a leading apostrophe
    return cell


def csv_text(text: str) -> str:
    """Text for a CSV cell: after an apostrophe when it starts like a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_untext(text: str) -> str:
    """The text ``csv_text`` wrote, back."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


class FormulaSafeResource(resources.ModelResource):
    """A resource of the administration's import and export whose text never becomes a formula.

    Exported to CSV, a text field (not a number) that starts like a formula gets its apostrophe; to XLSX the
    values stay native and the ``XLSX`` format below writes text as text cells. An import takes the CSV
    apostrophes off first.
    """

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if (
            isinstance(value, str)
            and not kwargs.get("force_native_type")
            and not isinstance(field.widget, NumberWidget)
        ):
            return csv_text(value)
        return value

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        for index, row in enumerate(list(dataset)):
            if any(isinstance(cell, str) and cell.startswith("'") for cell in row):
                dataset[index] = [csv_untext(cell) if isinstance(cell, str) else cell for cell in row]


class XLSX(base_formats.XLSX):
    """The library's XLSX format, written and read by us: text as text cells (``text_cell``), numbers as
    numbers; a file read through the portal's bounded reader (``core.uploads.table_read``), not openpyxl's."""

    def create_dataset(self, in_stream: bytes) -> tablib.Dataset:
        from core.uploads import table_read

        _fmt, rows = table_read(io.BytesIO(in_stream), name="quan-tri.xlsx")
        dataset = tablib.Dataset()
        header = next(rows, None)
        if header:
            dataset.headers = header
            for row in rows:
                dataset.append((list(row) + [None] * len(header))[: len(header)])
        return dataset

    def export_data(self, dataset, **kwargs) -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Dữ liệu")
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = [text_cell(sheet, name) for name in dataset.headers or []]
        for cell in header:
            cell.font = bold
        sheet.append(header)
        for row in dataset:
            sheet.append([text_cell(sheet, value) if isinstance(value, str) else value for value in row])
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()


# The administration hands native values (numbers as numbers) only to the formats in this list, compared by
# exact type; ours is the library's XLSX with its writing replaced.
if XLSX not in base_formats.BINARY_FORMATS:
    base_formats.BINARY_FORMATS.append(XLSX)

#: The formats of every import and export in the administration (in CSV the apostrophes come from
#: ``FormulaSafeResource``, which knows text from numbers).
FORMATS = [base_formats.CSV, XLSX]


class SpreadsheetAdminMixin:
    """For an admin with import and export (django-import-export): the formats above, and a file the portal's
    reader refuses shown with its Vietnamese reason rather than the name of an exception."""

    import_formats = export_formats = FORMATS

    def add_data_read_fail_error_to_form(self, form, error):
        from core.uploads import ImportFileError

        if isinstance(error, ImportFileError):
            form.add_error("import_file", error.message)
        else:
            super().add_data_read_fail_error_to_form(form, error)
