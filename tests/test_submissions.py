"""The report workflow by role and scope, the lock in every write path, the history of values and reports,
on time / late around midnight in Asia/Ho_Chi_Minh, and the optimistic version check."""

import datetime
import json
from unittest import mock

from django.core import mail
from django.urls import reverse

from accounts.services import api_token_create
from indicators.models import Indicator, Measure
from plans.models import Frequency, Plan, PlanStatus, Reporters, ReportingRule
from plans.periods import period_get_or_create
from plans.services import deadlines_generate
from reports.models import EntryPath, Submission, SubmissionComment, SubmissionStatus, Value
from reports.services.submissions import (
    StaleSubmission,
    submission_approve,
    submission_get,
    submission_submit,
)
from reports.services.values import OVERWRITE, ValueRow, values_record
from units.models import Level

from .base import PersonasTestCase

UTC = datetime.UTC


def make_plan(unit, level=Level.COMMUNE, due_days=("06-15", "12-15"), status=PlanStatus.ISSUED):
    plan = Plan.objects.create(
        unit=unit, issuing_body="UBND", title="Kế hoạch XHHT", start_year=2025, end_year=2026, status=status
    )
    ReportingRule.objects.create(
        plan=plan,
        frequency=Frequency.HALF_YEARLY,
        due_days=list(due_days),
        reporters=Reporters.LEVEL,
        reporting_level=level,
    )
    deadlines_generate(plan=plan)
    return plan


class SubmissionTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.clc = Indicator.objects.create(
            code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )
        cls.period = period_get_or_create(code="2025S1")
        make_plan(cls.hanoi)
        make_plan(cls.hanoi, level=Level.DISTRICT, due_days=("06-20", "12-20"))
        values_record(
            rows=[ValueRow(row=1, unit_code="09910", indicator_code="CLC", period="2025S1", value="3")],
            user=cls.reporter,
        )
        cls.value = Value.objects.get(unit=cls.tanlinh, indicator=cls.clc)

    def url(self, unit=None):
        return reverse("reports:submission", args=[(unit or self.tanlinh).pk, "2025S1"])

    ACTION_URLS = {
        "submit": "reports:submission_submit",
        "approve": "reports:submission_approve",
        "return": "reports:submission_return",
        "reopen": "reports:submission_reopen",
        "comment": "reports:submission_comment",
    }

    def post(self, user, action, unit=None, **data):
        """Send one of the report's action forms, as its button on the report page does."""
        self.client.force_login(user)
        submission = Submission.objects.filter(unit=unit or self.tanlinh, period=self.period).first()
        if action != "comment":
            data.setdefault("version", submission.version if submission else 1)
        url = reverse(self.ACTION_URLS[action], args=[(unit or self.tanlinh).pk, "2025S1"])
        with self.captureOnCommitCallbacks(execute=True):  # the e-mails go after the commit
            return self.client.post(url, data)

    def submission(self, unit=None) -> Submission:
        return Submission.objects.get(unit=unit or self.tanlinh, period=self.period)

    def submitted(self) -> Submission:
        self.post(self.reporter, "submit")
        mail.outbox.clear()
        return self.submission()

    def record(self, user, value="5", path=EntryPath.FORM):
        return values_record(
            rows=[
                ValueRow(
                    row=1, unit_code="09910", indicator_code="CLC", period="2025S1", value=value, version=OVERWRITE
                )
            ],
            user=user,
            path=path,
        )

    def admin_change(self, value="9"):
        self.client.force_login(self.admin)
        v = Value.objects.get(pk=self.value.pk)
        return self.client.post(
            reverse("admin:reports_value_change", args=[v.pk]),
            {
                "unit": self.tanlinh.pk,
                "indicator": self.clc.pk,
                "period": self.period.pk,
                "value": value,
                "numerator": "",
                "denominator": "",
                "comment": "",
                "loaded_version": v.version,
            },
        )

    def api_post(self, user, value="9"):
        token = api_token_create(user=user)
        return self.client.post(
            "/api/v1/values/",
            json.dumps(
                [
                    {
                        "unit_code": "09910",
                        "indicator_code": "CLC",
                        "period": "2025S1",
                        "value": value,
                        "version": Value.objects.get(pk=self.value.pk).version,
                    }
                ]
            ),
            content_type="application/json",
            headers={"authorization": f"Bearer {token}"},
        )

    def assert_value(self, expected):
        self.assertEqual(Value.objects.get(pk=self.value.pk).value, expected)


class TransitionTests(SubmissionTestCase):
    def test_the_reporter_sees_its_report_with_the_due_date_and_a_submit_button(self):
        self.client.force_login(self.reporter)
        before = Submission.objects.count()
        response = self.client.get(self.url())
        self.assertContains(response, "15/06/2025")
        self.assertContains(response, "Nộp báo cáo")
        self.assertNotContains(response, "Duyệt báo cáo")
        self.assertContains(response, reverse("reports:value_history", args=[self.value.pk]))
        self.assertEqual(Submission.objects.count(), before)  # a read creates nothing

    def test_the_reporter_submits_its_own_report_and_the_district_is_told_by_email(self):
        response = self.post(self.reporter, "submit")
        self.assertRedirects(response, self.url())
        submission = self.submission()
        self.assertEqual((submission.status, submission.submitted_by), (SubmissionStatus.SUBMITTED, self.reporter))
        self.assertEqual(submission.deadline.due_date, datetime.date(2025, 6, 15))
        self.assertEqual([m.to for m in mail.outbox], [[self.district_officer.email]])
        self.assertIn("Xã Tản Lĩnh đã nộp báo cáo", mail.outbox[0].subject)
        last = submission.history.latest()
        self.assertEqual((last.status, last.history_user, last.changed_via), ("submitted", self.reporter, "form"))

    def test_a_commune_reporter_cannot_approve_it_is_a_403_with_the_reason(self):
        self.submitted()
        response = self.post(self.reporter, "approve")
        self.assertContains(response, "Chỉ cấp trên của đơn vị mới duyệt được báo cáo này.", status_code=403)
        self.assertEqual(self.submission().status, SubmissionStatus.SUBMITTED)

    def test_a_district_officer_cannot_submit_a_communes_report(self):
        response = self.post(self.district_officer, "submit")
        self.assertContains(response, "Chỉ đơn vị báo cáo mới nộp được", status_code=403)

    def test_the_district_officer_approves_its_commune_and_the_reporter_is_told(self):
        self.submitted()
        response = self.post(self.district_officer, "approve")
        self.assertRedirects(response, self.url())
        submission = self.submission()
        self.assertEqual(
            (submission.status, submission.reviewed_by), (SubmissionStatus.APPROVED, self.district_officer)
        )
        self.assertEqual([m.to for m in mail.outbox], [[self.reporter.email]])
        self.assertIn("Báo cáo đã được duyệt", mail.outbox[0].subject)
        self.assertEqual(submission.history.latest().history_user, self.district_officer)

    def test_the_province_reviewer_may_approve_a_commune_of_its_province(self):
        self.submitted()
        self.post(self.province_reviewer, "approve")
        self.assertEqual(self.submission().status, SubmissionStatus.APPROVED)

    def test_the_district_officer_returns_with_a_reason_and_comments_on_particular_values(self):
        self.submitted()
        response = self.post(
            self.district_officer, "return", reason="Số TTHTCĐ chưa khớp", **{"about-CLC": "Kiểm tra lại"}
        )
        self.assertRedirects(response, self.url())
        submission = self.submission()
        self.assertEqual((submission.status, submission.reason), (SubmissionStatus.RETURNED, "Số TTHTCĐ chưa khớp"))
        self.assertEqual(
            list(SubmissionComment.objects.values_list("indicator", "body")),
            [(None, "Số TTHTCĐ chưa khớp"), (self.clc.pk, "Kiểm tra lại")],
        )
        self.assertEqual([m.to for m in mail.outbox], [[self.reporter.email]])
        self.assertIn("Lý do: Số TTHTCĐ chưa khớp", mail.outbox[0].body)
        self.assertEqual(submission.history.latest().history_change_reason, "Số TTHTCĐ chưa khớp")
        # The reporter answers in the thread and resubmits.
        self.post(self.reporter, "comment", body="Đã sửa", indicator=str(self.clc.pk))
        self.post(self.reporter, "submit")
        self.assertEqual(self.submission().status, SubmissionStatus.SUBMITTED)
        self.client.force_login(self.reporter)
        page = self.client.get(self.url())
        self.assertContains(page, "Kiểm tra lại")
        self.assertContains(page, "Đã sửa")

    def test_a_return_without_a_reason_is_an_error_on_the_page_not_a_500(self):
        self.submitted()
        response = self.post(self.district_officer, "return", reason="  ", **{"about-CLC": "Giữ lại"})
        self.assertContains(response, "Hãy nêu lý do trả lại.", status_code=400)
        self.assertContains(response, 'value="Giữ lại"', status_code=400)  # what was typed is kept
        self.assertEqual(self.submission().status, SubmissionStatus.SUBMITTED)

    def test_reopen_needs_a_reason_and_unlocks_the_report(self):
        self.submitted()
        self.post(self.district_officer, "approve")
        response = self.post(self.district_officer, "reopen", reason="")
        self.assertContains(response, "Hãy nêu lý do mở lại.", status_code=400)
        self.post(self.district_officer, "reopen", reason="Sai số liệu quý")
        submission = self.submission()
        self.assertEqual((submission.status, submission.reason), (SubmissionStatus.RETURNED, "Sai số liệu quý"))
        self.assertTrue(self.record(self.reporter, "7").ok)

    def test_a_reporter_cannot_reopen(self):
        self.submitted()
        self.post(self.district_officer, "approve")
        response = self.post(self.reporter, "reopen", reason="Muốn sửa")
        self.assertEqual(response.status_code, 403)

    def test_a_wrong_status_is_a_message(self):
        response = self.post(self.district_officer, "approve")
        self.assertContains(response, "Chỉ duyệt được báo cáo đã nộp.", status_code=400)
        # Each action has its URL; the report page itself takes no POST.
        self.assertEqual(self.client.post(self.url(), {"action": "nonsense"}).status_code, 405)

    def test_another_district_and_another_province_get_404(self):
        self.submitted()
        for user in (self.other_district_officer, self.other_province_reviewer):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 404)
            self.assertEqual(self.post(user, "approve").status_code, 404)
            self.assertEqual(self.post(user, "return", reason="x").status_code, 404)
            self.assertEqual(self.post(user, "comment", body="x").status_code, 404)
            response = self.client.get(reverse("reports:value_history", args=[self.value.pk]))
            self.assertEqual(response.status_code, 404)
        self.assertEqual(self.submission().status, SubmissionStatus.SUBMITTED)

    def test_a_reporter_gets_404_for_a_sibling_commune(self):
        self.assertEqual(self.post(self.reporter, "submit", unit=self.batrai).status_code, 404)

    def test_an_anonymous_visitor_is_sent_to_the_login_page(self):
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_the_district_submits_its_own_report_to_the_province(self):
        self.submitted()
        self.post(self.district_officer, "approve")
        self.client.force_login(self.district_officer)
        page = self.client.get(self.url(self.bavi))
        self.assertContains(page, "20/06/2025")
        mail.outbox.clear()
        self.post(self.district_officer, "submit", unit=self.bavi)
        self.assertEqual(self.submission(self.bavi).status, SubmissionStatus.SUBMITTED)
        self.assertEqual([m.to for m in mail.outbox], [[self.province_reviewer.email]])
        self.assertEqual(self.post(self.district_officer, "approve", unit=self.bavi).status_code, 403)
        self.post(self.province_reviewer, "approve", unit=self.bavi)
        self.assertEqual(self.submission(self.bavi).status, SubmissionStatus.APPROVED)

    def test_the_report_history_shows_who_when_old_and_new_status_and_the_reason(self):
        self.submitted()
        self.post(self.district_officer, "return", reason="Thiếu số liệu")
        self.client.force_login(self.reporter)
        response = self.client.get(self.url())
        history = response.content.decode().split('id="submission-history"')[1]
        self.assertIn("Đang nhập → Đã nộp, chờ duyệt", history)
        self.assertIn("Đã nộp, chờ duyệt → Trả lại để sửa", history)
        self.assertIn("Thiếu số liệu", history)
        self.assertIn("district", history)


class StaleVersionTests(SubmissionTestCase):
    def test_an_outdated_version_is_a_clear_message_and_the_typed_reason_is_kept(self):
        self.submitted()  # version 2
        self.post(self.province_reviewer, "approve")  # version 3, while the district still shows version 2
        response = self.post(self.district_officer, "return", reason="Lý do dài đã gõ", version="2")
        self.assertContains(response, "vừa được người khác thay đổi", status_code=409)
        self.assertContains(response, "Lý do dài đã gõ", status_code=409)
        self.assertEqual(self.submission().status, SubmissionStatus.APPROVED)

    def test_the_service_raises_stale_submission(self):
        submission = submission_get(unit=self.tanlinh, period=self.period)
        submission_submit(submission=submission, user=self.reporter, version=1)
        with self.assertRaises(StaleSubmission):
            submission_approve(submission=submission, user=self.district_officer, version=1)


class LockTests(SubmissionTestCase):
    def test_a_submitted_report_is_read_only_in_the_form_the_import_the_api_and_the_admin(self):
        self.submitted()
        reason = "Báo cáo đã nộp, đang chờ duyệt."
        for path in (EntryPath.FORM, EntryPath.IMPORT):
            result = self.record(self.reporter, path=path)
            self.assertEqual([e.message for e in result.errors], [reason])
        response = self.api_post(self.reporter)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"][0]["message"], reason)
        response = self.admin_change()
        self.assertContains(response, f"Không sửa được: {reason}")
        self.assert_value(3)
        self.assertEqual(self.value.history.count(), 1)

    def test_an_approved_report_is_locked_for_everybody(self):
        self.submitted()
        self.post(self.district_officer, "approve")
        reason = "Báo cáo đã được duyệt và khóa."
        for user in (self.reporter, self.district_officer, self.province_reviewer, self.admin):
            self.assertEqual([e.message for e in self.record(user).errors], [reason])
        self.assertEqual(self.api_post(self.province_reviewer).json()["errors"][0]["message"], reason)
        self.assertContains(self.admin_change(), f"Không sửa được: {reason}")
        self.client.force_login(self.reporter)
        self.assertContains(self.client.get(self.url()), reason)
        self.assert_value(3)

    def test_the_admin_save_refuses_a_report_locked_after_the_form_was_validated(self):
        from django.contrib.admin.sites import site
        from django.contrib.messages.storage.fallback import FallbackStorage
        from django.test import RequestFactory

        model_admin = site._registry[Value]
        request = RequestFactory().post("/")
        request.user, request.session = self.admin, {}
        request._messages = FallbackStorage(request)
        form = model_admin.get_form(request, self.value)(
            {
                "unit": self.tanlinh.pk,
                "indicator": self.clc.pk,
                "period": self.period.pk,
                "value": "8",
                "loaded_version": self.value.version,
            },
            instance=Value.objects.get(pk=self.value.pk),
        )
        self.assertTrue(form.is_valid(), form.errors)
        self.submitted()  # the report is submitted between validation and saving
        model_admin.save_model(request, form.save(commit=False), form, change=True)
        self.assert_value(3)
        self.assertIn("Báo cáo đã nộp", str(list(request._messages)[0]))

    def test_a_closed_period_is_locked(self):
        self.period.is_closed = True
        self.period.save()
        reason = "Kỳ báo cáo đã khóa sổ."
        self.assertEqual([e.message for e in self.record(self.reporter).errors], [reason])
        self.assertContains(self.admin_change(), f"Không sửa được: {reason}")
        self.assertEqual(self.api_post(self.reporter).json()["errors"][0]["message"], reason)

    def test_a_returned_report_is_editable_again(self):
        self.submitted()
        self.post(self.district_officer, "return", reason="Sửa lại")
        self.assertTrue(self.record(self.reporter, "6").ok)
        self.assert_value(6)


class HistoryTests(SubmissionTestCase):
    def test_each_write_path_leaves_a_history_entry_with_who_and_the_path(self):
        self.record(self.reporter, "4", EntryPath.FORM)
        self.record(self.district_officer, "5", EntryPath.IMPORT)
        response = self.api_post(self.reporter, "6")
        self.assertEqual(response.status_code, 200, response.content)
        response = self.admin_change("7")
        self.assertEqual(response.status_code, 302)
        rows = list(self.value.history.order_by("history_date", "history_id"))
        self.assertEqual(
            [(h.entry_path, h.history_user, h.value, h.version) for h in rows],
            [
                ("form", self.reporter, 3, 1),
                ("form", self.reporter, 4, 2),
                ("import", self.district_officer, 5, 3),
                ("api", self.reporter, 6, 4),
                ("admin", self.admin, 7, 5),
            ],
        )
        self.client.force_login(self.district_officer)
        page = self.client.get(reverse("reports:value_history", args=[self.value.pk])).content.decode()
        for text in ("Biểu mẫu", "Nhập tệp", "API", "Trang quản trị", "6 → 7", "reporter", "admin"):
            self.assertIn(text, page.replace(",", "."))

    def test_admin_actions_go_through_the_services_and_are_recorded(self):
        self.submitted()
        self.client.force_login(self.admin)
        changelist = reverse("admin:reports_submission_changelist")
        pk = self.submission().pk
        self.client.post(changelist, {"action": "approve_reports", "_selected_action": [pk]})
        self.assertEqual(self.submission().status, SubmissionStatus.APPROVED)
        # Reopen asks for a reason on an intermediate page first.
        page = self.client.post(changelist, {"action": "reopen_reports", "_selected_action": [pk]})
        self.assertContains(page, "Lý do")
        self.assertEqual(self.submission().status, SubmissionStatus.APPROVED)
        self.client.post(
            changelist, {"action": "reopen_reports", "_selected_action": [pk], "apply": "1", "reason": "Sửa"}
        )
        last = self.submission().history.latest()
        self.assertEqual((last.status, last.changed_via, last.history_user), ("returned", "admin", self.admin))
        self.assertEqual(last.history_change_reason, "Sửa")

    def test_the_admin_lists_values_and_reports(self):
        self.submitted()
        self.client.force_login(self.admin)
        for name in ("value", "submission", "submissioncomment", "reminderlog"):
            self.assertEqual(self.client.get(reverse(f"admin:reports_{name}_changelist")).status_code, 200)
        response = self.client.get(reverse("admin:reports_value_changelist"), {"q": "09910"})
        self.assertContains(response, "Xã Tản Lĩnh")
        response = self.client.get(reverse("admin:reports_submission_change", args=[self.submission().pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="status"')


class TimelinessTests(SubmissionTestCase):
    def submit_at(self, moment: datetime.datetime) -> Submission:
        submission = submission_get(unit=self.tanlinh, period=self.period)
        with mock.patch("django.utils.timezone.now", return_value=moment):
            return submission_submit(submission=submission, user=self.reporter)

    def dashboard_late(self) -> int:
        self.client.force_login(self.district_officer)
        response = self.client.get(reverse("reports:dashboard", args=[self.bavi.pk, "2025S1"]))
        return response.context["page"].total.late

    def test_one_minute_before_midnight_in_vietnam_is_on_time(self):
        submission = self.submit_at(datetime.datetime(2025, 6, 15, 16, 59, tzinfo=UTC))  # 23:59 +07 on the 15th
        self.assertIs(submission.is_late, False)
        self.assertEqual(self.dashboard_late(), 0)
        self.client.force_login(self.reporter)
        self.assertContains(self.client.get(self.url()), "Đúng hạn")

    def test_midnight_in_vietnam_is_late_although_it_is_still_the_15th_in_utc(self):
        submission = self.submit_at(datetime.datetime(2025, 6, 15, 17, 0, tzinfo=UTC))  # 00:00 +07 on the 16th
        self.assertIs(submission.is_late, True)
        self.assertEqual(self.dashboard_late(), 1)
        self.client.force_login(self.reporter)
        self.assertContains(self.client.get(self.url()), "Nộp muộn")

    def test_a_draft_past_its_due_date_shows_as_overdue(self):
        with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2025, 6, 20, tzinfo=UTC)):
            self.client.force_login(self.reporter)
            self.assertContains(self.client.get(self.url()), "Đã quá hạn mà chưa nộp.")
