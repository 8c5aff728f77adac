"""Entry → submit as one path: an empty report is refused by the service, with a Vietnamese reason."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.periods import period_get_or_create
from reports.models import Submission, SubmissionStatus, Value
from reports.services.submissions import submission_get, submission_submit

from .test_submissions import SubmissionTestCase


class EmptyReportTests(SubmissionTestCase):
    def test_it_refuses_to_submit_a_report_without_any_value(self):
        Value.objects.filter(unit=self.tanlinh).delete()
        submission = submission_get(unit=self.tanlinh, period=self.period)
        with self.assertRaisesMessage(ValidationError, "Không thể nộp báo cáo trống"):
            submission_submit(submission=submission, user=self.reporter)
        self.assertEqual(self.submission().status, SubmissionStatus.DRAFT)

    def test_it_says_why_on_the_report_page_when_the_button_is_pressed(self):
        Value.objects.filter(unit=self.tanlinh).delete()
        response = self.post(self.reporter, "submit")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Không thể nộp báo cáo trống", status_code=400)

    def test_it_lets_a_district_submit_its_consolidated_report_once_a_commune_has_submitted(self):
        self.submitted()
        self.post(self.district_officer, "submit", unit=self.bavi)
        self.assertEqual(self.submission(self.bavi).status, SubmissionStatus.SUBMITTED)


class ConfirmAndReviewTests(SubmissionTestCase):
    """The confirmation steps and the context around a return, as the pages show them."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from indicators.models import Indicator, Measure
        from plans.models import Plan, Target
        from units.models import Level

        cls.blank = Indicator.objects.create(
            code="NGUOI_HOC", name="Số người học tại trung tâm", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )
        plan = Plan.objects.filter(unit=cls.hanoi).first()
        for indicator in (cls.clc, cls.blank):
            Target.objects.create(plan=plan, indicator=indicator, unit=cls.hanoi, year=2025, kind="at_least", value=5)

    def confirm(self, user, action):
        self.client.force_login(user)
        return self.client.get(reverse(self.ACTION_URLS[action], args=[self.tanlinh.pk, "2025S1"]))

    def test_it_asks_the_reporter_to_confirm_and_names_the_blank_indicators(self):
        response = self.confirm(self.reporter, "submit")
        self.assertContains(response, "Xác nhận nộp báo cáo")
        blank = response.content.decode().split('id="submit-blank"')[1]
        self.assertIn("Số người học tại trung tâm", blank.split("</div>")[0])
        self.assertEqual(self.submission_status(), SubmissionStatus.DRAFT)  # the GET submits nothing

    def submission_status(self):
        found = Submission.objects.filter(unit=self.tanlinh, period=self.period).first()
        return found.status if found else None

    def test_it_refuses_the_confirmation_to_a_reviewer(self):
        self.assertEqual(self.confirm(self.district_officer, "submit").status_code, 403)

    def test_it_shows_the_reason_at_the_top_of_the_grid_and_each_remark_beside_its_indicator(self):
        self.submitted()
        self.post(self.district_officer, "return", reason="Số trung tâm chưa khớp", **{"about-CLC": "Kiểm tra lại"})
        self.client.force_login(self.reporter)
        page = self.client.get(reverse("reports:entry", args=[self.tanlinh.pk, "2025S1"])).content.decode()
        self.assertIn("Số trung tâm chưa khớp", page.split('id="entry-returned"')[1].split("</div>")[0])
        self.assertIn("Kiểm tra lại", page.split('id="row-CLC"')[1].split("</tr>")[0])

    def test_it_shows_what_changed_since_the_return_on_the_resubmission(self):
        self.submitted()
        self.post(self.district_officer, "return", reason="Số trung tâm chưa khớp")
        self.record(self.reporter, value="4")
        response = self.confirm(self.reporter, "submit")
        changes = response.content.decode().split('id="changes-since-return"')[1]
        self.assertIn("Số TTHTCĐ", changes)
        self.post(self.reporter, "submit")
        response = self.confirm(self.district_officer, "approve")
        self.assertContains(response, "1 chỉ tiêu đã sửa từ khi báo cáo bị trả lại")

    def test_it_keeps_the_flags_the_report_was_approved_with(self):
        Value.objects.create(
            unit=self.tanlinh,
            indicator=self.blank,
            period=self.period,
            value=40,
        )
        previous = period_get_or_create(code="2024S2")
        Value.objects.create(unit=self.tanlinh, indicator=self.blank, period=previous, value=10)
        self.submitted()
        response = self.confirm(self.district_officer, "approve")
        self.assertContains(response, "Thay đổi bất thường so với kỳ trước: kỳ trước 10, kỳ này 40")
        self.post(self.district_officer, "approve")
        approved = self.submission()
        self.assertEqual(approved.status, SubmissionStatus.APPROVED)
        self.assertEqual([f["rule"] for f in approved.approved_flags], ["CHANGE_BEYOND_FACTOR"])
        self.assertEqual(approved.history.order_by("-history_date").first().approved_flags[0]["indicator"], "NGUOI_HOC")
        self.client.force_login(self.reporter)
        shown = self.client.get(self.url()).content.decode().split('id="approved-flags"')[1].split("</dd>")[0]
        self.assertIn("Số người học tại trung tâm: Thay đổi bất thường so với kỳ trước", shown)

    def test_the_confirmations_and_the_report_page_cost_the_same_whatever_the_number_of_indicators(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from indicators.models import Indicator, Measure
        from units.models import Level

        def counts() -> tuple[int, ...]:
            found = []
            for user, url in (
                (self.reporter, reverse("reports:submission_submit", args=[self.tanlinh.pk, "2025S1"])),
                (self.district_officer, reverse("reports:submission_approve", args=[self.tanlinh.pk, "2025S1"])),
                (self.district_officer, reverse("reports:submission", args=[self.tanlinh.pk, "2025S1"])),
            ):
                self.client.force_login(user)
                with CaptureQueriesContext(connection) as queries:
                    self.assertEqual(self.client.get(url).status_code, 200)
                found.append(len(queries))
            return tuple(found)

        few = counts()
        for n in range(5):
            indicator = Indicator.objects.create(
                code=f"EXTRA{n}", name=f"Chỉ tiêu thêm {n}", measure=Measure.COUNT, entry_level=Level.COMMUNE
            )
            Value.objects.create(unit=self.tanlinh, indicator=indicator, period=self.period, value=n + 1)
        self.assertEqual(counts(), few)
