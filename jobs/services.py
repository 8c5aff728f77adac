"""Writes for background jobs: start one, run it (progress, heartbeat, outcome), recover the interrupted ones,
remove expired files, keep the periodic ones scheduled.

A job's work is a *runner*: ``runner(job, progress) -> JobOutput``, a function of the app that owns the work
(``RUNNERS``). It reports how far it got through ``progress`` and raises ``JobError`` with a reason in Vietnamese
when the work cannot be done; the job then records the reason and nothing else. Runners are written so that a
failed or interrupted run loses nothing: exports only write their file at the end, an import writes in one
transaction, reminders are logged per e-mail and never sent twice. That makes a retry after an interruption safe.

Interruptions: while a job runs, a thread writes a heartbeat every ``XHHT_JOB_HEARTBEAT_SECONDS``. A running
job without a heartbeat for ``XHHT_JOB_STALE_SECONDS`` lost its worker (killed, restarted, machine down):
``jobs_reap`` puts it back in the queue, or marks it failed after ``XHHT_JOB_MAX_ATTEMPTS`` runs. The reaper
runs in the periodic clean-up job, in ``python manage.py jobs_cleanup``, and whenever the job's page asks for
its status, so a job is never shown "running" for ever even when no worker runs at all.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import tempfile
import threading
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from jobs.models import Job, JobKind, JobState

logger = logging.getLogger(__name__)

#: The function that does each kind of work (imported when a job runs, so that apps do not import each other).
RUNNERS = {
    JobKind.SUMMARY_XLSX: "exports.jobs.summary_xlsx_run",
    JobKind.REPORT_PDF: "exports.jobs.report_pdf_run",
    JobKind.VALUES_CHECK: "reports.jobs.values_check_run",
    JobKind.VALUES_IMPORT: "reports.jobs.values_import_run",
    JobKind.DECISIONS_PDF: "learning.jobs.decisions_pdf_run",
    JobKind.REMINDERS: "reports.jobs.reminders_run",
    JobKind.CLEANUP: "jobs.services.cleanup_run",
}

#: Progress is written at most this often (seconds), and always at the end of a step.
PROGRESS_EVERY = 0.5


class JobError(Exception):
    """Why a job cannot be done, in Vietnamese, for the person who asked (no traceback, no internals)."""

    def __init__(self, message: str, *, result: dict | None = None):
        super().__init__(message)
        self.message = message
        self.result = result or {}


@dataclasses.dataclass
class JobOutput:
    """What a runner produced: a file to keep (``path``, removed afterwards) and/or a summary to show."""

    path: Path | None = None
    filename: str = ""
    result: dict = dataclasses.field(default_factory=dict)


def output_path(suffix: str) -> Path:
    """A new temporary file for a runner's output (``JobOutput.path``: moved to the job's storage afterwards)."""
    handle = tempfile.NamedTemporaryFile(prefix="xhht-job-", suffix=suffix, delete=False)
    handle.close()
    return Path(handle.name)


class Progress:  # the protocol of core.progress.NullProgress
    """How far a job got: ``total`` units of work (rows, units, pages), ``done`` of them, the current step.

    Writes go straight to the job's row (an UPDATE of a few columns), at most every ``PROGRESS_EVERY``
    seconds, so the page that polls the status sees them while the job runs.
    """

    def __init__(self, job: Job):
        self.job_id = job.pk
        self.done = 0
        self.total = 0
        self.label = ""
        self._written = 0.0

    def start(self, total: int, label: str = "") -> None:
        """A new step of ``total`` units (the bar starts again from zero)."""
        self.total, self.done, self.label = max(int(total), 0), 0, label or self.label
        self.flush()

    def step(self, label: str) -> None:
        self.label = label
        self.flush()

    def advance(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total) if self.total else self.done + count
        if time.monotonic() - self._written >= PROGRESS_EVERY or self.done == self.total:
            self.flush()

    def flush(self) -> None:
        Job.objects.filter(pk=self.job_id).update(
            done=self.done, total=self.total, step=self.label[:200], heartbeat_at=timezone.now()
        )
        self._written = time.monotonic()


class Heartbeat:
    """A thread that writes the job's heartbeat while the job runs (its own database connection)."""

    def __init__(self, job_id):
        self.job_id = job_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"job-heartbeat-{job_id}", daemon=True)

    def _beat(self) -> None:
        from django.db import connections

        try:
            while not self.stop.wait(settings.XHHT_JOB_HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(pk=self.job_id, state=JobState.RUNNING).update(heartbeat_at=timezone.now())
                except DatabaseError:  # a locked SQLite file: the next beat will do
                    logger.warning("Heartbeat of job %s not written", self.job_id)
        finally:
            connections.close_all()

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


def _enqueue(job: Job, *, run_after: datetime.datetime | None = None) -> None:
    from jobs.tasks import job_run

    task = job_run if run_after is None else job_run.using(run_after=run_after)
    result = task.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))


def job_start(
    *,
    kind: str,
    owner=None,
    unit=None,
    params: dict | None = None,
    title: str = "",
    run_after: datetime.datetime | None = None,
) -> Job:
    """Record a job and put it in the queue; returns it as it stands now (already finished with the immediate
    backend of the tests and of a development set-up without a worker)."""
    if kind not in RUNNERS:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job.objects.create(kind=kind, owner=owner, unit=unit, params=params or {}, title=title[:300])
    _enqueue(job, run_after=run_after)
    job.refresh_from_db()
    return job


def job_execute(job_id: str) -> None:
    """Run a queued job once (what ``jobs.tasks.job_run`` does in the worker)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state != JobState.QUEUED:
            return  # removed, already run, or taken over after an interruption
        now = timezone.now()
        job.state, job.started_at, job.heartbeat_at = JobState.RUNNING, now, now
        job.attempts += 1
        job.done = job.total = 0
        job.error = ""
        job.save(update_fields=["state", "started_at", "heartbeat_at", "attempts", "done", "total", "error"])
    try:
        with Heartbeat(job.pk):
            output = import_string(RUNNERS[job.kind])(job, Progress(job))
    except JobError as error:
        _finish(job, state=JobState.FAILED, error=error.message, result=error.result)
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _finish(
            job,
            state=JobState.FAILED,
            error=_(
                "Lỗi hệ thống khi thực hiện công việc; không có thay đổi nào được lưu dở dang. Hãy thử lại; nếu lỗi "
                "lặp lại, hãy báo quản trị viên kèm mã công việc %(id)s."
            )
            % {"id": job.pk},
        )
        raise
    else:
        _finish(job, state=JobState.DONE, output=output)
    finally:
        _schedule_next(job)


def _finish(job: Job, *, state: str, output: JobOutput | None = None, error: str = "", result=None) -> None:
    job.refresh_from_db()
    now = timezone.now()
    if output is not None:
        job.result = output.result
        if output.path is not None:
            with open(output.path, "rb") as handle:
                job.file.save(output.filename, File(handle), save=False)
            job.filename = output.filename
            Path(output.path).unlink(missing_ok=True)
    if result:
        job.result = result
    job.state, job.error, job.finished_at = state, error, now
    job.expires_at = now + datetime.timedelta(hours=settings.XHHT_JOB_KEEP_HOURS)
    if state == JobState.DONE and job.total:
        job.done = job.total
    job.save()


def jobs_reap(*, now: datetime.datetime | None = None, jobs=None) -> int:
    """Recover the running jobs that lost their worker: back in the queue, or failed after the last attempt."""
    now = now or timezone.now()
    reaped = 0
    candidates = (jobs if jobs is not None else Job.objects.all()).stale(now)
    for job_id in list(candidates.values_list("pk", flat=True)):
        with transaction.atomic():
            job = Job.objects.select_for_update().stale(now).filter(pk=job_id).first()
            if job is None:
                continue
            _abandon_task(job.task_id)
            if job.attempts < settings.XHHT_JOB_MAX_ATTEMPTS:
                job.state, job.step = JobState.QUEUED, _("Chạy lại sau khi bị gián đoạn")
                job.save(update_fields=["state", "step"])
                retry = True
            else:
                job.state, job.finished_at = JobState.FAILED, now
                job.error = _(
                    "Công việc bị gián đoạn (máy xử lý nền dừng hoặc khởi động lại) và đã chạy %(n)s lần không xong; "
                    "không có thay đổi nào được lưu dở dang. Hãy tạo lại công việc."
                ) % {"n": job.attempts}
                job.expires_at = now + datetime.timedelta(hours=settings.XHHT_JOB_KEEP_HOURS)
                job.save(update_fields=["state", "finished_at", "error", "expires_at"])
                retry = False
        reaped += 1
        if retry:
            _enqueue(job)
    return reaped


def _abandon_task(task_id: str) -> None:
    """The database backend's own row of an interrupted run stays "RUNNING"; mark it failed as well."""
    from jobs.tasks import job_run

    if not task_id or not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(job_run.get_backend(), DatabaseBackend):
        DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(status="FAILED", finished_at=timezone.now())


def job_check(*, job: Job) -> Job:
    """The job as it stands, after recovering it if its worker died (the status page calls this)."""
    if job.state == JobState.RUNNING and jobs_reap(jobs=Job.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    return job


def jobs_purge(*, now: datetime.datetime | None = None) -> int:
    """Remove the files of the jobs past their expiry (the job's row stays, saying the file has expired)."""
    now = now or timezone.now()
    purged = 0
    for job in Job.objects.filter(expires_at__lt=now).exclude(file=""):
        job.file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(file="")
        purged += 1
    return purged


# --- periodic jobs --------------------------------------------------------------------------------------------


def _next_cleanup(now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(hours=1)


def _next_reminders(now: datetime.datetime) -> datetime.datetime:
    hour, minute = (int(part) for part in settings.XHHT_REMINDERS_AT.split(":"))
    local = timezone.localtime(now)
    at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return at if at > local else at + datetime.timedelta(days=1)


#: Kinds that run on a schedule: the next run is queued when one finishes (or by ``jobs_schedule``).
PERIODIC = {JobKind.CLEANUP: _next_cleanup, JobKind.REMINDERS: _next_reminders}


def _schedule_next(job: Job) -> None:
    if job.kind in PERIODIC and job.owner_id is None:
        jobs_schedule(kinds=[job.kind])


def jobs_schedule(*, kinds=None, now: datetime.datetime | None = None) -> list[Job]:
    """Queue the next run of each periodic kind that has none waiting (the worker's unit runs this at start).

    Nothing with a backend that cannot defer a task (the immediate backend of the tests): there, use cron.
    """
    from jobs.tasks import job_run

    if not job_run.get_backend().supports_defer:
        return []
    now = now or timezone.now()
    started = []
    for kind in kinds or PERIODIC:
        if Job.objects.filter(kind=kind, owner__isnull=True, state=JobState.QUEUED).exists():
            continue
        started.append(job_start(kind=kind, title=str(JobKind(kind).label), run_after=PERIODIC[kind](now)))
    return started


def cleanup_run(job: Job, progress: Progress) -> JobOutput:
    """The periodic clean-up: interrupted jobs recovered, expired files removed."""
    progress.start(2, _("Dọn dẹp"))
    reaped = jobs_reap()
    progress.advance()
    purged = jobs_purge()
    progress.advance()
    return JobOutput(result={"reaped": reaped, "purged": purged})
