"""Deadline reminders: before the due date and when overdue, in Vietnamese, never twice on one day."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from plans.models import PlanStatus
from plans.periods import period_get_or_create
from reports.models import ReminderKind, ReminderLog, Submission, SubmissionStatus
from reports.services.reminders import reminders_send
from units.models import UnitKind

from .base import PersonasTestCase
from .factories import UserFactory, make_unit
from .test_submissions import make_plan

D = datetime.date


class ReminderTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.period = period_get_or_create(code="2025S1")
        cls.plan = make_plan(cls.hanoi)  # communes of Hà Nội report, due 15/6 and 15/12
        cls.coloa_user = UserFactory(username="coloa", role=Role.COMMUNE_REPORTER, unit=cls.coloa)
        UserFactory(username="coloa_off", role=Role.COMMUNE_REPORTER, unit=cls.coloa, is_active=False)
        UserFactory(username="coloa_nomail", role=Role.COMMUNE_REPORTER, unit=cls.coloa, email="")
        # Ba Trại has no user: nothing to send, nothing logged.

    def recipients(self):
        return sorted(address for m in mail.outbox for address in m.to)

    def test_before_the_due_date_the_reporters_get_a_vietnamese_reminder(self):
        sent = reminders_send(today=D(2025, 6, 10), days_before=7)
        self.assertEqual(sent, 2)
        self.assertEqual(self.recipients(), ["coloa@example.vn", "reporter@example.vn"])
        message = next(m for m in mail.outbox if m.to == ["reporter@example.vn"])
        self.assertEqual(
            message.subject, "[XHHT] Nhắc hạn nộp báo cáo 6 tháng đầu năm 2025 của Xã Tản Lĩnh: hạn 15/06/2025"
        )
        self.assertIn("phải nộp chậm nhất ngày 15/06/2025 (còn 5 ngày)", message.body)
        self.assertIn("Báo cáo hiện chưa được nộp.", message.body)
        self.assertIn(f"/bao-cao/bao-cao-don-vi/{self.tanlinh.pk}/2025S1/", message.body)
        self.assertEqual(
            set(ReminderLog.objects.values_list("unit__code", "kind", "sent_on", "recipients")),
            {("09910", "before", D(2025, 6, 10), 1), ("00499", "before", D(2025, 6, 10), 1)},
        )

    def test_too_early_nothing_is_sent(self):
        self.assertEqual(reminders_send(today=D(2025, 6, 7), days_before=7), 0)
        self.assertEqual(reminders_send(today=D(2025, 6, 8), days_before=7), 2)  # 15/6 is 7 days ahead

    def test_a_second_run_the_same_day_sends_nothing_and_the_before_reminder_is_sent_once(self):
        self.assertEqual(reminders_send(today=D(2025, 6, 10), days_before=7), 2)
        self.assertEqual(reminders_send(today=D(2025, 6, 10), days_before=7), 0)
        self.assertEqual(reminders_send(today=D(2025, 6, 11), days_before=7), 0)
        self.assertEqual(len(mail.outbox), 2)

    def test_overdue_reminders_go_once_a_day_until_submitted(self):
        self.assertEqual(reminders_send(today=D(2025, 6, 16), days_before=7), 2)
        message = next(m for m in mail.outbox if m.to == ["reporter@example.vn"])
        self.assertEqual(
            message.subject, "[XHHT] Quá hạn nộp báo cáo 6 tháng đầu năm 2025 của Xã Tản Lĩnh (hạn 15/06/2025)"
        )
        self.assertIn("đã quá hạn nộp 1 ngày", message.body)
        self.assertEqual(reminders_send(today=D(2025, 6, 16), days_before=7), 0)
        Submission.objects.create(unit=self.tanlinh, period=self.period, status=SubmissionStatus.SUBMITTED)
        Submission.objects.create(unit=self.coloa, period=self.period, status=SubmissionStatus.RETURNED)
        mail.outbox.clear()
        self.assertEqual(reminders_send(today=D(2025, 6, 17), days_before=7), 1)
        self.assertEqual(self.recipients(), ["coloa@example.vn"])
        self.assertIn("trả lại để sửa và chưa được nộp lại", mail.outbox[0].body)
        self.assertEqual(ReminderLog.objects.filter(kind=ReminderKind.OVERDUE).count(), 3)

    def test_submitted_or_approved_reports_closed_periods_and_draft_plans_get_nothing(self):
        Submission.objects.create(unit=self.tanlinh, period=self.period, status=SubmissionStatus.APPROVED)
        self.assertEqual(reminders_send(today=D(2025, 6, 10), days_before=7), 1)
        self.period.is_closed = True
        self.period.save()
        self.assertEqual(reminders_send(today=D(2025, 6, 16), days_before=7), 0)
        self.period.is_closed = False
        self.period.save()
        self.plan.status = PlanStatus.DRAFT
        self.plan.save()
        self.assertEqual(reminders_send(today=D(2025, 6, 17), days_before=7), 0)

    def test_the_nearest_plan_decides_the_due_date(self):
        # Ba Vì asks its communes earlier (10/6): Tản Lĩnh answers to it, Cổ Loa still to Hà Nội's 15/6.
        make_plan(self.bavi, due_days=("06-10", "12-10"))
        reminders_send(today=D(2025, 6, 12), days_before=7)
        subjects = {m.to[0]: m.subject for m in mail.outbox}
        self.assertIn("Quá hạn", subjects["reporter@example.vn"])
        self.assertIn("hạn 10/06/2025", subjects["reporter@example.vn"])
        self.assertIn("Nhắc hạn", subjects["coloa@example.vn"])
        self.assertEqual(len(mail.outbox), 2)

    def test_the_command_takes_today_and_is_idempotent(self):
        out = StringIO()
        call_command("send_deadline_reminders", "--today", "2025-06-16", stdout=out)
        self.assertIn("Đã gửi 2 thư nhắc hạn (16/06/2025)", out.getvalue())
        out = StringIO()
        call_command("send_deadline_reminders", "--today", "2025-06-16", stdout=out)
        self.assertIn("Đã gửi 0 thư", out.getvalue())
        with self.assertRaises(CommandError):
            call_command("send_deadline_reminders", "--today", "16/06/2025")

    def test_the_default_days_before_comes_from_the_settings(self):
        with self.settings(XHHT_REMINDER_DAYS_BEFORE=3):
            self.assertEqual(reminders_send(today=D(2025, 6, 10)), 0)
            self.assertEqual(reminders_send(today=D(2025, 6, 12)), 2)

    def test_the_number_of_queries_does_not_grow_with_the_number_of_units(self):
        with CaptureQueriesContext(connection) as small:
            reminders_send(today=D(2025, 6, 16), days_before=7)
        district = make_unit(self.hanoi, "990", "Huyện Mới", UnitKind.RURAL_DISTRICT)
        for n in range(15):
            commune = make_unit(district, f"99{n:03d}", f"Xã {n}")
            UserFactory(username=f"u{n}", unit=commune)
        with CaptureQueriesContext(connection) as large:
            sent = reminders_send(today=D(2025, 6, 17), days_before=7)
        self.assertEqual(sent, 17)
        self.assertEqual(len(small), len(large), [q["sql"][:120] for q in large.captured_queries])
