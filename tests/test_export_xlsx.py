"""The Excel summary and the entry template, opened as the user opens them: values stored as numbers with
their formats, a typed "=1+1" kept as text, the layout (frozen header, autofilter, A4 landscape), the scope of
the roll-up page, the ``export_summary`` command, a number of queries that does not grow with the units; and
the round trip: the template downloaded, filled, imported, and the roll-up equal to what was filled."""

import datetime
import io
import tempfile
from decimal import Decimal
from pathlib import Path
from unittest import mock

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, Measure
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from reports.models import RollupNote, Submission, SubmissionStatus, Value
from reports.rollup import rollup
from reports.services.submissions import deadline_for
from units.models import Level

from .base import PersonasTestCase
from .factories import make_unit
from .test_submissions import make_plan

ON_TIME = datetime.datetime(2025, 6, 10, 3, 0, tzinfo=datetime.UTC)
LATE = datetime.datetime(2025, 6, 16, 3, 0, tzinfo=datetime.UTC)


def workbook_of(response) -> openpyxl.Workbook:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return openpyxl.load_workbook(io.BytesIO(content))


def rows_of(sheet, first: int = 1) -> list[tuple]:
    return list(sheet.iter_rows(min_row=first, values_only=True))


def row_of(sheet, code: str):
    """The cells of the row whose first column holds a unit code."""
    return next(row for row in sheet.iter_rows() if row[0].value == code)


class ExcelTestCase(PersonasTestCase):
    """Hà Nội's plan for 2025-2026 (communes report by 15/6 and 15/12): learning families (ratio, ≥ 70 %) and
    community learning centres (count, 3 per commune); 2025S1 values of Tản Lĩnh and Ba Trại."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(
            code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.centres = Indicator.objects.create(
            code="TTHTCD", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT, unit_of_measure="trung tâm"
        )
        cls.literacy = Indicator.objects.create(
            code="XMC", name="Đạt chuẩn xóa mù chữ", measure=Measure.STANDARD, max_level=2, entry_level=Level.COMMUNE
        )
        cls.plan = make_plan(cls.hanoi)
        for indicator, value in [(cls.families, 70), (cls.literacy, 90)]:
            Target.objects.create(
                plan=cls.plan, unit=cls.hanoi, indicator=indicator, year=2026, value=value, kind=TargetKind.AT_LEAST
            )
        Target.objects.create(plan=cls.plan, unit=cls.tanlinh, indicator=cls.centres, year=2026, value=3)
        cls.period = period_get_or_create(code="2025S1")
        put = Value.objects.create
        put(unit=cls.tanlinh, indicator=cls.families, period=cls.period, numerator=1200, denominator=2000)
        put(unit=cls.batrai, indicator=cls.families, period=cls.period, numerator=800, denominator=1000)
        put(unit=cls.tanlinh, indicator=cls.centres, period=cls.period, value=2, comment="=1+1")
        put(unit=cls.batrai, indicator=cls.centres, period=cls.period, value=1)
        put(unit=cls.tanlinh, indicator=cls.literacy, period=cls.period, value=2)
        for unit, at in [(cls.tanlinh, ON_TIME), (cls.batrai, LATE)]:
            Submission.objects.create(
                unit=unit,
                period=cls.period,
                status=SubmissionStatus.SUBMITTED,
                submitted_at=at,
                deadline=deadline_for(unit=unit, period=cls.period),
            )
        RollupNote.objects.create(
            unit=cls.bavi,
            indicator=cls.families,
            period=cls.period,
            comment="=HYPERLINK(1)",
            author=cls.district_officer,
        )


class SummaryTests(ExcelTestCase):
    def get(self, user, unit, period="2025S1", **params):
        self.client.force_login(user)
        return self.client.get(reverse("exports:summary_xlsx", args=[unit.pk, period]), params)

    def test_it_is_a_download_linked_from_the_rollup_page(self):
        self.client.force_login(self.province_reviewer)
        page = self.client.get(reverse("reports:rollup", args=[self.hanoi.pk, "2025S1"]))
        url = reverse("exports:summary_xlsx", args=[self.hanoi.pk, "2025S1"])
        self.assertContains(page, f'href="{url}" id="export-xlsx"')
        response = self.get(self.province_reviewer, self.hanoi)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])
        self.assertIn('filename="tong-hop-01-2025S1.xlsx"', response["Content-Disposition"])

    def test_it_sums_the_children_with_numbers_and_formats(self):
        book = workbook_of(self.get(self.province_reviewer, self.hanoi))
        # sheets named in Vietnamese: the number and the name (its first and last words), within 31 characters
        self.assertEqual(
            book.sheetnames,
            [
                "Tổng hợp",
                "1. Tỷ lệ gia đình học tập",
                "2. Số trung…học tập cộng đồng",
                "3. Đạt chuẩn xóa mù chữ",
                "Tiến độ nộp báo cáo",
            ],
        )
        sheet = book["Tổng hợp"]
        self.assertEqual(sheet["A1"].value, "TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP")
        self.assertEqual(sheet["B2"].value, "Thành phố Hà Nội (01)")
        self.assertEqual(sheet["B3"].value, "6 tháng đầu năm 2025")
        headers = [cell.value for cell in next(sheet.iter_rows(min_row=8, max_row=8))]
        self.assertIn("1. Tỷ lệ gia đình học tập (GDHT)", headers)
        column = headers.index("1. Tỷ lệ gia đình học tập (GDHT)")

        hanoi = row_of(sheet, "01")
        self.assertAlmostEqual(hanoi[column].value, 2000 / 3000)  # Σnumerator / Σdenominator, not (60 + 80) / 2
        self.assertEqual(hanoi[column].number_format, "0.00%")  # the digits of the page
        self.assertEqual(hanoi[column + 1].value, "≥ 70 %")
        self.assertEqual(hanoi[column + 2].value, "Đúng tiến độ")
        self.assertEqual(hanoi[column + 2].fill.fgColor.rgb, "FFCFE2FF")  # the status in its colour
        self.assertAlmostEqual(hanoi[column + 3].value, 2 / 3)  # 2 of 3 communes reported
        self.assertTrue(hanoi[0].font.b)
        self.assertEqual([row_of(sheet, code)[1].value for code in ("271", "017")], ["Huyện Ba Vì", "Huyện Đông Anh"])
        self.assertIsNone(row_of(sheet, "017")[column].value)  # Cổ Loa has not reported

        centres = headers.index("2. Số trung tâm học tập cộng đồng (TTHTCD)")
        self.assertEqual(row_of(sheet, "271")[centres].value, 3)
        self.assertEqual(row_of(sheet, "271")[centres].number_format, "#,##0")

    def test_it_lays_the_sheets_out_for_reading_and_printing(self):
        book = workbook_of(self.get(self.province_reviewer, self.hanoi))
        for sheet in book.worksheets:
            self.assertTrue(sheet.freeze_panes, sheet.title)
            self.assertTrue(sheet.auto_filter.ref, sheet.title)
            self.assertEqual(
                sheet.page_setup.orientation, "landscape" if sheet.title != "Tiến độ nộp báo cáo" else "portrait"
            )
            self.assertEqual(sheet.page_setup.paperSize, 9)  # A4
            self.assertIn(sheet.page_setup.fitToWidth, (1, None))  # one page wide (1 is the default, left implicit)
            self.assertEqual(sheet.page_setup.fitToHeight, 0)
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
            self.assertTrue(sheet.print_title_rows, sheet.title)
            self.assertGreater(sheet.column_dimensions["B"].width, 20)
        self.assertEqual(book["Tổng hợp"].freeze_panes, "C10")
        self.assertEqual(book["Tổng hợp"].print_title_rows, "$8:$9")

    def test_it_gives_each_indicator_the_whole_subtree_with_numerator_and_denominator(self):
        sheet = workbook_of(self.get(self.province_reviewer, self.hanoi))["1. Tỷ lệ gia đình học tập"]
        self.assertEqual(sheet["A1"].value, "1. Tỷ lệ gia đình học tập (GDHT)")
        header = [cell.value for cell in next(sheet.iter_rows(min_row=8, max_row=8))]
        self.assertEqual(header[:7], ["Mã đơn vị", "Đơn vị", "Kết quả (%)", "Tử số", "Mẫu số", "Chỉ tiêu", "Đánh giá"])
        codes = [row[0] for row in rows_of(sheet, 9)]
        self.assertEqual(codes, ["01", "271", "09910", "09913", "017", "00499"])  # tree order
        bavi = row_of(sheet, "271")
        self.assertEqual((bavi[3].value, bavi[4].value), (2000, 3000))
        self.assertEqual(bavi[3].number_format, "#,##0")
        self.assertEqual((bavi[7].value, bavi[8].value), (2, 2))  # both Ba Vì communes reported
        tanlinh = row_of(sheet, "09910")
        self.assertAlmostEqual(tanlinh[2].value, 0.6)
        self.assertEqual(tanlinh[1].alignment.indent, 2)
        self.assertEqual(tanlinh[5].value, "≥ 70 %")  # Hà Nội's target, inherited by a ratio
        self.assertIsNone(tanlinh[7].value)  # a commune's own figure: no "reported 1 of 1"

    def test_it_keeps_typed_text_that_looks_like_a_formula_as_text(self):
        sheet = workbook_of(self.get(self.province_reviewer, self.hanoi))["1. Tỷ lệ gia đình học tập"]
        note = row_of(sheet, "271")[-1]
        self.assertEqual(note.value, "=HYPERLINK(1)")
        self.assertEqual(note.data_type, "s")
        self.assertTrue(note.quotePrefix)

    def test_it_lists_each_reporting_unit_on_time_or_late(self):
        sheet = workbook_of(self.get(self.province_reviewer, self.hanoi))["Tiến độ nộp báo cáo"]
        self.assertEqual(sheet["A1"].value, "TIẾN ĐỘ NỘP BÁO CÁO")
        rows = {row[0]: row for row in rows_of(sheet, 9)}
        self.assertEqual(set(rows), {"09910", "09913", "00499"})
        self.assertEqual(
            rows["09910"][3:],
            ("Đã nộp, chờ duyệt", datetime.datetime(2025, 6, 15), datetime.datetime(2025, 6, 10), "Đúng hạn"),
        )
        self.assertEqual(rows["09913"][6], "Trễ hạn")
        self.assertEqual(rows["00499"][3], "Chưa có báo cáo")
        self.assertEqual(rows["00499"][6], "Quá hạn, chưa nộp")
        self.assertEqual(row_of(sheet, "09910")[4].number_format, "dd/mm/yyyy")

    def test_it_answers_404_outside_the_scope(self):
        self.assertEqual(self.get(self.other_province_reviewer, self.hanoi).status_code, 404)
        self.assertEqual(self.get(self.other_district_officer, self.bavi).status_code, 404)
        self.assertEqual(self.get(self.reporter, self.bavi).status_code, 404)
        self.assertEqual(self.get(self.province_reviewer, self.hanoi, period="2025S9").status_code, 404)
        self.assertEqual(self.get(self.province_reviewer, self.hanoi, plan="abc").status_code, 404)
        self.assertEqual(self.get(self.province_reviewer, self.hanoi, plan=self.plan.pk).status_code, 200)

    def test_it_shows_a_commune_its_own_figures(self):
        book = workbook_of(self.get(self.reporter, self.tanlinh))
        sheet = book["Tổng hợp"]
        self.assertEqual([row[0] for row in rows_of(sheet, 10)], ["09910"])
        self.assertEqual([row[0] for row in rows_of(book["Tiến độ nộp báo cáo"], 9)], ["09910"])

    def test_its_queries_do_not_grow_with_the_units_or_the_indicators(self):
        self.client.force_login(self.province_reviewer)
        url = reverse("exports:summary_xlsx", args=[self.hanoi.pk, "2025S1"])
        with CaptureQueriesContext(connection) as before:
            self.client.get(url)
        for n in range(6):
            district = make_unit(self.hanoi, f"9{n}", f"Huyện Mới {n}", "rural_district")
            commune = make_unit(district, f"99{n}", f"Xã Mới {n}")
            indicator = Indicator.objects.create(code=f"SL{n}", name=f"Chỉ tiêu {n}", measure=Measure.COUNT)
            Target.objects.create(plan=self.plan, unit=self.hanoi, indicator=indicator, year=2026, value=1)
            Value.objects.create(unit=commune, indicator=indicator, period=self.period, value=n)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(url)
        # 9 indicators: three "Tổng hợp" sheets of at most four (readable on A4), one sheet each, the reporting
        book = workbook_of(response)
        self.assertEqual(len(book.sheetnames), 13)
        self.assertEqual(
            book.sheetnames[:3], ["Tổng hợp (chỉ tiêu 1-4)", "Tổng hợp (chỉ tiêu 5-8)", "Tổng hợp (chỉ tiêu 9)"]
        )
        self.assertEqual(len(after), len(before))

    def test_it_gives_the_same_figures_when_a_level_is_rolled_up_in_slices(self):
        Value.objects.create(unit=self.coloa, indicator=self.centres, period=self.period, value=7)
        whole = [
            row for sheet in workbook_of(self.get(self.admin, self.hanoi)).worksheets[:4] for row in rows_of(sheet, 8)
        ]
        with mock.patch("exports.xlsx.summary.CHUNK", 2):  # slices of two units, across parents
            sliced = workbook_of(self.get(self.admin, self.hanoi))
        self.assertEqual([row for sheet in sliced.worksheets[:4] for row in rows_of(sheet, 8)], whole)
        self.assertEqual(
            row_of(sliced["2. Số trung…học tập cộng đồng"], "017")[2].value, 7
        )  # Cổ Loa's, below the slice's last unit
        self.assertEqual(row_of(sliced["2. Số trung…học tập cộng đồng"], "01")[2].value, 10)

    def test_the_command_writes_the_same_workbook(self):
        with tempfile.TemporaryDirectory() as directory:
            out = Path(directory) / "tong-hop.xlsx"
            call_command("export_summary", unit="271", period="2025s1", out=str(out), stdout=io.StringIO())
            sheet = openpyxl.load_workbook(out)["Tổng hợp"]
            self.assertEqual([row[0] for row in rows_of(sheet, 10)], ["271", "09910", "09913"])
            with self.assertRaisesMessage(CommandError, "Không có đơn vị mã '271'"):
                call_command("export_summary", unit="271", period="2025S1", user="province2", out=str(out))
            with self.assertRaisesMessage(CommandError, "Mã kỳ báo cáo"):
                call_command("export_summary", unit="271", period="2025X1", out=str(out))


class EntryTemplateTests(ExcelTestCase):
    def get(self, user, unit, period="2025S1"):
        self.client.force_login(user)
        return self.client.get(reverse("exports:template_xlsx", args=[unit.pk, period]))

    def test_it_is_linked_from_the_entry_page_and_prefilled(self):
        self.client.force_login(self.reporter)
        page = self.client.get(reverse("reports:entry", args=[self.tanlinh.pk, "2025S1"]))
        self.assertContains(page, 'id="download-template"')
        book = workbook_of(self.get(self.reporter, self.tanlinh))
        self.assertEqual(book.sheetnames, ["Nhập số liệu", "Hướng dẫn"])
        sheet = book["Nhập số liệu"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[:3], ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu"])  # the headings the import reads
        rows = {row[2]: row for row in rows_of(sheet, 2)}
        self.assertEqual(set(rows), {"GDHT", "TTHTCD", "XMC"})
        self.assertEqual(
            rows["GDHT"][:9],
            ("09910", "Xã Tản Lĩnh", "GDHT", "Tỷ lệ gia đình học tập", "%", "2025S1", None, 1200, 2000),
        )
        self.assertEqual(rows["GDHT"][12], "≥ 70 %")
        self.assertEqual(rows["TTHTCD"][6], 2)
        self.assertEqual(rows["TTHTCD"][12], "≥ 3")

    def test_it_keeps_a_comment_that_looks_like_a_formula_as_text(self):
        sheet = workbook_of(self.get(self.reporter, self.tanlinh))["Nhập số liệu"]
        cell = next(row[10] for row in sheet.iter_rows(min_row=2) if row[2].value == "TTHTCD")
        self.assertEqual((cell.value, cell.data_type), ("=1+1", "s"))

    def test_it_guards_the_cells_with_validation_lists(self):
        sheet = workbook_of(self.get(self.reporter, self.tanlinh))["Nhập số liệu"]
        validations = {v.formula1: str(v.sqref) for v in sheet.data_validations.dataValidation}
        row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[2].value == "XMC")
        self.assertIn(f"G{row}", validations['"0,1,2"'])
        self.assertIn('"x"', validations)
        self.assertIn("0", validations)  # a number ≥ 0 for counts, numerators and denominators

    def test_a_district_gets_the_rows_of_its_communes(self):
        sheet = workbook_of(self.get(self.district_officer, self.bavi))["Nhập số liệu"]
        units = {row[0] for row in rows_of(sheet, 2)}
        self.assertEqual(units, {"09910", "09913"})

    def test_it_answers_404_outside_the_scope(self):
        self.assertEqual(self.get(self.other_district_officer, self.tanlinh).status_code, 404)
        self.assertEqual(self.get(self.reporter, self.batrai).status_code, 404)

    def test_round_trip_the_filled_template_is_what_the_rollup_shows(self):
        sheet_bytes = b"".join(self.get(self.district_officer, self.bavi).streaming_content)
        book = openpyxl.load_workbook(io.BytesIO(sheet_bytes))
        sheet = book["Nhập số liệu"]
        filled = {
            ("09910", "GDHT"): (None, 1500, 2000),
            ("09913", "GDHT"): (None, 900, 1000),
            ("09910", "TTHTCD"): (4, None, None),
            ("09913", "TTHTCD"): (5, None, None),
            ("09910", "XMC"): (1, None, None),
            ("09913", "XMC"): (2, None, None),
        }
        for row in sheet.iter_rows(min_row=2):
            value, numerator, denominator = filled[(row[0].value, row[2].value)]
            row[6].value, row[7].value, row[8].value = value, numerator, denominator
        buffer = io.BytesIO()
        book.save(buffer)
        Submission.objects.all().delete()  # the reports were submitted; the district reopens them

        self.client.force_login(self.district_officer)
        upload = SimpleUploadedFile("mau.xlsx", buffer.getvalue())
        response = self.client.post(reverse("reports:import"), {"file": upload})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "0 lỗi")
        token = response.context["stored"]["token"]
        response = self.client.post(reverse("reports:import"), {"token": token, "confirm": "1"}, follow=True)
        self.assertContains(response, "Đã nhập tệp mau.xlsx: 6 dòng")

        figures = rollup(
            anchors=[self.bavi], period=self.period, indicators=[self.families, self.centres, self.literacy]
        )
        families = figures[(self.bavi.pk, self.families.pk)]
        self.assertEqual((families.numerator, families.denominator), (Decimal(2400), Decimal(3000)))
        self.assertEqual(figures[(self.bavi.pk, self.centres.pk)].value, 9)
        self.assertEqual(figures[(self.bavi.pk, self.literacy.pk)].reached, 2)
        self.assertEqual(Value.objects.get(unit=self.tanlinh, indicator=self.centres).comment, "=1+1")
