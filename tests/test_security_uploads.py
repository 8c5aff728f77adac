"""Decompression bombs within the limits: an .xlsx or CSV the upload limit lets through is read with bounded work.

Both imports (values, learning register) read tables through ``core.uploads.table_read``, which reads only the
first ``max_columns`` cells of a row (the rest is skipped unread), refuses a row numbered past the row limit and
a declared dimension past it before building anything, reads shared strings only as far as the cells ask,
refuses a DOCTYPE, a cell too large or too deeply nested. The values it reads are those openpyxl reads.
The costs (time, memory) are measured by ``benchmarks/upload_bombs.py``, not here.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from core.uploads import ImportFileError, table_read
from indicators.models import Indicator, Measure
from learning.models import Subject
from reports.models import Value
from reports.services.importing import MAX_COLUMNS, values_import

from . import bombs
from .base import PersonasTestCase

VALUES_HEADER = ["unit_code", "indicator_code", "period", "value"]


def saved(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rows_of(data: bytes, name: str = "t.xlsx", **limits) -> list[list]:
    _fmt, rows = table_read(io.BytesIO(data), name=name, **limits)
    return [trimmed(row) for row in rows]


def trimmed(row) -> list:
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return row


class ReaderBoundsTests(SimpleTestCase):
    def test_it_does_not_read_the_cells_of_a_row_past_max_columns(self):
        # Past the columns read, a cell names a shared string that does not exist: reading it would fail.
        header = bombs.header_row(VALUES_HEADER)[:-6] + b'<c t="s"><v>99999999</v></c>' * 3 + b"</row>"
        data = bombs.xlsx([header, b"<row>" + bombs.inline("09910") + b"</row>"])
        self.assertEqual(rows_of(data, max_columns=4), [VALUES_HEADER, ["09910"]])

    def test_it_skips_a_row_of_a_million_cells_after_the_columns_it_reads(self):
        data = bombs.xlsx(
            [bombs.header_row(VALUES_HEADER)[:-6], *bombs.repeated(b"<c><v>1</v></c>", 1_000_000), b"</row>"]
        )
        self.assertEqual(rows_of(data, max_columns=6), [[*VALUES_HEADER, 1, 1]])

    def test_it_refuses_a_row_numbered_past_the_limit_before_yielding_the_rows_between(self):
        _fmt, rows = table_read(io.BytesIO(bombs.far_row(VALUES_HEADER, 30_000)), name="t.xlsx", max_rows=20_000)
        self.assertEqual(next(rows), VALUES_HEADER)
        with self.assertRaisesMessage(ImportFileError, "Tệp có hơn 20.000 dòng"):
            next(rows)  # not 29,998 empty rows first

    def test_it_refuses_a_sheet_that_declares_more_rows_or_columns_than_allowed(self):
        with self.assertRaisesMessage(ImportFileError, "Tệp có hơn 20.000 dòng"):
            rows_of(bombs.absurd_dimension(VALUES_HEADER), max_rows=20_000)
        past_the_grid = bombs.xlsx([bombs.header_row(VALUES_HEADER)], before_data=[b'<dimension ref="A1:ZZZZ2"/>'])
        with self.assertRaisesMessage(ImportFileError, "Không đọc được tệp Excel"):
            rows_of(past_the_grid)

    def test_it_reads_shared_strings_only_as_far_as_the_cells_ask(self):
        # Entry 3 is broken (an entity no XML defines); the cells only name entries 0 and 1.
        strings = [
            b"<si><t>unit_code</t></si>",
            b"<si><t>09910</t></si>",
            b"<si><t>ok</t></si>",
            b"<si><t>&x;</t></si>",
        ]
        data = bombs.xlsx([b'<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>'], shared_strings=strings)
        self.assertEqual(rows_of(data), [["unit_code"], ["09910"]])
        naming_the_broken_one = bombs.xlsx([b'<row><c t="s"><v>3</v></c></row>'], shared_strings=strings)
        with self.assertRaisesMessage(ImportFileError, "Không đọc được tệp Excel"):
            rows_of(naming_the_broken_one)

    def test_it_refuses_a_shared_string_index_past_the_table_it_may_hold(self):
        data = bombs.xlsx([b'<row><c t="s"><v>1000000</v></c></row>'], shared_strings=[b"<si><t>x</t></si>"])
        with self.assertRaisesMessage(ImportFileError, "Không đọc được tệp Excel"):
            rows_of(data)

    def test_it_refuses_a_cell_nested_deep_or_too_long(self):
        for data in (bombs.deep_xml(20_000), bombs.long_cell(2_000_000), bombs.many_tags_in_cells(10_000)):
            with self.subTest(size=len(data)), self.assertRaisesMessage(ImportFileError, "một ô quá lớn"):
                rows_of(data)

    def test_it_refuses_a_doctype_and_so_any_entity_expansion(self):
        with self.assertRaisesMessage(ImportFileError, "Không đọc được tệp Excel"):
            rows_of(bombs.entity_bomb())

    def test_it_refuses_metadata_parts_past_their_size(self):
        with self.assertRaisesMessage(ImportFileError, "Không đọc được tệp Excel"):
            rows_of(bombs.many_sheets(20_000))

    def test_it_cuts_a_csv_row_at_max_columns(self):
        self.assertEqual(rows_of(bombs.csv_long_line(100_000), name="t.csv", max_columns=3), [["loai", "ten", "1"]])


class ReaderValuesTests(SimpleTestCase):
    """The cells the imports use read as openpyxl reads them (numbers, text, shared and inline strings,
    booleans, dates in both calendars, error codes)."""

    def assertReadsAsOpenpyxl(self, data: bytes):
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        expected = [trimmed(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        workbook.close()
        while expected and not expected[-1]:
            expected.pop()
        self.assertEqual(rows_of(data), expected)

    def test_it_reads_what_openpyxl_reads(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["unit_code", "indicator_code", "period", "value", "comment"])
        sheet.append(["09910", "CLC", 2024, 3, "x & y < z, dòng\nmới"])
        sheet.append([9910, None, 2024.0, 1.5, "  khoảng trắng  "])
        sheet.append(
            [True, False, datetime.date(2024, 3, 1), datetime.datetime(2024, 3, 1, 12, 30), datetime.time(8, 15)]
        )
        sheet.append([1e20, -0.000123, 12345678901234567890, "#N/A", "x005F_a_x000D_"])
        sheet["A7"] = "=SUM(1,2)"
        sheet["B7"] = datetime.timedelta(hours=30)
        sheet["B7"].number_format = "[h]:mm:ss"
        sheet["C8"] = CellRichText(["thường ", TextBlock(InlineFont(b=True), "đậm")])
        self.assertReadsAsOpenpyxl(saved(workbook))

    def test_it_reads_dates_of_the_1904_calendar(self):
        workbook = Workbook()
        workbook.epoch = CALENDAR_MAC_1904
        workbook.active.append([datetime.date(2020, 5, 17), 5])
        self.assertReadsAsOpenpyxl(saved(workbook))

    def test_it_reads_a_streamed_workbook_with_shared_strings(self):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for n in range(300):
            sheet.append([f"mã {n % 7}", n, n * 0.5, None, "Nguyễn Văn A"])
        self.assertReadsAsOpenpyxl(saved(workbook))

    def test_it_reads_prefixed_elements_comments_cdata_and_character_references(self):
        p = "x:"
        sheet = (
            f'<{p}row><!-- <{p}c> --><{p}c t="inlineStr"><{p}is><{p}t><![CDATA[a<b]]> &amp; &#x1EA1;</{p}t></{p}is>'
            f'</{p}c><{p}c t="str"><{p}f>A1</{p}f><{p}v>x &lt; y</{p}v></{p}c><?pi?><{p}c t="b"><{p}v>1</{p}v>'
            f"</{p}c></{p}row>"
        ).encode()
        data = bombs.xlsx([sheet], prefix=p)
        self.assertEqual(rows_of(data), [["a<b & ạ", "x < y", True]])


class ImportsUnderBombsTests(PersonasTestCase):
    """Through the pages: a bomb gets the usual Vietnamese answer, nothing is written."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)

    def setUp(self):
        self.client.force_login(self.reporter)

    def post(self, url: str, data: bytes):
        return self.client.post(url, {"file": SimpleUploadedFile("bom.xlsx", data)})

    def test_it_answers_the_probes_wide_header_row_with_the_missing_columns(self):
        data = bombs.wide_row(300_000)
        response = self.post(reverse("reports:import"), data)
        self.assertContains(response, "Thiếu cột bắt buộc")
        self.assertEqual(Value.objects.count(), 0)
        response = self.post(reverse("learning:register_import", args=[self.tanlinh.pk]), data)
        self.assertContains(response, "Thiếu cột bắt buộc", status_code=400)
        self.assertFalse(Subject.objects.exists())

    def test_it_reads_the_values_of_a_good_row_behind_a_wide_header(self):
        header = bombs.header_row(VALUES_HEADER)[:-6] + b"<c><v>1</v></c>" * 100_000 + b"</row>"
        row = b"<row>" + b"".join(bombs.inline(v) for v in ("09910", "CLC", "2024")) + b"<c><v>7</v></c></row>"
        result = values_import(io.BytesIO(bombs.xlsx([header, row])), self.reporter, name="t.xlsx")
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Value.objects.get().value, 7)

    def test_it_refuses_more_rows_than_the_limit(self):
        data = bombs.many_rows(20_001, VALUES_HEADER, cell=b"<c><v>1</v></c>", cells=1)
        response = self.post(reverse("reports:import"), data)
        self.assertContains(response, "Tệp có hơn 20.000 dòng")
        self.assertEqual(Value.objects.count(), 0)

    def test_it_refuses_a_register_of_more_rows_than_the_limit(self):
        data = b"loai,ten\n" + b"gia dinh,Ho Nguyen\n" * 20_001
        response = self.client.post(
            reverse("learning:register_import", args=[self.tanlinh.pk]),
            {"file": SimpleUploadedFile("so.csv", data)},
        )
        self.assertContains(response, "Tệp có hơn 20.000 dòng", status_code=400)
        self.assertFalse(Subject.objects.exists())

    def test_it_reads_as_many_columns_as_the_entry_template_writes(self):
        from exports.xlsx.template import COLUMNS

        self.assertGreaterEqual(MAX_COLUMNS, len(COLUMNS))


class AdminImportTests(PersonasTestCase):
    """The administration's XLSX import reads through the same bounded reader."""

    def test_it_reads_an_admin_import_through_the_bounded_reader(self):
        Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)
        # Past the 64 columns an admin import reads, cells that name shared strings that do not exist.
        header = bombs.header_row(VALUES_HEADER)[:-6] + b"<c/>" * 70 + b'<c t="s"><v>99999999</v></c>' * 3 + b"</row>"
        row = b"<row>" + b"".join(bombs.inline(v) for v in ("09910", "CLC", "2024")) + b"<c><v>7</v></c></row>"
        self.client.force_login(self.admin)
        response = self.client.post(
            reverse("admin:reports_value_import"),
            {"format": "1", "import_file": SimpleUploadedFile("gia-tri.xlsx", bombs.xlsx([header, row]))},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("confirm_form", response.context)  # the preview, with nothing refused

    def test_it_refuses_a_bomb_in_the_admin_import_with_the_reason(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            reverse("admin:reports_value_import"),
            {"format": "1", "import_file": SimpleUploadedFile("bom.xlsx", bombs.far_row(VALUES_HEADER))},
        )
        self.assertContains(response, "Tệp có hơn 20.000 dòng")
        self.assertEqual(Value.objects.count(), 0)


class ReaderRowWidthTests(SimpleTestCase):
    def test_it_reads_at_most_max_columns_cells_of_a_row_whatever_their_form(self):
        # 3,000 plain cells in a row that fits the fast path's window: only the first 5 are read.
        row = b"<row>" + b"".join(bombs.inline(f"c{n}") for n in range(3000)) + b"</row>"
        self.assertEqual(rows_of(bombs.xlsx([row]), max_columns=5), [["c0", "c1", "c2", "c3", "c4"]])
