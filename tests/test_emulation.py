"""Emulation (QĐ 1315/QĐ-TTg, "Cả nước thi đua xây dựng xã hội học tập 2023-2030"): Ba Vì's officer records
Tản Lĩnh's 2024 result with its basis and decision; it shows beside the commune's progress on the roll-up page;
the commune reads it but may not record it; a sibling district does not see it; a stale form is refused."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from emulation.models import EmulationResult
from emulation.services import emulation_result_record

from .base import PersonasTestCase

FORM = {
    "title": "Giấy khen của Chủ tịch UBND huyện",
    "rank": "2",
    "ranked_of": "31",
    "basis": "Hoàn thành vượt mức các chỉ tiêu xây dựng xã hội học tập năm 2024",
    "decision_number": "1234/QĐ-UBND",
    "decision_date": "2025-01-15",
    "issuing_body": "UBND huyện Ba Vì",
}


class EmulationTests(PersonasTestCase):
    def url(self, unit=None, year=2024):
        return reverse("emulation:result", args=[(unit or self.tanlinh).pk, year])

    def test_it_records_the_result_and_shows_it_beside_the_progress(self):
        self.client.force_login(self.district_officer)
        response = self.client.post(self.url(), FORM)
        self.assertRedirects(response, self.url())
        result = EmulationResult.objects.get(unit=self.tanlinh, year=2024)
        self.assertEqual((result.rank, result.ranked_of, result.version), (2, 31, 1))
        self.client.force_login(self.reporter)
        page = self.client.get(reverse("reports:rollup", args=[self.tanlinh.pk, "2024"])).content.decode()
        self.assertIn("Giấy khen của Chủ tịch UBND huyện", page)
        self.assertIn("xếp thứ 2/31", page)
        self.assertIn("Quyết định số 1234/QĐ-UBND ngày 15/01/2025 của UBND huyện Ba Vì", page)

    def test_it_lets_the_commune_read_but_not_record_its_own_result(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(self.url()).status_code, 200)
        self.assertEqual(self.client.post(self.url(), FORM).status_code, 403)
        with self.assertRaises(PermissionDenied):
            emulation_result_record(user=self.reporter, unit=self.tanlinh, year=2024, title="x", basis="x",
                                    decision_number="1", decision_date=datetime.date(2025, 1, 1), issuing_body="x")  # fmt: skip
        self.assertFalse(EmulationResult.objects.exists())

    def test_it_hides_the_result_from_a_sibling_district(self):
        self.client.force_login(self.other_district_officer)
        self.assertEqual(self.client.get(self.url()).status_code, 404)
        self.assertEqual(self.client.post(self.url(), FORM).status_code, 404)

    def test_it_refuses_a_stale_form_and_a_rank_beyond_the_total(self):
        self.client.force_login(self.district_officer)
        self.client.post(self.url(), FORM)
        stale = self.client.post(self.url(), {**FORM, "title": "Bằng khen", "version": "0"})
        self.assertEqual(stale.status_code, 400)
        self.assertContains(stale, "Người khác vừa sửa", status_code=400)
        wrong = self.client.post(self.url(), {**FORM, "rank": "40", "version": "1"})
        self.assertContains(wrong, "Thứ hạng không được lớn hơn tổng số đơn vị", status_code=400)
        self.assertEqual(EmulationResult.objects.get().title, FORM["title"])
        corrected = self.client.post(self.url(), {**FORM, "title": "Bằng khen", "version": "1"})
        self.assertEqual(corrected.status_code, 302)
        self.assertEqual((EmulationResult.objects.get().title, EmulationResult.objects.get().version), ("Bằng khen", 2))

    def test_it_refuses_a_decision_signed_before_the_year(self):
        with self.assertRaises(ValidationError):
            emulation_result_record(user=self.district_officer, unit=self.tanlinh, year=2024, title="x", basis="x",
                                    decision_number="1", decision_date=datetime.date(2023, 5, 1), issuing_body="x")  # fmt: skip

    def test_it_writes_the_result_in_the_official_pdf_report(self):
        from .test_export_pdf import text_of

        self.client.force_login(self.district_officer)
        self.client.post(self.url(), FORM)
        response = self.client.get(reverse("exports:report_pdf", args=[self.tanlinh.pk, "2024"]))
        text = text_of(response.content)
        self.assertIn("Giấy khen của Chủ tịch UBND huyện", text)
        self.assertIn("1234/QĐ-UBND", text)
