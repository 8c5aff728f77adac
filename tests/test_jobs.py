"""Background jobs as people meet them: the province reviewer asks for Hà Nội's Excel summary, lands on the
job's page, follows the progress bar and downloads the file; nobody else gets the file; a job that cannot be
done says why in Vietnamese; a job whose worker was killed is run again or marked failed, never left running;
expired files are removed.

The jobs run as the tasks library recommends for tests: the immediate backend (``TASKS_BACKEND`` in
pyproject.toml), i.e. the job runs in the request that starts it, through the same ``job_run`` task the worker
runs. Hà Nội counts as "large" here by lowering the thresholds (the personas' tree has six units).
"""

import datetime
import io
import os
import tempfile
from unittest import mock

import openpyxl
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from jobs import services
from jobs.models import Job, JobKind, JobState
from jobs.services import Progress, job_start, jobs_purge, jobs_reap, jobs_schedule
from reports.models import EntryPath, Value

from .test_export_xlsx import ExcelTestCase
from .test_import import ImportPageCase, csv_bytes
from .test_learning_views import DecisionPdfTests
from .test_reminders import ReminderTests

SMALL_THRESHOLDS = {"XHHT_JOB_XLSX_UNITS": 3, "XHHT_JOB_PDF_CHILDREN": 1}


class KilledRun(SystemExit):
    """What a worker's forced shutdown raises inside the running task (``sys.exit`` on the second signal)."""


def use_a_temporary_media_folder(test) -> None:
    media = tempfile.TemporaryDirectory()
    test.addCleanup(media.cleanup)
    override = override_settings(MEDIA_ROOT=media.name)
    override.enable()
    test.addCleanup(override.disable)


@override_settings(**SMALL_THRESHOLDS)
class ExportJobTests(ExcelTestCase):
    def setUp(self):
        use_a_temporary_media_folder(self)

    def ask_summary(self, user, unit=None, **params):
        self.client.force_login(user)
        return self.client.get(reverse("exports:summary_xlsx", args=[(unit or self.hanoi).pk, "2025S1"]), params)

    def test_it_builds_the_province_summary_as_a_job_with_a_progress_bar_and_a_download(self):
        response = self.ask_summary(self.province_reviewer)
        job = Job.objects.get()
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]))
        self.assertEqual((job.kind, job.owner, job.unit, job.state), (JobKind.SUMMARY_XLSX, self.province_reviewer,
                                                                     self.hanoi, JobState.DONE))  # fmt: skip

        page = self.client.get(response["Location"])
        self.assertContains(page, 'id="job-progress"')
        self.assertContains(page, reverse("jobs:status", args=[job.pk]))
        self.assertContains(page, "js/job-progress.js")
        self.assertContains(page, "Tải tệp tong-hop-01-2025S1.xlsx")

        status = self.client.get(reverse("jobs:status", args=[job.pk])).json()
        self.assertEqual(status["state"], "done")
        self.assertEqual(status["percent"], 100)
        self.assertEqual(status["done"], status["total"])
        self.assertEqual(status["download_url"], reverse("jobs:download", args=[job.pk]))

        download = self.client.get(status["download_url"])
        self.assertEqual(download.status_code, 200)
        self.assertIn('filename="tong-hop-01-2025S1.xlsx"', download["Content-Disposition"])
        book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
        self.assertEqual(book.sheetnames[0], "Tổng hợp")
        codes = [row[0] for row in book["Tổng hợp"].iter_rows(min_row=10, values_only=True)]
        self.assertEqual(codes, ["01", "271", "017"])  # Hà Nội, then its districts

    def test_it_keeps_a_small_export_a_direct_download(self):
        response = self.ask_summary(self.district_officer, self.bavi)  # Ba Vì and its two communes
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])
        self.assertFalse(Job.objects.exists())

    def test_it_builds_the_province_pdf_as_a_job(self):
        self.client.force_login(self.province_reviewer)
        response = self.client.get(reverse("exports:report_pdf", args=[self.hanoi.pk, "2025S1"]))
        job = Job.objects.get(kind=JobKind.REPORT_PDF)
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]))
        download = self.client.get(reverse("jobs:download", args=[job.pk]))
        self.assertEqual(download["Content-Type"], "application/pdf")
        self.assertTrue(b"".join(download.streaming_content).startswith(b"%PDF"))

    def test_it_answers_404_for_the_job_and_its_file_to_anyone_outside_its_scope(self):
        self.ask_summary(self.province_reviewer)
        job = Job.objects.get()
        urls = [reverse(name, args=[job.pk]) for name in ("jobs:detail", "jobs:status", "jobs:download")]
        for outsider in (self.other_province_reviewer, self.district_officer, self.reporter):
            self.client.force_login(outsider)
            for url in urls:
                self.assertEqual(self.client.get(url).status_code, 404, (outsider.username, url))
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(urls[2]).status_code, 200)

        # The owner moved to Lạng Sơn: Hà Nội's file is no longer theirs to take.
        self.province_reviewer.unit = self.langson
        self.province_reviewer.save()
        self.client.force_login(self.province_reviewer)
        self.assertEqual(self.client.get(urls[2]).status_code, 404)

    def test_it_records_why_a_job_failed_in_vietnamese(self):
        self.assertEqual(self.ask_summary(self.province_reviewer, plan="999999").status_code, 404)  # at the click
        # The plan chosen on the roll-up page was withdrawn between the click and the run: the job says why.
        job = job_start(
            kind=JobKind.SUMMARY_XLSX,
            owner=self.province_reviewer,
            unit=self.hanoi,
            params={"unit_id": self.hanoi.pk, "period": "2025S1", "plan": 999999},
        )
        self.assertEqual(job.state, JobState.FAILED)
        self.assertEqual(job.error, "Không có kế hoạch này trong phạm vi của đơn vị.")
        self.assertFalse(job.file)
        page = self.client.get(reverse("jobs:detail", args=[job.pk]))
        self.assertContains(page, "Không có kế hoạch này trong phạm vi của đơn vị.")
        self.assertNotContains(page, 'id="job-download"')
        self.assertEqual(self.client.get(reverse("jobs:download", args=[job.pk])).status_code, 404)
        self.assertEqual(self.client.get(reverse("jobs:status", args=[job.pk])).json()["error"], job.error)

    def test_the_progress_endpoint_reports_increasing_counts_while_the_job_runs(self):
        self.client.force_login(self.province_reviewer)
        seen = []
        flush = Progress.flush

        def flush_and_look(progress):
            flush(progress)  # the job writes its progress, then the page's script asks for it
            data = self.client.get(reverse("jobs:status", args=[progress.job_id])).json()
            seen.append((data["state"], data["done"], data["total"], data["step"]))

        with mock.patch.object(services, "PROGRESS_EVERY", 0), mock.patch.object(Progress, "flush", flush_and_look):
            self.client.get(reverse("exports:summary_xlsx", args=[self.hanoi.pk, "2025S1"]))
        dones = [done for _state, done, _total, _step in seen]
        self.assertGreater(len(seen), 5)
        self.assertEqual({state for state, *_rest in seen}, {"running"})
        self.assertEqual(dones, sorted(dones))
        self.assertLess(dones[0], dones[-1])
        self.assertEqual(dones[-1], seen[-1][2])  # all of it
        self.assertEqual({step for *_rest, step in seen}, {"Tổng hợp số liệu", "Ghi tệp Excel"})

    def test_it_runs_again_a_job_whose_worker_was_killed_and_fails_it_after_the_last_attempt(self):
        calls = {"n": 0}
        advance = Progress.advance

        def killed_on_the_second_step(progress, count=1):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KilledRun(1)
            advance(progress, count)

        with mock.patch.object(Progress, "advance", killed_on_the_second_step):
            self.ask_summary(self.province_reviewer)
        job = Job.objects.get()
        self.assertEqual((job.state, job.attempts), (JobState.RUNNING, 1))  # as a killed worker leaves it

        status = reverse("jobs:status", args=[job.pk])
        self.assertEqual(self.client.get(status).json()["state"], "running")  # its heartbeat is recent
        Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(minutes=3))
        data = self.client.get(status).json()  # the page's next poll recovers it: run again, to the end
        job.refresh_from_db()
        self.assertEqual((data["state"], job.attempts), ("done", 2))
        self.assertTrue(job.file)

        # Killed on every run: after the last attempt the job fails with a reason, it does not stay "running".
        calls["n"] = -100
        with mock.patch.object(Progress, "advance", lambda progress, count=1: (_ for _ in ()).throw(KilledRun(1))):
            self.ask_summary(self.province_reviewer)
            job = Job.objects.exclude(pk=job.pk).get()
            for _attempt in range(3):
                Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(minutes=3))
                jobs_reap()
        job.refresh_from_db()
        self.assertEqual((job.state, job.attempts), (JobState.FAILED, 2))
        self.assertIn("Công việc bị gián đoạn", job.error)
        self.assertEqual(Job.objects.stale(timezone.now() + datetime.timedelta(days=1)).count(), 0)

    def test_it_removes_files_past_their_expiry(self):
        self.ask_summary(self.province_reviewer)
        job = Job.objects.get()
        path = job.file.path
        self.assertEqual(jobs_purge(), 0)
        self.assertEqual(jobs_purge(now=job.expires_at + datetime.timedelta(minutes=1)), 1)
        job.refresh_from_db()
        self.assertFalse(job.file)
        self.assertFalse(os.path.exists(path))
        self.assertContains(self.client.get(reverse("jobs:detail", args=[job.pk])), "Tệp đã hết hạn lưu giữ")
        self.assertEqual(self.client.get(reverse("jobs:download", args=[job.pk])).status_code, 404)

    def test_it_lists_the_persons_own_jobs(self):
        self.ask_summary(self.province_reviewer)
        page = self.client.get(reverse("jobs:list"))
        self.assertContains(page, "Bảng tổng hợp Excel: Thành phố Hà Nội")
        self.client.force_login(self.district_officer)
        self.assertNotContains(self.client.get(reverse("jobs:list")), "Thành phố Hà Nội")


class ScheduleTests(ExcelTestCase):
    def test_periodic_jobs_need_a_backend_that_defers(self):
        # The immediate backend of the tests cannot run a task later: nothing is scheduled (cron is the way there).
        self.assertEqual(jobs_schedule(), [])

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
    def test_the_worker_keeps_one_run_of_each_periodic_job_queued(self):
        started = jobs_schedule(now=timezone.make_aware(datetime.datetime(2026, 3, 2, 8, 0)))
        self.assertEqual({job.kind for job in started}, {JobKind.CLEANUP, JobKind.REMINDERS})
        self.assertEqual(jobs_schedule(), [])  # already queued
        from django_tasks_db.models import DBTaskResult

        reminders = Job.objects.get(kind=JobKind.REMINDERS)
        run_after = DBTaskResult.objects.get(id=reminders.task_id).run_after
        self.assertEqual(timezone.localtime(run_after).strftime("%d/%m %H:%M"), "03/03 07:15")  # the next morning


@override_settings(XHHT_JOB_IMPORT_ROWS=2)
class ImportJobTests(ImportPageCase):
    """A file of more rows than a request checks: the check, then the import, are jobs with the same rules."""

    def test_it_checks_a_large_file_in_a_job_then_imports_it_on_confirmation(self):
        self.client.force_login(self.district_officer)
        rows = ("09910,CLC,2023,3,,,", "09913,LIT,2023,,95,100,", "09913,CLC,2023,1,,,")
        response = self.upload(csv_bytes(*rows))
        check = Job.objects.get(kind=JobKind.VALUES_CHECK)
        self.assertRedirects(response, reverse("jobs:detail", args=[check.pk]))
        self.assertEqual(Value.objects.count(), 0)  # the check writes nothing
        page = self.client.get(response["Location"])
        self.assertContains(page, "3 dòng số liệu; 0 lỗi; 0 cảnh báo.")
        self.assertContains(page, f'name="job" value="{check.pk}"')
        self.assertContains(page, "Xác nhận nhập")

        response = self.client.post(self.url, {"confirm": "1", "job": str(check.pk)})
        job = Job.objects.get(kind=JobKind.VALUES_IMPORT)
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]))
        self.assertEqual(job.state, JobState.DONE)
        self.assertContains(
            self.client.get(response["Location"]), "Đã nhập tệp ket-qua.csv: 3 dòng (3 mới, 0 cập nhật, 0 không đổi)."
        )
        self.assertEqual(Value.objects.filter(entry_path=EntryPath.IMPORT).count(), 3)
        self.assertEqual(list(self.imports.iterdir()), [])  # the upload is gone once imported

    def test_a_large_file_with_an_error_offers_no_confirmation_and_writes_nothing(self):
        self.client.force_login(self.reporter)
        response = self.upload(csv_bytes("09910,CLC,2023,3,,,", "09913,CLC,2023,1,,,", "09910,LIT,2023,,5,1,"))
        page = self.client.get(response["Location"])
        self.assertContains(page, "Không có đơn vị mã &#x27;09913&#x27; trong phạm vi của bạn.")
        self.assertNotContains(page, "Xác nhận nhập")
        check = Job.objects.get()
        self.assertEqual(self.client.post(self.url, {"confirm": "1", "job": str(check.pk)}).status_code, 404)
        self.assertEqual(Value.objects.count(), 0)

    def test_an_import_refused_at_write_time_records_why_and_writes_nothing(self):
        self.client.force_login(self.district_officer)
        self.upload(csv_bytes("09910,CLC,2023,3,,,", "09913,CLC,2023,2,,,", "09913,LIT,2023,,95,100,"))
        check = Job.objects.get()
        # Meanwhile Tản Lĩnh submits its 2023 report: its rows are now locked.
        from plans.periods import period_get_or_create
        from reports.models import Submission, SubmissionStatus

        Submission.objects.create(
            unit=self.tanlinh, period=period_get_or_create(code="2023"), status=SubmissionStatus.SUBMITTED
        )
        response = self.client.post(self.url, {"confirm": "1", "job": str(check.pk)})
        job = Job.objects.get(kind=JobKind.VALUES_IMPORT)
        self.assertEqual(job.state, JobState.FAILED)
        self.assertEqual(job.error, "Tệp có lỗi nên không dòng nào được nhập.")
        page = self.client.get(response["Location"])
        self.assertContains(page, "Báo cáo đã nộp, đang chờ duyệt.")
        self.assertEqual(Value.objects.count(), 0)

    def test_nobody_else_confirms_a_check(self):
        self.client.force_login(self.district_officer)
        self.upload(csv_bytes("09910,CLC,2023,3,,,", "09913,CLC,2023,2,,,", "09913,LIT,2023,,95,100,"))
        check = Job.objects.get()
        self.assertTrue(check.result["ok"])
        self.client.force_login(self.province_reviewer)
        self.assertEqual(self.client.post(self.url, {"confirm": "1", "job": str(check.pk)}).status_code, 404)
        self.assertEqual(self.client.post(self.url, {"confirm": "1", "job": "not-a-uuid"}).status_code, 404)
        self.assertFalse(Job.objects.filter(kind=JobKind.VALUES_IMPORT).exists())


@override_settings(XHHT_JOB_DECISION_LINES=2)
class DecisionJobTests(DecisionPdfTests):
    """A decision of a bulk recognition (three families here, over the lowered threshold) is printed by a job."""

    def setUp(self):
        use_a_temporary_media_folder(self)

    def test_it_prints_the_decision_in_the_official_layout(self):
        from pypdf import PdfReader

        self.client.force_login(self.reporter)
        response = self.client.get(reverse("learning:decision_pdf", args=[self.decision.pk]))
        job = Job.objects.get(kind=JobKind.DECISIONS_PDF)
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]))
        self.assertContains(self.client.get(response["Location"]), "3 đối tượng được công nhận")
        download = self.client.get(reverse("jobs:download", args=[job.pk]))
        pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
        self.assertIn("Công nhận 3 đối tượng", " ".join(" ".join(p.extract_text() for p in pdf.pages).split()))
        self.client.force_login(self.other_district_officer)
        self.assertEqual(self.client.get(reverse("jobs:download", args=[job.pk])).status_code, 404)


class RemindersJobTests(ReminderTests):
    def test_the_daily_reminders_run_as_a_job_and_say_how_many_were_sent(self):
        with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2025, 6, 10)):
            job = job_start(kind=JobKind.REMINDERS, title="Gửi thư nhắc hạn")
        self.assertEqual(job.state, JobState.DONE)
        self.assertEqual(job.result["sent"], len(mail.outbox))
        self.assertGreater(job.result["sent"], 0)
        self.assertEqual(job.result["message"], f"Đã gửi {job.result['sent']} thư nhắc hạn (10/06/2025).")
        self.client.force_login(self.admin)
        self.assertContains(self.client.get(reverse("jobs:detail", args=[job.pk])), job.result["message"])
        self.client.force_login(self.province_reviewer)  # a system job is the administrators'
        self.assertEqual(self.client.get(reverse("jobs:detail", args=[job.pk])).status_code, 404)
