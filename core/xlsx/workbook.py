"""The parts around the sheet: which part is the first worksheet, the calendar, which cell formats are dates,
and the shared strings (read lazily, as far as the cells ask)."""

from __future__ import annotations

import posixpath
import re
import zipfile

from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE, builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH

from .scan import (
    ATTRS,
    CHUNK,
    FAST_WINDOW,
    TAG,
    Stream,
    attributes,
    decode_value,
    read_part,
    rich_text,
    tag_parts,
    unreadable,
)

#: The parts that describe the workbook are small; styles hold at most Excel's 64,000 cell formats.
MAX_META_BYTES = 2 << 20
MAX_STYLES_BYTES = 16 << 20
MAX_STYLES = 64_000
#: Shared strings held in memory: those up to the highest index a read cell refers to, within these bounds.
MAX_SHARED_STRINGS = 1_000_000
MAX_SHARED_CHARS = 32_000_000


def _relationships(archive: zipfile.ZipFile, part: str, names: dict[str, str]) -> list[dict[bytes, str]]:
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name.lower() not in names:
        return []
    found = []
    for match in TAG.finditer(read_part(archive, names[rels_name.lower()], MAX_META_BYTES)):
        closing, name, attrs, _empty = tag_parts(match)
        if not closing and name == b"Relationship":
            rel = attributes(attrs)
            if rel.get(b"TargetMode", "") != "External":
                target = rel.get(b"Target", "")
                rel[b"path"] = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                )
                found.append(rel)
    return found


def _rel_type(rel: dict[bytes, str]) -> str:
    return rel.get(b"Type", "").rsplit("/", 1)[-1]


class Workbook:
    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = {info.filename.lower(): info.filename for info in archive.infolist()}
        package = {_rel_type(r): r[b"path"] for r in _relationships(archive, "", self.names)}
        self.path = package.get("officeDocument", "xl/workbook.xml")
        if self.path.lower() not in self.names:
            raise unreadable("no workbook")
        rels = _relationships(archive, self.path, self.names)
        by_id = {r.get(b"Id", ""): r for r in rels}
        self.shared_strings = next((self._name(r) for r in rels if _rel_type(r) == "sharedStrings"), None)
        self.styles = next((self._name(r) for r in rels if _rel_type(r) == "styles"), None)
        self.epoch, self.sheet = WINDOWS_EPOCH, None
        for match in TAG.finditer(read_part(archive, self.names[self.path.lower()], MAX_META_BYTES)):
            closing, name, attrs, _empty = tag_parts(match)
            if closing:
                continue
            if name == b"workbookPr" and attributes(attrs).get(b"date1904", "").lower() in ("1", "true"):
                self.epoch = CALENDAR_MAC_1904
            elif name == b"sheet":
                rel = by_id.get(attributes(attrs).get(b"id", ""))
                if rel is not None and _rel_type(rel) == "worksheet":  # chartsheets are not tables
                    self.sheet = self._name(rel)
                    break

    def _name(self, rel: dict[bytes, str]) -> str | None:
        return self.names.get(rel[b"path"].lower())


def date_styles(archive: zipfile.ZipFile, name: str | None) -> tuple[set[int], set[int]]:
    """The cell formats (indices of ``cellXfs``) that show dates, and those that show durations, as openpyxl
    decides it (``Stylesheet._normalise_numbers``)."""
    if name is None:
        return set(), set()
    custom: dict[int, str] = {}
    formats: list[int] = []
    in_cell_formats = False
    for match in TAG.finditer(read_part(archive, name, MAX_STYLES_BYTES)):
        closing, tag, attrs, empty = tag_parts(match)
        if tag == b"numFmt" and not closing:
            found = attributes(attrs)
            try:
                custom[int(found.get(b"numFmtId", ""))] = found.get(b"formatCode", "")
            except ValueError:
                raise unreadable("numFmtId") from None
        elif tag == b"cellXfs":
            in_cell_formats = not closing and not empty
        elif tag == b"xf" and not closing and in_cell_formats:
            try:
                formats.append(int(attributes(attrs).get(b"numFmtId", "0")))
            except ValueError:
                raise unreadable("numFmtId") from None
            if len(formats) > MAX_STYLES:
                raise unreadable("too many cell formats")
    dates, durations = set(), set()
    for index, number in enumerate(formats):
        code = custom[number] if number in custom else builtin_format_code(number)
        if number in custom and code in BUILTIN_FORMATS_REVERSE:
            code = builtin_format_code(BUILTIN_FORMATS_REVERSE[code])
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return dates, durations


class SharedStrings:
    """The shared-strings table, read as far as the highest index asked for (and no further).

    Runs of plain entries (``<si><t>text</t></si>``) are checked and split by two regular expressions; an entry
    with runs of rich text is read tag by tag.
    """

    def __init__(self, archive: zipfile.ZipFile, name: str | None):
        self.items: list[str | bytes] = []
        self.chars = 0
        self.stream = None
        if name is not None:
            self.stream = Stream(archive, name)
            self.stream.root()
            p = re.escape(self.stream.prefix)
            self.start = re.compile(rb"<" + p + rb"si[\s/>]")
            plain = (
                rb"\s*<"
                + p
                + rb"si\s*><"
                + p
                + rb"t(?:"
                + ATTRS
                + rb")\s*>([^<]*)</"
                + p
                + rb"t\s*></"
                + p
                + rb"si\s*>"
            )
            self.plain = re.compile(plain)
            self.plain_run = re.compile(rb"(?:" + plain + rb")++")

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()

    def __getitem__(self, index: int) -> str:
        if index < 0:
            raise unreadable("shared string index")
        if index >= MAX_SHARED_STRINGS:
            raise unreadable("shared strings table too large")
        while len(self.items) <= index:
            self._read_more()
        item = self.items[index]
        if isinstance(item, bytes):  # a plain entry, decoded the first time a cell names it
            item = decode_value(item)
            self.items[index] = item = item.replace("x005F_", "") if "x005F_" in item else item
        return item

    def _read_more(self) -> None:
        stream = self.stream
        if stream is None or stream.find(self.start) is None:
            raise unreadable("shared string index")
        i = stream.ensure(stream.pos, FAST_WINDOW)
        run = self.plain_run.match(stream.buf, i)
        if run is not None:
            items = self.plain.findall(stream.buf, i, run.end())
            stream.pos = run.end()
        else:
            text = rich_text(stream, b"si")
            items = [text.replace("x005F_", "") if "x005F_" in text else text]  # as openpyxl's read_string_table
        self.chars += sum(map(len, items))
        if self.chars > MAX_SHARED_CHARS or len(self.items) + len(items) > MAX_SHARED_STRINGS + CHUNK:
            raise unreadable("shared strings table too large")
        self.items.extend(items)
