"""The tokenizer under the .xlsx reader: a part of the archive scanned as tags and text, a chunk at a time.

No XML tree is built, so there is no depth to exhaust. A DOCTYPE is refused (entity definitions are how XML
bombs expand); comments and processing instructions are skipped. Character data is decoded as an XML parser
would: UTF-8, the five predefined entities and character references, line ends normalised.
"""

from __future__ import annotations

import re
import zipfile
import zlib

#: The XML of one cell or one shared string (Excel holds at most 32,767 characters in a cell).
MAX_CELL_BYTES = 1 << 20
CHUNK = 1 << 20
#: How far ahead a cell's fast-path match may look; a larger cell goes through the general tokenizer.
FAST_WINDOW = 1 << 16
MAX_TAG_BYTES = 1 << 16
#: Tags inside one cell or shared string (rich text runs), and tags read one by one in a part: the usual cells
#: take one regular-expression match each, so only an odd file gets near these.
MAX_CELL_TAGS = 4096
MAX_GENERIC_TAGS = 1_000_000

NAME = rb"[A-Za-z_][\w.\-]*"
ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
TAG = re.compile(rb"<(/?)(?:" + NAME + rb":)?(" + NAME + rb")(" + ATTRS + rb")\s*(/?)>")
ATTR = re.compile(rb"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);|&")
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class XlsxError(Exception):
    """The workbook cannot be read: ``kind`` is "unreadable", "too_many_rows" or "cell_too_big"."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


def unreadable(detail: str = "") -> XlsxError:
    return XlsxError("unreadable", detail)


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name is None:
        raise unreadable("a bare &")
    if name.startswith("#x"):
        code = int(name[2:], 16)
    elif name.startswith("#"):
        code = int(name[1:])
    else:
        try:
            return ENTITIES[name]
        except KeyError:
            raise unreadable(f"entity &{name};") from None
    try:
        return chr(code)
    except (ValueError, OverflowError):
        raise unreadable(f"character &{name};") from None


def decode_text(pieces: list[tuple[bytes, bool]]) -> str:
    """Character data as an XML parser gives it: UTF-8, entities resolved, line ends normalised."""
    out = []
    for raw, literal in pieces:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise unreadable("not UTF-8") from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not literal and "&" in text:
            text = ENTITY.sub(_entity, text)
        out.append(text)
    return "".join(out)


def decode_value(raw: bytes) -> str:
    """A value's text: plain ASCII as it is, anything else through ``decode_text``."""
    if b"&" in raw or b"\r" in raw:
        return decode_text([(raw, False)])
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        return decode_text([(raw, False)])


def attributes(raw: bytes) -> dict[bytes, str]:
    """Attributes by local name (``r:id`` → ``id``)."""
    found = {}
    for name, double, single in ATTR.findall(raw):
        value = double if double or not single else single
        found[name.rsplit(b":", 1)[-1]] = decode_text([(value, False)])
    return found


class Stream:
    """One part of the archive, decompressed a chunk at a time; ``buf[pos:]`` is what is left to scan."""

    def __init__(self, archive: zipfile.ZipFile, name: str, *, limit: int | None = None):
        try:
            self.raw = archive.open(name)
        except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, zlib.error):
            raise unreadable(f"part {name}") from None
        self.buf, self.pos, self.eof, self.read, self.limit = b"", 0, False, 0, limit
        self.prefix = b""
        self.budget = MAX_GENERIC_TAGS

    def close(self) -> None:
        self.raw.close()

    def fill(self) -> bool:
        """One more chunk, dropping what was scanned (``buf[:pos]``); False at the end of the part."""
        if self.eof:
            return False
        try:
            chunk = self.raw.read(CHUNK)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
            raise unreadable("bad compressed data") from None
        if not chunk:
            self.eof = True
            return False
        self.read += len(chunk)
        if self.limit is not None and self.read > self.limit:
            raise unreadable("part too large")
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def ensure(self, i: int, n: int) -> int:
        """Make ``n`` bytes from ``i`` available (fewer at the end); returns where ``i`` now is."""
        while len(self.buf) - i < n and not self.eof:
            self.pos = i
            self.fill()
            i = self.pos
        return i

    def find(self, pattern: re.Pattern) -> re.Match | None:
        """The next match of a short pattern outside comments and CDATA sections, skipping what comes before it
        at the speed of a byte search."""
        while True:
            match = pattern.search(self.buf, self.pos)
            bang = self.buf.find(b"<!", self.pos, match.start() if match is not None else len(self.buf))
            if bang >= 0:
                self.pos = self.ensure(bang, 9)
                self._skip_declaration()
                continue
            if match is not None and (match.end() < len(self.buf) or self.eof):
                self.pos = match.start()
                return match
            if self.eof:
                return None
            self.pos = match.start() if match is not None else max(self.pos, len(self.buf) - 256)
            self.fill()

    def _skip_declaration(self) -> None:
        """Past the comment or CDATA section at ``pos``; a DOCTYPE is refused (entity definitions are how XML
        bombs expand)."""
        if self.buf.startswith(b"<!--", self.pos):
            self.pos += 4
            self.skip_past(b"-->")
        elif self.buf.startswith(b"<![CDATA[", self.pos):
            self.pos += 9
            self.skip_past(b"]]>")
        else:
            raise unreadable("DOCTYPE")

    def skip_past(self, needle: bytes, collect: list | None = None, size: list[int] | None = None) -> None:
        """Move past the next ``needle`` (the end of a comment, a CDATA section, a processing instruction)."""
        while True:
            i = self.buf.find(needle, self.pos)
            if i >= 0:
                if collect is not None:
                    self._collect(collect, size, self.buf[self.pos : i], True)
                self.pos = i + len(needle)
                return
            keep = max(self.pos, len(self.buf) - len(needle) + 1)
            if collect is not None:
                self._collect(collect, size, self.buf[self.pos : keep], True)
            self.pos = keep
            if not self.fill():
                raise unreadable("unterminated section")

    @staticmethod
    def _collect(collect: list, size: list[int], piece: bytes, literal: bool) -> None:
        if piece:
            size[0] += len(piece)
            if size[0] > MAX_CELL_BYTES:
                raise XlsxError("cell_too_big")
            collect.append((piece, literal))

    def tag(self, collect: list | None = None, size: list[int] | None = None) -> re.Match | None:
        """The next tag from ``pos`` (skipping comments and processing instructions), None at the end.

        With ``collect``, the character data before the tag is appended to it as ``(bytes, literal)`` pieces.
        """
        self.budget -= 1
        if self.budget < 0:
            raise unreadable("too many tags read one by one")
        while True:
            i = self.buf.find(b"<", self.pos)
            while i < 0:
                if collect is not None:
                    self._collect(collect, size, self.buf[self.pos :], False)
                self.pos = len(self.buf)
                if not self.fill():
                    return None
                i = self.buf.find(b"<", self.pos)
            if collect is not None:
                self._collect(collect, size, self.buf[self.pos : i], False)
            i = self.ensure(i, 9)
            buf = self.buf
            if buf.startswith(b"<!--", i):
                self.pos = i + 4
                self.skip_past(b"-->")
            elif buf.startswith(b"<![CDATA[", i):
                self.pos = i + 9
                self.skip_past(b"]]>", collect, size)
            elif buf.startswith(b"<?", i):
                self.pos = i + 2
                self.skip_past(b"?>")
            elif buf.startswith(b"<!", i):
                raise unreadable("DOCTYPE")  # entity definitions are how XML bombs expand
            else:
                return self.tag_at(i)

    def tag_at(self, i: int) -> re.Match:
        """The whole tag that starts at ``buf[i]``; ``pos`` moves past it."""
        while True:
            match = TAG.match(self.buf, i)
            if match is not None:
                self.pos = match.end()
                return match
            if len(self.buf) - i > MAX_TAG_BYTES or self.eof:
                raise unreadable("malformed tag")
            i = self.ensure(i, len(self.buf) - i + CHUNK)

    def root(self) -> bytes:
        """Read the root tag and remember its namespace prefix (``x:`` in ``<x:worksheet>``), which the parts'
        own elements then carry."""
        match = self.tag()
        if match is None:
            raise unreadable("empty part")
        whole = match.group(0)
        self.prefix = whole[1 : whole.index(b":") + 1] if b":" in whole.split(None, 1)[0] else b""
        return match.group(2)


def tag_parts(match: re.Match) -> tuple[bool, bytes, bytes, bool]:
    """(closing, local name, attributes, empty) of a TAG match."""
    return match.group(1) == b"/", match.group(2), match.group(3), match.group(4) == b"/"


def read_part(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A small part, whole, refused past ``limit`` bytes whatever its header says."""
    stream = Stream(archive, name, limit=limit)
    try:
        while stream.fill():
            pass
        return stream.buf
    finally:
        stream.close()


def rich_text(stream: Stream, element: bytes) -> str:
    """The text of an ``<si>`` or ``<is>`` element from its start tag: its ``<t>`` and its runs' ``<t>``, not the
    phonetic ``<rPh>`` (openpyxl's ``Text.content``)."""
    start = stream.tag()
    if tag_parts(start)[3]:
        return ""  # <si/>
    pieces: list = []
    size = [0]
    in_t = phonetic = 0
    for _n in range(MAX_CELL_TAGS):
        match = stream.tag(pieces if in_t and not phonetic else None, size)
        if match is None:
            raise unreadable("unterminated string")
        closing, name, _attrs_raw, empty = tag_parts(match)
        if name == element and closing:
            return decode_text(pieces)
        if name == b"t" and not empty:
            in_t += -1 if closing else 1
        elif name == b"rPh" and not empty:
            phonetic += -1 if closing else 1
    raise XlsxError("cell_too_big")
