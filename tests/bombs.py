"""Hostile spreadsheets that stay within the upload limits, for the tests and ``benchmarks/upload_bombs.py``.

Each builder writes a real .xlsx (a zip with the parts Excel writes) whose sheet XML is streamed from repeated
pieces, so a file that expands to 180 MB is built without holding 180 MB.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CHUNK = 1 << 20

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)


def repeated(piece: bytes, times: int) -> Iterator[bytes]:
    """``piece`` × ``times`` in chunks of about a megabyte."""
    per_chunk = max(1, CHUNK // len(piece))
    block = piece * per_chunk
    while times >= per_chunk:
        yield block
        times -= per_chunk
    if times:
        yield piece * times


def xlsx(sheet_data: Iterable[bytes], *, shared_strings: Iterable[bytes] = (), sheets: int = 1,
         before_data: Iterable[bytes] = (), prefix: str = "") -> bytes:  # fmt: skip
    """A workbook whose first sheet holds ``<sheetData>`` + the pieces + ``</sheetData>``; ``sheets`` - 1 more
    empty sheets; a shared-strings part made of ``shared_strings`` (``<si>`` elements). With ``prefix`` ("x:")
    the sheet's elements carry a namespace prefix, as some generators write them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Target="xl/workbook.xml" '
            f'Type="{RELS}/officeDocument"/></Relationships>',
        )
        sheet_list = "".join(f'<sheet name="T{n}" sheetId="{n}" r:id="rId{n + 10}"/>' for n in range(1, sheets + 1))
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{sheet_list}</sheets></workbook>',
        )
        rels = "".join(
            f'<Relationship Id="rId{n + 10}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, sheets + 1)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_RELS}">{rels}'
            f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<sst xmlns="{MAIN}">'.encode())
            for piece in shared_strings:
                part.write(piece)
            part.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            namespace = f"xmlns:{prefix[:-1]}" if prefix else "xmlns"
            part.write(f'<{prefix}worksheet {namespace}="{MAIN}">'.encode())
            for piece in before_data:
                part.write(piece)
            part.write(f"<{prefix}sheetData>".encode())
            for piece in sheet_data:
                part.write(piece)
            part.write(f"</{prefix}sheetData></{prefix}worksheet>".encode())
        for n in range(2, sheets + 1):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')
    return out.getvalue()


def inline(text: str) -> bytes:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def header_row(names: Iterable[str]) -> bytes:
    return b'<row r="1">' + b"".join(inline(n) for n in names) + b"</row>"


# --- the bombs ---------------------------------------------------------------------------------------------


def wide_row(cells: int = 12_000_000) -> bytes:
    """One header row of ``cells`` cells (12 million: 343 kB that expand to 180 MB)."""
    return xlsx([b"<row>", *repeated(b"<c><v>1</v></c>", cells), b"</row>"])


def wide_empty_row(cells: int = 14_000_000) -> bytes:
    """A row of empty cells (``<c/>``) after a usable header: nothing to read, all to skip."""
    return xlsx([header_row(["loai", "ten"]), b"<row>", *repeated(b'<c s="0"/>', cells), b"</row>"])


def many_rows(rows: int, header: list[str], cell: bytes = b"<c><v>1</v></c>", cells: int = 8) -> bytes:
    """A header, then ``rows`` rows of ``cells`` cells each."""
    return xlsx([header_row(header), *repeated(b"<row>" + cell * cells + b"</row>", rows)])


def far_row(header: list[str], number: int = 1_048_576) -> bytes:
    """A header and one row numbered ``number``: openpyxl would yield every empty row in between."""
    return xlsx([header_row(header), f'<row r="{number}"><c><v>1</v></c></row>'.encode()])


def absurd_dimension(header: list[str]) -> bytes:
    """A sheet that declares itself as large as Excel's whole grid."""
    return xlsx([header_row(header)], before_data=[b'<dimension ref="A1:XFD1048576"/>'])


def many_sheets(sheets: int = 20_000) -> bytes:
    return xlsx([header_row(["loai", "ten"])], sheets=sheets)


def huge_shared_strings(strings: int = 13_000_000, index: int | None = None) -> bytes:
    """A shared-strings table of ``strings`` tiny entries; the header refers to entry ``index`` (the last)."""
    index = strings - 1 if index is None else index
    return xlsx(
        [f'<row><c t="s"><v>{index}</v></c></row>'.encode()],
        shared_strings=repeated(b"<si><t>x</t></si>", strings),
    )


def long_shared_string(chars: int = 150_000_000) -> bytes:
    """One shared string of ``chars`` characters."""
    return xlsx(
        [b'<row><c t="s"><v>0</v></c></row>'], shared_strings=[b"<si><t>", *repeated(b"a", chars), b"</t></si>"]
    )


def long_cell(chars: int = 150_000_000) -> bytes:
    """One number cell whose value has ``chars`` digits."""
    return xlsx([b"<row><c><v>", *repeated(b"9", chars), b"</v></c></row>"])


def deep_xml(depth: int = 10_000_000) -> bytes:
    """Elements nested ``depth`` deep, before the data and inside the first cell."""
    half = depth // 2
    return xlsx(
        [b"<row><c>", *repeated(b"<a>", half), *repeated(b"</a>", half), b"<v>1</v></c></row>"],
        before_data=[*repeated(b"<b>", half), *repeated(b"</b>", half)],
    )


def many_tags_in_cells(tags: int = 13_000_000) -> bytes:
    """Rich-text runs by the million inside a header of inline strings."""
    return xlsx([b'<row><c t="inlineStr"><is>', *repeated(b"<r><t>a</t></r>", tags), b"</is></c></row>"])


def entity_bomb() -> bytes:
    """The "billion laughs": entities defined in a DOCTYPE that expand each other."""
    doctype = (
        b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode() for n in range(9))
        + b"]>"
    )
    data = xlsx([b'<row><c t="inlineStr"><is><t>&j;</t></is></c></row>'])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = doctype + body
            archive.writestr(info.filename, body)
    return out.getvalue()


# --- CSV ---------------------------------------------------------------------------------------------------


def csv_long_field(size: int = 10_000_000) -> bytes:
    return b"loai,ten\n" + b'gia dinh,"' + b"a" * size + b'"\n'


def csv_long_line(fields: int = 5_000_000) -> bytes:
    return b"loai,ten" + b",1" * fields + b"\n"


def csv_rows(rows: int) -> bytes:
    """A header both imports read (values and register columns), then ``rows`` rows."""
    return b"unit_code,indicator_code,period,value,loai,ten\n" + b"09910,CLC,2024,1,gia dinh,Ho Nguyen\n" * rows
