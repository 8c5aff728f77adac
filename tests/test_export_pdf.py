"""The official PDF of a unit's report: laid out as NĐ 30/2020/NĐ-CP asks (quốc hiệu, tiêu ngữ, issuing body,
title, results table, "Nơi nhận", signature), Vietnamese text with exact diacritics, Tinos embedded, several
pages for many rows; the same scope as the report page; the ``export_report`` command; constant queries."""

import datetime
import io
import re
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from core.pdf import STATIC_BASE, StaticFetcher
from indicators.models import Indicator, Measure
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from reports.models import Value
from units.models import UnitKind

from .base import PersonasTestCase
from .factories import make_plan, make_unit


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Collapse the layout's line breaks and spacing so that phrases read as typed.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts") or []:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    names.add("embedded:" + str(descendant.get_object()["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                names.add("embedded:" + str(font["/BaseFont"]))
    return names


class ReportPdfTests(PersonasTestCase):
    """Hà Nội, 2023: families (ratio) in Tản Lĩnh and Ba Trại, people taught (count); a target of ≥ 70 %."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(
            code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.people = Indicator.objects.create(
            code="NGUOI_HOC", name="Số người tham gia học tập", measure=Measure.COUNT, unit_of_measure="người"
        )
        cls.plan = make_plan(cls.hanoi, issued_on=datetime.date(2021, 12, 16), title="XHHT 2021-2030")
        Target.objects.create(
            plan=cls.plan, unit=cls.hanoi, indicator=cls.families, year=2025, value=70, kind=TargetKind.AT_LEAST
        )
        Target.objects.create(plan=cls.plan, unit=cls.hanoi, indicator=cls.people, year=2025, value=20000)
        cls.p = period_get_or_create(code="2023")
        put = Value.objects.create
        put(unit=cls.tanlinh, indicator=cls.families, period=cls.p, numerator=120, denominator=200)
        put(unit=cls.batrai, indicator=cls.families, period=cls.p, numerator=80, denominator=100)
        put(unit=cls.tanlinh, indicator=cls.people, period=cls.p, value=5000)
        put(unit=cls.coloa, indicator=cls.people, period=cls.p, value=5600)

    def get(self, user, unit, period="2023"):
        self.client.force_login(user)
        return self.client.get(reverse("exports:report_pdf", args=[unit.pk, period]))

    def test_it_lays_out_an_official_report_with_exact_vietnamese_text(self):
        response = self.get(self.district_officer, self.bavi)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = text_of(response.content)
        for phrase in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "UBND THÀNH PHỐ HÀ NỘI",  # the superior body
            "ỦY BAN NHÂN DÂN HUYỆN BA VÌ",  # the issuing body
            "/BC-UBND",
            "Ba Vì, ngày",
            "BÁO CÁO",
            "Kết quả xây dựng xã hội học tập năm 2023",
            "Tỷ lệ gia đình học tập",
            "Số người tham gia học tập",
            "Xã Tản Lĩnh",
            "Xã Ba Trại",
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
        ]:
            self.assertIn(phrase, text)
        self.assertIn("66,67 %", text)  # (120 + 80) / (200 + 100), formatted as on the roll-up page
        self.assertIn("≥ 70 %", text)

    def test_it_counts_the_units_below_by_status_and_lists_them_in_an_appendix(self):
        text = text_of(self.get(self.district_officer, self.bavi).content)
        # Section II: per indicator, the communes by status (families: Ba Trại at 80 % has reached 70 %, Tản Lĩnh
        # at 60 % is on the path to 2025; the count of people has no target for a commune).
        self.assertIn("II. Kết quả của các đơn vị cấp xã", text)
        self.assertIn("1 Tỷ lệ gia đình học tập 2/2 1 1 0 0", text)
        self.assertIn("2 Số người tham gia học tập 1/2 0 0 0 2", text)
        # The appendix: each commune with its figure, under its status.
        self.assertIn("PHỤ LỤC Kết quả của từng đơn vị cấp xã", text)
        self.assertIn("Đạt (1): Xã Ba Trại 80,00 %.", text)
        self.assertIn("Đúng tiến độ (1): Xã Tản Lĩnh 60,00 %.", text)
        self.assertIn("Chưa có chỉ tiêu (2): Xã Tản Lĩnh 5.000; Xã Ba Trại.", text)

    def test_it_embeds_the_tinos_font(self):
        names = font_names(self.get(self.province_reviewer, self.hanoi).content)
        embedded = [name for name in names if name.startswith("embedded:")]
        self.assertTrue(embedded, names)
        self.assertTrue(all("Tinos" in name for name in embedded), names)
        self.assertTrue(any("Bold" in name for name in embedded), names)

    def test_it_runs_over_several_pages_with_many_rows(self):
        for n in range(30):
            indicator = Indicator.objects.create(code=f"SL{n}", name=f"Chỉ tiêu số lượng {n}", measure=Measure.COUNT)
            Target.objects.create(plan=self.plan, unit=self.hanoi, indicator=indicator, year=2025, value=100)
            Value.objects.create(unit=self.tanlinh, indicator=indicator, period=self.p, value=n)
        pdf = self.get(self.province_reviewer, self.hanoi).content
        reader = PdfReader(io.BytesIO(pdf))
        self.assertGreater(len(reader.pages), 2)
        # The table's header repeats on the pages it runs over; the page number (drawn in the top margin,
        # last in the page's content) from page 2 on, none on page 1.
        pages = [page.extract_text() for page in reader.pages]
        self.assertTrue(pages[1].lstrip().startswith("TT "), pages[1][:40])
        for number, text in enumerate(pages[1:], start=2):
            self.assertEqual(text.split()[-1], str(number))
        self.assertFalse(pages[-1].lstrip().startswith("Nơi nhận"), "the signature block is not alone on a page")
        self.assertNotEqual(pages[0].split()[-1], "1")

    def test_it_refuses_a_unit_outside_the_scope(self):
        self.assertEqual(self.get(self.other_district_officer, self.bavi).status_code, 404)
        self.assertEqual(self.get(self.reporter, self.hanoi).status_code, 404)
        self.assertEqual(self.get(self.province_reviewer, self.bavi, period="20X3").status_code, 404)

    def test_it_is_linked_from_the_report_page(self):
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("reports:submission", args=[self.tanlinh.pk, "2023"]))
        self.assertContains(response, 'id="export-pdf"')
        self.assertContains(response, reverse("exports:report_pdf", args=[self.tanlinh.pk, "2023"]))

    def test_it_writes_a_file_from_the_command(self):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "bao-cao.pdf"
            call_command("export_report", unit="271", period="2023", out=str(out), stdout=io.StringIO())
            text = text_of(out.read_bytes())
        self.assertIn("ỦY BAN NHÂN DÂN HUYỆN BA VÌ", text)
        with self.assertRaises(CommandError):
            call_command("export_report", unit="271", period="2023", user="district2", out="/dev/null")

    def queries(self) -> int:
        self.client.force_login(self.province_reviewer)
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(reverse("exports:report_pdf", args=[self.hanoi.pk, "2023"]))
        self.assertEqual(response.status_code, 200)
        return len(ctx.captured_queries)

    def test_it_uses_the_same_number_of_queries_on_a_larger_tree(self):
        small = self.queries()
        for d in range(3):
            district = make_unit(self.hanoi, f"9{d:02d}", f"Huyện {d}", UnitKind.RURAL_DISTRICT)
            for c in range(3):
                commune = make_unit(district, f"8{d:02d}{c:02d}", f"Xã {d}-{c}")
                Value.objects.create(unit=commune, indicator=self.people, period=self.p, value=c)
        extra = Indicator.objects.create(code="TL", name="Tỷ lệ khác", measure=Measure.RATIO)
        Target.objects.create(plan=self.plan, unit=self.hanoi, indicator=extra, year=2025, value=50)
        self.assertEqual(self.queries(), small)


class StaticFetcherTests(SimpleTestCase):
    """The PDF reads its stylesheet and fonts from the static files on disk and nothing from the network."""

    def test_it_serves_the_stylesheet_and_the_fonts_from_disk(self):
        fetcher = StaticFetcher()
        css = fetcher.fetch(STATIC_BASE + "css/official.css")
        self.assertIn(b"Tinos", css.read())
        font = fetcher.fetch(STATIC_BASE + "vendor/fonts/tinos/Tinos-Bold.ttf")
        self.assertEqual(font.headers.get_content_type(), "font/ttf")

    def test_it_refuses_the_network_and_paths_outside_the_static_files(self):
        fetcher = StaticFetcher()
        for url in [
            "http://example.com/style.css",
            "https://fonts.googleapis.com/css?family=Tinos",
            "file:///etc/passwd",
            STATIC_BASE + "../../etc/passwd",
            STATIC_BASE + "css/khong-co.css",
        ]:
            with self.assertRaises(ValueError, msg=url):
                fetcher.fetch(url)
