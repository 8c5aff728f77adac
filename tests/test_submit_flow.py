"""Entry → submit as one path: an empty report is refused by the service, with a Vietnamese reason."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from reports.models import SubmissionStatus, Value
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
