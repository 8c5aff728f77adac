"""The home page is each person's to-do list (reports.selectors.home), as they see it."""

from __future__ import annotations

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobs.models import Job, JobKind, JobState
from reports.models import Submission, SubmissionStatus, Value
from reports.services.values import ValueRow, values_record
from tests.factories import make_unit

from .test_submissions import SubmissionTestCase

TODAY = datetime.date(2025, 7, 1)


@mock.patch("reports.selectors.home.timezone.localdate", return_value=TODAY)
class HomeTests(SubmissionTestCase):
    def home(self, user) -> str:
        self.client.force_login(user)
        response = self.client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def section(self, html: str, marker: str) -> str:
        return html.split(f'id="{marker}"')[1].split("</table>")[0].split("</section>")[0]

    def test_it_shows_the_reporter_the_open_periods_with_due_dates_and_one_continue_button(self, _today):
        html = self.home(self.reporter)
        periods = self.section(html, "todo-periods")
        self.assertIn("15/06/2025", periods)
        self.assertIn("quá hạn 16 ngày", periods)
        self.assertIn("còn 167 ngày", periods)
        self.assertIn("Bản nháp, chưa nộp", periods)  # 2025S1 has a value, not submitted
        self.assertEqual(html.count('id="continue"'), 1)
        continue_url = reverse("reports:entry", args=[self.tanlinh.pk, "2025S2"])
        self.assertIn(f'href="{continue_url}"', self.section(html, "todo-continue"))

    def test_it_leads_the_reporter_to_a_returned_report_with_its_reason(self, _today):
        self.submitted()
        self.post(self.district_officer, "return", reason="Thiếu số liệu trung tâm")
        html = self.home(self.reporter)
        self.assertIn("Thiếu số liệu trung tâm", html.split('id="todo-returned-2025S1"')[1].split("</div>")[0])
        continue_url = reverse("reports:entry", args=[self.tanlinh.pk, "2025S1"])
        self.assertIn(f'href="{continue_url}"', self.section(html, "todo-continue"))
        self.assertIn("Sửa và nộp lại báo cáo", self.section(html, "todo-continue"))

    def test_it_drops_a_submitted_period_from_the_reporters_list(self, _today):
        self.submitted()
        self.assertNotIn("2025S1", self.section(self.home(self.reporter), "todo-periods"))

    def test_it_shows_the_district_the_reports_waiting_late_units_and_its_own_report(self, _today):
        self.submitted()
        html = self.home(self.district_officer)
        waiting = self.section(html, "todo-waiting")
        self.assertIn("Xã Tản Lĩnh", waiting)
        self.assertIn(reverse("reports:submission", args=[self.tanlinh.pk, "2025S1"]), waiting)
        self.assertIn("Đơn vị chậm hoặc chưa nộp", html)
        self.assertIn("Báo cáo của đơn vị tôi", html)
        self.assertNotIn("todo-reporter", html)

    def test_its_query_count_does_not_grow_with_the_units(self, _today):
        def count() -> int:
            self.client.force_login(self.district_officer)
            with CaptureQueriesContext(connection) as queries:
                self.client.get(reverse("home"))
            return len(queries)

        self.submitted()
        few = count()
        for n in range(6):
            commune = make_unit(self.bavi, f"0999{n}", f"Xã Mới {n}")
            values_record(
                rows=[ValueRow(row=1, unit_code=commune.code, indicator_code="CLC", period="2025S1", value=str(n + 1))],
                user=self.admin,
            )
            Submission.objects.filter(unit=commune).update(status=SubmissionStatus.SUBMITTED)
        self.assertEqual(Value.objects.filter(unit__parent=self.bavi).count(), 7)
        self.assertEqual(count(), few)

    def test_it_shows_the_administrator_failed_jobs_accounts_and_units_without_accounts(self, _today):
        Job.objects.create(kind=JobKind.VALUES_IMPORT, owner=self.reporter, state=JobState.FAILED, error="Tệp hỏng")
        self.ytich.valid_to = datetime.date(2025, 6, 30)
        self.ytich.save()
        self.reporter.unit = self.ytich
        self.reporter.save()
        html = self.home(self.admin)
        self.assertIn("Tệp hỏng", self.section(html, "todo-failed-jobs"))
        self.assertIn("reporter", self.section(html, "todo-accounts"))
        self.assertIn("Xã Ba Trại", self.section(html, "todo-units"))

    def test_it_lets_the_district_remind_a_late_commune_once_a_day(self, _today):
        from django.core import mail

        from accounts.models import Role
        from tests.factories import UserFactory

        UserFactory(username="batrai", role=Role.COMMUNE_REPORTER, unit=self.batrai, email="batrai@xhht.invalid")
        html = self.home(self.district_officer)
        url = reverse("reports:reminder_send", args=[self.batrai.pk, "2025S2"])
        self.assertIn(f'action="{url}"', self.section(html, "todo-late"))
        mail.outbox.clear()
        response = self.client.post(url, {"next": reverse("home")}, follow=True)
        self.assertEqual(response.redirect_chain[-1][0], reverse("home"))
        self.assertContains(response, "Đã gửi thư nhắc hạn tới 1 địa chỉ của Xã Ba Trại.")
        self.assertEqual([m.to for m in mail.outbox], [["batrai@xhht.invalid"]])
        self.assertIn("Xã Ba Trại", mail.outbox[0].subject)
        response = self.client.post(url, {"next": "https://example.com/"}, follow=True)
        self.assertContains(response, "Xã Ba Trại đã được nhắc hạn hôm nay.")
        self.assertEqual(len(mail.outbox), 1)
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.post(url).status_code, 404)  # another commune: out of scope
        own = reverse("reports:reminder_send", args=[self.tanlinh.pk, "2025S2"])
        self.assertEqual(self.client.post(own).status_code, 403)  # a reporter reminds nobody
