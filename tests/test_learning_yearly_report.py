"""The yearly learning-model report (CV 6782/BGDĐT-GDTX) for the demo data of Cổ Đô (Ba Vì) and Y Tịch (Chi
Lăng): the page, the Excel file (read back with openpyxl) and the official PDF (its text), per commune and rolled
up to the district; recognitions that ran out are counted as expired; the query count is fixed."""

import datetime
import io

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Role
from demo.learning import learning_demo_load
from indicators.reference import indicators_load
from learning.models import Evaluation, Status, Subject
from learning.reference import criteria_sets_load
from learning.yearly import report_form, yearly_report
from units.models import UnitKind

from .factories import UserFactory, make_unit
from .test_export_pdf import text_of


class YearlyReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        indicators_load()
        criteria_sets_load()
        hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.bavi = make_unit(hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
        cls.codo = make_unit(cls.bavi, "09628", "Xã Cổ Đô")
        cls.tanlinh = make_unit(cls.bavi, "09619", "Xã Tản Lĩnh")
        langson = make_unit(None, "20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE)
        cls.chilang = make_unit(langson, "185", "Huyện Chi Lăng", UnitKind.RURAL_DISTRICT)
        cls.ytich = make_unit(cls.chilang, "06520", "Xã Y Tịch")
        cls.codo_user = UserFactory(username="demo-commune", role=Role.COMMUNE_REPORTER, unit=cls.codo)
        cls.ytich_user = UserFactory(username="demo-ytich", role=Role.COMMUNE_REPORTER, unit=cls.ytich)
        cls.district = UserFactory(username="demo-district", role=Role.DISTRICT_OFFICER, unit=cls.bavi)
        learning_demo_load()
        cls.recognised = Evaluation.objects.filter(subject__commune=cls.codo, status=Status.RECOGNISED).count()

    def _xlsx_rows(self, url, user):
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        return {name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}

    def test_it_counts_co_do_families_from_the_decision(self):
        report = yearly_report(user=self.codo_user, unit=self.codo, year=2024)
        family = report.total.cells[0]
        self.assertEqual(report.form.rows[0].kind, "family")
        self.assertEqual((family.registered, family.evaluated, family.recognised), (60, 60, self.recognised))
        self.assertEqual(family.in_force, self.recognised)  # decided 10/12/2024: in force on 31/12/2024
        self.assertEqual(round(family.reported, 2), round(family.percent, 2))  # the value the decision fed

    def test_it_opens_co_do_in_excel_with_the_figures(self):
        sheets = self._xlsx_rows(reverse("learning:yearly_report_xlsx", args=[self.codo.pk, 2024]), self.codo_user)
        total = next(row for row in sheets["Tổng hợp"] if row[1] == "Gia đình học tập")
        self.assertEqual(total[2:5], [60, 60, self.recognised])
        self.assertAlmostEqual(total[5], self.recognised / 60, places=6)
        clans = next(row for row in sheets["Tổng hợp"] if row[1] == "Dòng họ học tập")
        self.assertEqual(clans[2], 4)

    def test_it_opens_y_tich_in_excel_and_as_a_pdf(self):
        sheets = self._xlsx_rows(reverse("learning:yearly_report_xlsx", args=[self.ytich.pk, 2024]), self.ytich_user)
        family = next(row for row in sheets["Tổng hợp"] if row[1] == "Gia đình học tập")
        self.assertEqual(family[2:5], [80, 0, 0])  # scored, not yet self-assessed
        villages = next(row for row in sheets["Tổng hợp"] if (row[1] or "").startswith("Cộng đồng học tập"))
        self.assertEqual(villages[2], 5)
        self.client.force_login(self.ytich_user)
        response = self.client.get(reverse("learning:yearly_report_pdf", args=[self.ytich.pk, 2024]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = text_of(response.content)
        for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-UBND", "BÁO CÁO",
                         "Nơi nhận", "ỦY BAN NHÂN DÂN XÃ Y TỊCH", "UBND HUYỆN CHI LĂNG", "6782/BGDĐT-GDTX",
                         "Gia đình học tập 80 0 0"]:  # fmt: skip
            self.assertIn(expected, text)

    def test_it_rolls_co_do_up_to_ba_vi_in_the_pdf_and_excel(self):
        self.client.force_login(self.district)
        text = text_of(self.client.get(reverse("learning:yearly_report_pdf", args=[self.bavi.pk, 2024])).content)
        self.assertIn(f"Gia đình học tập 60 60 {self.recognised}", text)
        self.assertIn("Xã Cổ Đô", text)
        self.assertIn("Xã Tản Lĩnh", text)
        sheets = self._xlsx_rows(reverse("learning:yearly_report_xlsx", args=[self.bavi.pk, 2024]), self.district)
        by_commune = [row for row in sheets["Theo xã"] if row[2] == "Gia đình học tập"]
        self.assertEqual([(row[1], row[3], row[5]) for row in by_commune],
                         [("Xã Cổ Đô", 60, self.recognised), ("Xã Tản Lĩnh", 0, 0)])  # fmt: skip

    def test_it_shows_a_recognition_of_2024_as_expired_in_2025(self):
        report = yearly_report(user=self.codo_user, unit=self.codo, year=2025, on=datetime.date(2025, 12, 31))
        family = report.total.cells[0]
        self.assertEqual((family.recognised, family.in_force, family.expired), (0, 0, self.recognised))
        self.client.force_login(self.codo_user)
        page = self.client.get(reverse("learning:board", args=[self.codo.pk, 2024])).content.decode()
        self.assertIn("hết hiệu lực (đến 09/12/2025)", page)  # today is after 9/12/2025
        self.assertIn(reverse("learning:yearly_report", args=[self.codo.pk, 2024]), page)

    def test_it_keeps_the_query_count_fixed_whatever_the_communes(self):
        def count():
            with CaptureQueriesContext(connection) as queries:
                yearly_report(user=self.district, unit=self.bavi, year=2024)
            return len(queries)

        before = count()
        for n in range(5):
            commune = make_unit(self.bavi, f"0970{n}", f"Xã Thêm {n}")
            Subject.objects.create(commune=commune, kind="family", name=f"Hộ {n}")
        self.assertEqual(count(), before)

    def test_it_marks_every_row_of_the_form_with_its_source(self):
        form = report_form()
        self.assertTrue(form.illustrative)
        self.assertTrue(all(row.source and row.illustrative for row in form.rows))
        self.client.force_login(self.district)
        page = self.client.get(reverse("learning:yearly_report", args=[self.bavi.pk, 2024])).content.decode()
        self.assertIn("Nội dung minh họa", page)
        self.assertIn("Xã Cổ Đô", page)

    def test_it_hides_another_district_s_report(self):
        self.client.force_login(self.district)
        for name in ("learning:yearly_report", "learning:yearly_report_xlsx", "learning:yearly_report_pdf"):
            self.assertEqual(self.client.get(reverse(name, args=[self.chilang.pk, 2024])).status_code, 404)

    def test_it_is_linked_from_the_unit_s_report_and_roll_up_pages(self):
        self.client.force_login(self.codo_user)
        link = reverse("learning:yearly_report", args=[self.codo.pk, 2024])
        for name in ("reports:submission", "reports:rollup"):
            page = self.client.get(reverse(name, args=[self.codo.pk, "2024"])).content.decode()
            self.assertIn(link, page, name)

    def test_it_loads_the_demo_emulation_result_once(self):
        from demo.emulation import emulation_demo_load
        from emulation.models import EmulationResult

        self.assertEqual((emulation_demo_load(), emulation_demo_load()), (1, 0))
        result = EmulationResult.objects.get(unit=self.codo, year=2024)
        self.assertEqual((result.rank, result.ranked_of, result.recorded_by), (2, 31, self.district))
