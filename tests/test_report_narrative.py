"""The narrative of a unit's report (results; shortcomings and causes; tasks for the next period; proposals): the
commune types it on its report page, it is kept with the report and locked once submitted, the PDF report prints
it; the PDF and the Excel summary say whether their figures include reports not yet approved."""

import io

import openpyxl
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from indicators.models import Indicator, Measure
from plans.periods import period_get_or_create
from reports.models import Submission, SubmissionStatus, Value
from reports.services.narrative import submission_narrative_update
from reports.services.submissions import StaleSubmission, submission_approve, submission_get, submission_submit

from .base import PersonasTestCase
from .test_export_pdf import text_of

RESULTS = "Xã đã tổ chức 12 lớp xóa mù chữ với 1.234 học viên."
SHORTCOMINGS = "Tỷ lệ gia đình học tập còn thấp do thiếu kinh phí."
TASKS = "Mở thêm 3 lớp tin học cho người lao động."
PROPOSALS = "Đề nghị huyện hỗ trợ kinh phí cho trung tâm học tập cộng đồng."


class NarrativeTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(
            code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.p = period_get_or_create(code="2024")
        Value.objects.create(unit=cls.tanlinh, indicator=cls.families, period=cls.p, numerator=120, denominator=200)
        Value.objects.create(unit=cls.batrai, indicator=cls.families, period=cls.p, numerator=80, denominator=100)

    def page_url(self, unit=None):
        return reverse("reports:submission", args=[(unit or self.tanlinh).pk, "2024"])

    def post(self, user, **fields):
        self.client.force_login(user)
        submission = Submission.objects.filter(unit=self.tanlinh, period=self.p).first()
        data = {"results": RESULTS, "shortcomings": SHORTCOMINGS, "tasks": TASKS, "proposals": PROPOSALS,
                "version": submission.version if submission else ""} | fields  # fmt: skip
        return self.client.post(reverse("reports:submission_narrative", args=[self.tanlinh.pk, "2024"]), data)

    def test_it_lets_the_commune_write_its_report_and_prints_it_in_the_pdf(self):
        self.client.force_login(self.reporter)
        page = self.client.get(self.page_url())
        self.assertContains(page, 'id="narrative-form"')
        self.assertContains(page, "2. Tồn tại, hạn chế và nguyên nhân")
        response = self.post(self.reporter)
        self.assertRedirects(response, self.page_url(), fetch_redirect_response=False)
        submission = Submission.objects.get(unit=self.tanlinh, period=self.p)
        self.assertEqual(submission.narrative_results, RESULTS)
        self.assertEqual(submission.narrative_proposals, PROPOSALS)
        self.assertEqual(submission.history.count(), 2)  # kept with the report's history
        page = self.client.get(self.page_url())
        self.assertContains(page, "Đã lưu phần nội dung báo cáo.")
        self.assertContains(page, SHORTCOMINGS)

        pdf = text_of(self.client.get(reverse("exports:report_pdf", args=[self.tanlinh.pk, "2024"])).content)
        self.assertIn("Đánh giá chung", pdf)
        for heading, text in [("1. Kết quả đạt được", RESULTS), ("2. Tồn tại, hạn chế và nguyên nhân", SHORTCOMINGS),
                              ("3. Nhiệm vụ, giải pháp kỳ tới", TASKS), ("4. Đề xuất, kiến nghị", PROPOSALS)]:  # fmt: skip
            self.assertIn(heading, pdf)
            self.assertIn(text, pdf)
        self.assertLess(pdf.index(RESULTS), pdf.index(PROPOSALS))

    def test_it_locks_the_narrative_once_the_report_is_submitted(self):
        self.post(self.reporter)
        submission = Submission.objects.get(unit=self.tanlinh, period=self.p)
        submission_submit(submission=submission, user=self.reporter)
        self.client.force_login(self.reporter)
        page = self.client.get(self.page_url())
        self.assertNotContains(page, 'id="narrative-form"')
        self.assertContains(page, RESULTS)  # read-only
        response = self.post(self.reporter, results="Sửa sau khi nộp")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Báo cáo đã nộp", status_code=400)
        self.assertEqual(Submission.objects.get(pk=submission.pk).narrative_results, RESULTS)

    def test_it_refuses_a_reviewer_a_stale_page_and_a_pasted_book(self):
        submission = submission_get(unit=self.tanlinh, period=self.p)
        with self.assertRaises(PermissionDenied):
            submission_narrative_update(submission=submission, user=self.district_officer, results="x",
                                        shortcomings="", tasks="", proposals="", version=None)  # fmt: skip
        self.assertEqual(self.post(self.district_officer).status_code, 403)
        self.assertEqual(self.post(self.other_district_officer).status_code, 404)
        with self.assertRaises(StaleSubmission):
            submission_narrative_update(submission=submission, user=self.reporter, results="x", shortcomings="",
                                        tasks="", proposals="", version=submission.version + 1)  # fmt: skip
        with self.assertRaises(ValidationError) as refused:
            submission_narrative_update(submission=submission, user=self.reporter, results="x" * 20_001,
                                        shortcomings="", tasks="", proposals="", version=None)  # fmt: skip
        self.assertIn("Tối đa 20.000 ký tự.", str(refused.exception))  # a Vietnamese number in the message

    def test_the_outputs_say_whether_they_include_unapproved_figures(self):
        self.client.force_login(self.district_officer)
        pdf_url = reverse("exports:report_pdf", args=[self.bavi.pk, "2024"])
        xlsx_url = reverse("exports:summary_xlsx", args=[self.bavi.pk, "2024"])
        pdf = text_of(self.client.get(pdf_url).content)
        self.assertIn("Số liệu gồm cả số liệu chưa được cấp trên duyệt: 2 trong 2 đơn vị", pdf)
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(self.client.get(xlsx_url).streaming_content)))["Tổng hợp"]
        self.assertIn("gồm cả số liệu chưa được cấp trên duyệt (2 trong 2 đơn vị có số liệu)", sheet["B4"].value)

        for unit in (self.tanlinh, self.batrai):
            submission = submission_get(unit=unit, period=self.p)
            submission_submit(submission=submission, user=self.admin)
            submission_approve(submission=Submission.objects.get(pk=submission.pk), user=self.district_officer)
        self.assertEqual(
            set(Submission.objects.filter(period=self.p).values_list("status", flat=True)), {SubmissionStatus.APPROVED}
        )
        pdf = text_of(self.client.get(pdf_url).content)
        self.assertIn("Toàn bộ số liệu trong báo cáo đã được cấp trên duyệt.", pdf)
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(self.client.get(xlsx_url).streaming_content)))["Tổng hợp"]
        self.assertIn("toàn bộ số liệu đã được cấp trên duyệt", sheet["B4"].value)
