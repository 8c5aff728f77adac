"""Importing values from CSV and Excel files: parsing, limits, all-or-nothing, the command, the upload page."""

import io
import shutil
import tempfile
import time
import unicodedata
from pathlib import Path
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from core.uploads import ImportFileError
from indicators.models import Indicator, Measure
from reports.models import EntryPath, Value
from reports.services.importing import rows_read, values_import
from units.models import Level, UnitKind

from .base import PersonasTestCase
from .factories import make_unit

HEADER = "unit_code,indicator_code,period,value,numerator,denominator,comment\n"


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return (header + "".join(f"{line}\n" for line in lines)).encode(encoding)


def cp1258(char: str) -> bytes:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        return unicodedata.normalize("NFD", char).encode("cp1258")


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class ImportTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Counted in thousands of people here, so that a fraction (99,5) is a number this indicator takes.
        cls.literacy = Indicator.objects.create(
            code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO, entry_level=Level.COMMUNE, whole_numbers=False
        )
        cls.clc = Indicator.objects.create(code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT)
        cls.std = Indicator.objects.create(code="XMC2", name="Chuẩn XMC", measure=Measure.STANDARD, max_level=2)

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def write(self, name: str, data: bytes) -> Path:
        path = self.tmp / name
        path.write_bytes(data)
        return path


class ImportParsingTests(ImportTestCase):
    def test_it_writes_nothing_when_one_row_is_bad_and_names_its_row_and_column(self):
        data = csv_bytes(
            "09910,CLC,2023,3,,,",
            "09910,LIT,2023,,120,100,điều tra",
            "09913,XMC2,2023,2,,,",
        )
        result = values_import(io.BytesIO(data), self.district_officer)
        self.assertFalse(result.ok)
        self.assertEqual(Value.objects.count(), 0)
        self.assertEqual([(e.row, e.column) for e in result.errors], [(3, "numerator")])
        self.assertTrue(str(result.errors[0]).startswith("Dòng 3, cột numerator: Tử số"))

    def test_it_reads_a_bom_semicolons_any_case_extra_columns_and_blank_lines(self):
        data = "\ufeffUnit_Code;INDICATOR_CODE;Period;Value;Numerator;Denominator;Comment;Ghi chép khác\n"
        data += "09910;LIT;2023;;99,5;100;tốt;x\n\n09910;CLC;2023;2;;;;\n"
        result = values_import(io.BytesIO(data.encode()), self.reporter)
        self.assertEqual((result.errors, result.record.created), ([], 2))
        self.assertEqual([r.row for r in result.rows], [2, 4])
        value = Value.objects.get(indicator=self.literacy)
        self.assertEqual((value.numerator, value.comment, value.entry_path), (99.5, "tốt", EntryPath.IMPORT))

    def test_it_reads_an_xlsx_file(self):
        data = xlsx_bytes(
            [
                ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "comment", "ghi chú"],
                ["09910", "LIT", 2023, None, 95.5, 100, "Excel", "bỏ qua"],
                ["09910", "CLC", "2023", 4, None, None, None, None],
                [None, None, None, None, None, None, None, None],
                ["09913", "XMC2", 2023, 2, None, None, None, None],
            ]
        )
        result = values_import(self.write("ket-qua.xlsx", data), self.district_officer)
        self.assertEqual((result.errors, result.record.created, result.fmt), ([], 3, "xlsx"))
        self.assertEqual(Value.objects.get(indicator=self.literacy).numerator, 95.5)
        self.assertEqual(Value.objects.get(indicator=self.std).unit, self.batrai)

    def test_it_names_the_missing_columns(self):
        data = csv_bytes("09910,2023,3", header="Unit_code,period,value\n")
        with self.assertRaisesMessage(ImportFileError, "Thiếu cột bắt buộc: Mã chỉ tiêu (indicator_code)."):
            rows_read(io.BytesIO(data))
        with self.assertRaisesMessage(
            ImportFileError, "Thiếu cột bắt buộc: Mã chỉ tiêu (indicator_code), Kỳ báo cáo (period), Giá trị (value)."
        ):
            rows_read(self.write("a.xlsx", xlsx_bytes([["unit_code", "comment"], ["09910", "x"]])))

    def test_it_reads_the_vietnamese_headings_of_its_own_template(self):
        header = "Mã đơn vị,Tên đơn vị,mã  chỉ tiêu,Kỳ báo cáo,Giá trị,Tử số,Mẫu số,Không phát sinh (x),Ghi chú\n"
        rows, _fmt = rows_read(io.BytesIO(csv_bytes("09910,Xã Tản Lĩnh,CLC,2023,3,,,x,Đã rà soát", header=header)))
        row = rows[0]
        self.assertEqual((row.unit_code, row.indicator_code, row.period), ("09910", "CLC", "2023"))
        self.assertEqual((row.value, row.not_applicable, row.comment), ("3", True, "Đã rà soát"))  # parsed later

    def test_it_refuses_a_file_that_is_not_utf8(self):
        # Windows-1258, as an old Vietnamese Excel saves it (tones as combining marks).
        text = HEADER + "09910,CLC,2023,3,,,Xã Tản Lĩnh đạt\n"
        data = b"".join(cp1258(char) for char in text)
        with self.assertRaisesMessage(ImportFileError, "không phải mã UTF-8"):
            values_import(io.BytesIO(data), self.reporter)

    def test_it_refuses_an_empty_file_an_old_xls_and_a_broken_xlsx(self):
        with self.assertRaisesMessage(ImportFileError, "Tệp trống"):
            rows_read(io.BytesIO(b""))
        with self.assertRaisesMessage(ImportFileError, "không có dòng số liệu"):
            rows_read(io.BytesIO(HEADER.encode()))
        with self.assertRaisesMessage(ImportFileError, ".xls"):
            rows_read(self.write("cu.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100))
        with self.assertRaisesMessage(ImportFileError, "tệp hỏng"):
            rows_read(self.write("hong.xlsx", b"PK\x03\x04 not really a zip"))

    @override_settings(XHHT_MAX_UPLOAD_BYTES=200)
    def test_it_refuses_an_oversized_file(self):
        data = csv_bytes(*["09910,CLC,2023,3,,,"] * 20)
        self.assertGreater(len(data), 200)
        with self.assertRaisesMessage(ImportFileError, "vượt giới hạn 200"):
            values_import(self.write("lon.csv", data), self.reporter)
        with self.assertRaisesMessage(ImportFileError, "vượt giới hạn"):
            values_import(io.BytesIO(data), self.reporter)

    def test_it_refuses_an_xlsx_that_expands_too_much(self):
        padding = [["09910", "CLC", "2023", "a" * 30_000 + str(n)] for n in range(40)]
        data = xlsx_bytes([["unit_code", "indicator_code", "period", "value"], *padding])  # ~7 kB, ~1.2 MB inside
        with override_settings(XHHT_MAX_UPLOAD_BYTES=len(data) + 1):
            with self.assertRaisesMessage(ImportFileError, "khi giải nén"):
                values_import(io.BytesIO(data), self.reporter)

    def test_it_refuses_too_many_rows(self):
        lines = ["09910,CLC,2023,1,,,"] * 6
        with mock.patch("reports.services.importing.MAX_ROWS", 5):
            with self.assertRaisesMessage(ImportFileError, "hơn 5 dòng"):
                rows_read(io.BytesIO(csv_bytes(*lines)))
            with self.assertRaisesMessage(ImportFileError, "hơn 5 dòng"):
                rows_read(
                    io.BytesIO(xlsx_bytes([["unit_code", "indicator_code", "period", "value"]] + [[1, 2, 3, 4]] * 6))
                )
            self.assertEqual(len(rows_read(io.BytesIO(csv_bytes(*lines[:5])))[0]), 5)

    def test_it_reports_rows_outside_the_users_scope(self):
        data = csv_bytes("09910,CLC,2023,1,,,", "09913,CLC,2023,1,,,", "00499,CLC,2023,1,,,", "271,CLC,2023,1,,,")
        result = values_import(io.BytesIO(data), self.reporter)
        self.assertEqual(
            [(e.row, e.column) for e in result.errors], [(3, "unit_code"), (4, "unit_code"), (5, "unit_code")]
        )
        self.assertIn("trong phạm vi của bạn", result.errors[0].message)
        self.assertEqual(Value.objects.count(), 0)
        # The district officer's scope holds its communes; the district itself is rolled up, not entered.
        result = values_import(io.BytesIO(data), self.district_officer)
        self.assertEqual([(e.row, e.column) for e in result.errors], [(4, "unit_code"), (5, "unit_code")])
        self.assertIn("tổng hợp tự động", result.errors[1].message)


class ImportVolumeTests(ImportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.communes = [make_unit(cls.bavi, f"1{n:04d}", f"Xã số {n}", UnitKind.COMMUNE) for n in range(100)]
        cls.many = Indicator.objects.bulk_create(
            Indicator(code=f"C{n:03d}", name=f"Chỉ tiêu đếm {n}", measure=Measure.COUNT) for n in range(100)
        )

    def test_it_imports_10000_rows(self):
        lines = [
            f"{unit.code},{ind.code},2023,{n % 50},,,"
            for n, (unit, ind) in enumerate((u, i) for u in self.communes for i in self.many)
        ]
        self.assertEqual(len(lines), 10_000)
        path = self.write("lon.csv", csv_bytes(*lines))
        started = time.perf_counter()
        result = values_import(path, self.district_officer, dry_run=True)
        checked = time.perf_counter() - started
        self.assertEqual((result.errors, Value.objects.count()), ([], 0))
        started = time.perf_counter()
        result = values_import(path, self.district_officer)
        written = time.perf_counter() - started
        self.assertEqual((result.errors, result.record.created), ([], 10_000))
        self.assertEqual(Value.objects.filter(entered_by_unit=self.bavi).count(), 10_000)
        print(f"\n10,000-row CSV: dry run {checked:.2f} s, import {written:.2f} s")  # timed in benchmarks/rollup.py


class ImportCommandTests(ImportTestCase):
    def call(self, *args):
        out, err = io.StringIO(), io.StringIO()
        call_command("import_values", *args, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def test_it_checks_without_writing_on_a_dry_run(self):
        path = self.write("ok.csv", csv_bytes("09910,CLC,2023,3,,,", "09910,LIT,2023,,90,100,"))
        out, _err = self.call(str(path), "--user", "reporter", "--dry-run")
        self.assertIn("Kiểm tra xong 2 dòng", out)
        self.assertEqual(Value.objects.count(), 0)
        out, _err = self.call(str(path), "--user", "reporter")
        self.assertIn("Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi.", out)
        self.assertEqual(Value.objects.count(), 2)

    def test_it_prints_each_error_and_fails(self):
        path = self.write(
            "bad.csv", csv_bytes("09910,CLC,2023,3,,,", "09910,LIT,2023,,120,100,", "09910,XYZ,2023,1,,,")
        )
        err = io.StringIO()
        with self.assertRaisesMessage(CommandError, "2 lỗi trong 3 dòng; không ghi dòng nào."):
            call_command("import_values", str(path), "--user", "reporter", stdout=io.StringIO(), stderr=err)
        self.assertIn("Dòng 3, cột numerator: Tử số", err.getvalue())
        self.assertIn("Dòng 4, cột indicator_code: Không có chỉ tiêu mã 'XYZ'.", err.getvalue())
        self.assertEqual(Value.objects.count(), 0)

    def test_it_refuses_an_unknown_user_file_or_format(self):
        path = self.write("ok.csv", csv_bytes("09910,CLC,2023,3,,,"))
        with self.assertRaisesMessage(CommandError, "Không có người dùng 'nobody'"):
            self.call(str(path), "--user", "nobody")
        with self.assertRaisesMessage(CommandError, "Không tìm thấy tệp"):
            self.call(str(self.tmp / "missing.csv"), "--user", "reporter")
        with self.assertRaisesMessage(CommandError, "Thiếu cột bắt buộc"):
            self.call(str(self.write("x.csv", b"a,b\n1,2\n")), "--user", "reporter")


class ImportPageCase(ImportTestCase):
    """The upload page with its own media folder."""

    def setUp(self):
        super().setUp()
        media = self.tmp / "media"
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        self.imports = media / "imports"
        self.url = reverse("reports:import")

    def upload(self, data: bytes, name: str = "ket-qua.csv"):
        return self.client.post(self.url, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


class ImportPageTests(ImportPageCase):
    def test_it_previews_then_imports_on_confirmation(self):
        self.client.force_login(self.district_officer)
        self.assertContains(self.client.get(self.url), 'type="file"')
        response = self.upload(csv_bytes("09910,CLC,2023,3,,,", "09913,LIT,2023,,95,100,"))
        self.assertContains(response, "Xác nhận nhập")
        self.assertContains(response, "2 dòng số liệu; 0 lỗi; 0 cảnh báo.")
        self.assertEqual(Value.objects.count(), 0)
        self.assertEqual(len(list(self.imports.iterdir())), 1)
        token = self.client.session["reports_import"]["token"]

        response = self.client.post(self.url, {"confirm": "1", "token": token}, follow=True)
        self.assertRedirects(response, self.url)
        self.assertContains(response, "Đã nhập tệp ket-qua.csv: 2 dòng (2 mới, 0 cập nhật, 0 không đổi).")
        self.assertEqual(Value.objects.filter(entry_path=EntryPath.IMPORT).count(), 2)
        self.assertNotIn("reports_import", self.client.session)
        self.assertEqual(list(self.imports.iterdir()), [])
        # A second confirmation has nothing to import.
        response = self.client.post(self.url, {"confirm": "1", "token": token}, follow=True)
        self.assertContains(response, "hết hạn")

    def test_it_shows_the_errors_and_offers_no_confirmation(self):
        self.client.force_login(self.reporter)
        response = self.upload(csv_bytes("09910,CLC,2023,3,,,", "09913,CLC,2023,1,,,"))
        self.assertContains(response, "Không có đơn vị mã &#x27;09913&#x27; trong phạm vi của bạn.")
        self.assertContains(response, '<td class="num">3</td><td><code>unit_code</code></td>', html=False)
        self.assertNotContains(response, "Xác nhận nhập")
        self.assertNotIn("reports_import", self.client.session)
        self.assertEqual(list(self.imports.iterdir()), [])

    def test_it_refuses_a_bad_token_and_a_bad_file(self):
        self.client.force_login(self.reporter)
        self.upload(csv_bytes("09910,CLC,2023,3,,,"))
        response = self.client.post(self.url, {"confirm": "1", "token": "../../etc/passwd"}, follow=True)
        self.assertContains(response, "hết hạn")
        self.assertEqual(Value.objects.count(), 0)
        response = self.upload(csv_bytes("09910,CLC,2023,3,,,", encoding="utf-16"))
        self.assertContains(response, "không phải mã UTF-8")
        response = self.upload(b"hello", name="ket-qua.pdf")
        self.assertContains(response, "Chỉ nhận tệp CSV")
        with override_settings(XHHT_MAX_UPLOAD_BYTES=10):
            self.assertContains(self.upload(csv_bytes("09910,CLC,2023,3,,,")), "vượt giới hạn")

    def test_it_needs_a_login(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
