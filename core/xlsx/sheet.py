"""The rows of a worksheet: a row of usual cells by one regular expression and one flat loop, any other cell by
cell, each cut at ``max_columns``; values converted as openpyxl's ``data_only`` reader converts them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

from .scan import (
    ATTRS,
    FAST_WINDOW,
    MAX_CELL_TAGS,
    MAX_TAG_BYTES,
    Stream,
    XlsxError,
    attributes,
    decode_text,
    decode_value,
    rich_text,
    tag_parts,
    unreadable,
)
from .workbook import SharedStrings

#: Excel's grid: no worksheet has more rows or columns.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
#: A row whose end is further than this is read cell by cell (and skipped past ``max_columns`` cells).
ROW_WINDOW = 1 << 18
#: Short inline texts kept decoded (at most this many, of 64 bytes each), for the codes that repeat down a column.
TEXT_CACHE = 10_000

CELL_ATTR = re.compile(rb"""\s([rst])\s*=\s*["']([^"']*)["']""")
DIMENSION = re.compile(r"\$?([A-Za-z]+)\$?(\d+)$")
COORDINATE = re.compile(rb"\$?([A-Za-z]{1,3})\$?(\d+)$")
_COLUMNS: dict[bytes, int] = {}


def column_index(reference: bytes) -> int:
    """The column of a cell reference (``AB12`` → 28), refusing one outside Excel's grid."""
    match = COORDINATE.match(reference)
    if match is None:
        raise unreadable("cell reference")
    letters = match.group(1)
    try:
        return _COLUMNS[letters]
    except KeyError:
        index = column_index_from_string(letters.decode().upper())
    if index > EXCEL_MAX_COLUMNS:
        raise unreadable("cell reference")
    if letters.isupper():
        _COLUMNS[letters] = index  # at most Excel's 16,384 columns
    return index


def _cast_number(text: str):
    """openpyxl's ``_cast_number``: an int unless the text has a point or an exponent."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class Cells:
    """Turns a cell's type, style and raw value into the value openpyxl's ``data_only`` reader gives."""

    def __init__(self, strings: SharedStrings, epoch, dates: set[int], durations: set[int]):
        self.strings, self.epoch, self.dates, self.durations = strings, epoch, dates, durations

    def value(self, kind: str, style: int, raw: str | None):
        if raw is None or raw == "":
            return None
        try:
            if kind == "n":
                number = _cast_number(raw)
                if style in self.dates:
                    try:
                        return from_excel(number, self.epoch, timedelta=style in self.durations)
                    except (OverflowError, ValueError):
                        return "#VALUE!"
                return number
            if kind == "s":
                return self.strings[int(raw)]
            if kind == "b":
                return bool(int(raw))
            if kind == "d":
                return from_ISO8601(raw)
        except (ValueError, TypeError, OverflowError):
            raise unreadable(f"cell value {raw[:20]!r}") from None
        return raw  # "str" (a formula's cached text), "e" (an error code), anything else as openpyxl keeps it


class Sheet:
    def __init__(self, stream: Stream, cells: Cells, *, max_rows: int, max_columns: int):
        self.stream, self.cells, self.max_rows, self.max_columns = stream, cells, max_rows, max_columns
        self.texts: dict[bytes, str] = {}  # inline texts already decoded (codes, periods repeat down a column)
        stream.root()
        p = re.escape(stream.prefix)
        self.sheet_data = re.compile(rb"<" + p + rb"(?:dimension|sheetData)[\s/>]")
        self.row_or_end = re.compile(rb"<" + p + rb"row[\s/>]|</" + p + rb"sheetData\s*>")
        self.cell_or_end = re.compile(rb"<" + p + rb"c[\s/>]|</" + p + rb"row\s*>")
        self.row_end = re.compile(rb"</" + p + rb"row\s*>")
        # A row's start tag, its number first as every writer puts it. Groups: number, other attributes, "/".
        self.row_start = re.compile(rb"\s*<" + p + rb'row(?:\s+r="([0-9]+)")?(' + ATTRS + rb")\s*(/?)>")
        # The usual cell in one match: empty; a value, after a formula if any (data_only keeps its cached value);
        # or plain inline text. Its r, s and t come first, in that order, as Excel, LibreOffice and openpyxl
        # write them; other attributes, or the same in another order, are read from the fourth group.
        # Groups: column letters, style, type, other attributes, value, inline text.
        head = rb'(?:\s+r="([A-Z]{1,3})[0-9]+")?(?:\s+s="([0-9]+)")?(?:\s+t="([A-Za-z]+)")?(' + ATTRS + rb")\s*"
        formula = rb"(?:<" + p + rb"f(?:" + ATTRS + rb")\s*(?:/>|>[^<]*</" + p + rb"f\s*>))?"
        value = rb"(?:<" + p + rb"v\s*>([^<]*)</" + p + rb"v\s*>)?"
        text = rb"<" + p + rb"is\s*><" + p + rb"t(?:" + ATTRS + rb")\s*>([^<]*)</" + p + rb"t\s*></" + p + rb"is\s*>"
        cell = rb"\s*<" + p + rb"c" + head + rb"(?:/>|>(?:" + formula + value + rb"|" + text + rb")</" + p + rb"c\s*>)"
        self.cell = re.compile(cell)
        self.cell_start = b"<" + stream.prefix + b"c"

    def rows(self) -> Iterator[list]:
        if not self._to_sheet_data():
            return
        stream, counter, index = self.stream, 1, 0
        while True:
            i = stream.ensure(stream.pos, MAX_TAG_BYTES)
            start = self.row_start.match(stream.buf, i)
            if start is not None:
                stream.pos = start.end()
                number, others, empty = start.group(1), start.group(2), start.group(3) == b"/"
            else:
                if stream.find(self.row_or_end) is None:
                    raise unreadable("unterminated sheetData")
                closing, _name, others, empty = tag_parts(stream.tag_at(stream.pos))
                if closing:
                    return
                number = None
            if number is None and others:
                number = attributes(others).get(b"r", "").encode() or None
            index = self._row_number(number) if number else index + 1
            if index > self.max_rows + 1:
                raise XlsxError("too_many_rows")
            values = [] if empty else self._row()
            while counter < index:  # rows the file leaves out are empty rows, as openpyxl gives them
                counter += 1
                yield []
            if counter == index:  # a row repeated or out of order is dropped, as openpyxl does
                counter += 1
                yield values

    def _to_sheet_data(self) -> bool:
        """Move into ``<sheetData>``, checking the declared dimension on the way; False if it is empty."""
        while True:
            if self.stream.find(self.sheet_data) is None:
                return False
            _closing, name, attrs, empty = tag_parts(self.stream.tag_at(self.stream.pos))
            if name == b"sheetData":
                return not empty
            self._check_dimension(attributes(attrs).get(b"ref", ""))

    def _check_dimension(self, ref: str) -> None:
        match = DIMENSION.match(ref.rsplit(":", 1)[-1])
        if match is None:
            return  # openpyxl ignores a dimension it cannot read
        letters, row = match.group(1).upper(), int(match.group(2))
        if len(letters) > 3 or column_index_from_string(letters) > EXCEL_MAX_COLUMNS or row > EXCEL_MAX_ROWS:
            raise unreadable(f"dimension {ref[:40]}")
        if row > self.max_rows + 1:
            raise XlsxError("too_many_rows")

    @staticmethod
    def _row_number(raw: bytes) -> int:
        """openpyxl's reading of ``r``: an integer, or a float that is one."""
        try:
            number = int(raw)
        except ValueError:
            try:
                value = float(raw)
            except ValueError:
                raise unreadable("row number") from None
            if not value.is_integer():
                raise unreadable("row number") from None
            number = int(value)
        if not 1 <= number <= EXCEL_MAX_ROWS:
            raise unreadable("row number")
        return number

    def _row(self) -> list:
        """The values of the current row's first ``max_columns`` columns; ``pos`` ends past ``</row>``.

        A row of usual cells, no more than ``max_columns`` of them, is split by one regular expression (which
        must match as many cells as the row has ``<c`` tags), then its values converted in one flat loop (the
        loop every cell of a large file goes through). Any other row (rich text, a comment,
        more than ``ROW_WINDOW`` bytes) is read cell by cell, and skipped past ``max_columns`` cells.
        """
        stream = self.stream
        i = stream.ensure(stream.pos, ROW_WINDOW)
        end = self.row_end.search(stream.buf, i, i + ROW_WINDOW)
        if end is None or stream.buf.find(b"<!", i, end.start()) >= 0:
            return self._row_cell_by_cell()  # past the window, or a comment or CDATA section in it
        count = stream.buf.count(self.cell_start, i, end.start())
        if count > self.max_columns:
            return self._row_cell_by_cell()  # more cells than are read: read those, skip the rest unread
        cells = self.cell.findall(stream.buf, i, end.start())
        if len(cells) != count:
            return self._row_cell_by_cell()  # a cell of another form (rich text): read tag by tag
        stream.pos = end.end()
        values: list = []
        column, dates, max_columns, strings, texts = (
            0,
            self.cells.dates,
            self.max_columns,
            self.cells.strings,
            self.texts,
        )
        try:
            for letters, style, kind, others, raw, text in cells:
                column = (_COLUMNS.get(letters) or column_index(letters + b"1")) if letters else column + 1
                if others:
                    kind, style, column = self._other_attrs(others, kind, style, column)
                if column > max_columns:
                    break
                if (not kind or kind == b"n") and raw and (not style or int(style) not in dates):
                    # a number, as openpyxl's _cast_number reads it (int() and float() take ASCII bytes)
                    value = float(raw) if b"." in raw or b"e" in raw or b"E" in raw else int(raw)
                elif kind == b"s" and raw:
                    value = strings[int(raw)]
                elif kind == b"inlineStr" and text:
                    value = texts.get(text)
                    if value is None:
                        value = decode_value(text)
                        if len(text) <= 64 and len(texts) < TEXT_CACHE:
                            texts[text] = value
                else:
                    value = self._value(kind.decode() if kind else "n", int(style) if style else 0, raw, text)
                if column == len(values) + 1:
                    values.append(value)
                else:
                    self._put(values, column, value)
        except ValueError:
            raise unreadable("cell value") from None
        return values

    def _value(self, kind: str, style: int, raw: bytes | None, text: bytes | None):
        if kind == "inlineStr":
            return decode_value(text) if text else None
        return self.cells.value(kind, style, decode_value(raw) if raw else None)

    @staticmethod
    def _put(values: list, column: int, value) -> None:
        if column > len(values):
            values.extend([None] * (column - len(values)))
        values[column - 1] = value

    @staticmethod
    def _other_attrs(raw: bytes, kind: bytes, style: bytes, column: int) -> tuple[bytes, bytes, int]:
        """A cell's r, s and t when written otherwise than the fast pattern expects (another order, quotes)."""
        for name, value in CELL_ATTR.findall(raw):
            if name == b"r":
                column = column_index(value)
            elif name == b"t":
                kind = value
            elif value:
                if not value.isdigit():
                    raise unreadable("style")
                style = value
        return kind, style, column

    def _row_cell_by_cell(self) -> list:
        stream, values, column = self.stream, [], 0
        for _n in range(self.max_columns):
            if stream.find(self.cell_or_end) is None:
                raise unreadable("unterminated row")
            i = stream.ensure(stream.pos, FAST_WINDOW)
            if stream.buf.startswith(b"</", i):
                stream.tag_at(i)
                return values
            fast = self.cell.match(stream.buf, i)
            if fast is not None:
                stream.pos = fast.end()
                letters, style, kind, others, raw, text = fast.groups()
                column = column_index(letters + b"1") if letters else column + 1
                kind, style, column = self._other_attrs(others or b"", kind or b"", style or b"", column)
                if column > self.max_columns:
                    break
                try:
                    value = self._value(kind.decode() or "n", int(style or 0), raw, text)
                except ValueError:
                    raise unreadable("cell value") from None
            else:
                _closing, _name, attrs, empty = tag_parts(stream.tag_at(i))
                kind, style, column = self._other_attrs(attrs, b"n", b"", column + 1)
                if column > self.max_columns:
                    break
                value = None if empty else self._cell_value(kind.decode(), int(style or 0))
            self._put(values, column, value)
        # More cells than columns read: the rest of the row is skipped without looking at its cells.
        if stream.find(self.row_end) is None:
            raise unreadable("unterminated row")
        stream.tag_at(stream.pos)
        return values

    def _cell_value(self, kind: str, style: int):
        """A cell in the general form (rich inline text, comments, CDATA): read up to its ``</c>``."""
        stream, size, raw, text, in_value = self.stream, [0], None, None, 0
        pieces: list = []
        for _n in range(MAX_CELL_TAGS):
            match = stream.tag(pieces if in_value else None, size)
            if match is None:
                raise unreadable("unterminated cell")
            closing, name, _attrs_raw, empty = tag_parts(match)
            if name == b"c" and closing:
                break
            if name == b"v" and not empty:
                if closing:
                    if raw is None:
                        raw = decode_text(pieces)  # the first <v>, as findtext reads it
                    pieces = []
                in_value += -1 if closing else 1
            elif name == b"is" and not closing and not empty and kind == "inlineStr":
                stream.pos = match.start()
                text = rich_text(stream, b"is")
        else:
            raise XlsxError("cell_too_big")
        if kind == "inlineStr":
            return text
        try:
            return self.cells.value(kind, style, raw)
        except ValueError:
            raise unreadable("cell value") from None
