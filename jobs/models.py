"""Background jobs: the work that takes seconds (a province's Excel summary or PDF, a large import, a batch of
decisions, the daily reminders) runs outside the request, and the person who asked follows it on a page.

A ``Job`` is the portal's record of one such piece of work: who asked, for which unit, what kind, with which
parameters, how far it got (``done`` of ``total``), and its outcome (a file, a summary, or a reason in Vietnamese).
The work itself is run by Django's tasks API (``jobs.tasks.job_run``), which only carries the job's id.

Who sees a job: its owner, while the job's unit is still in the owner's scope, and administrators. Everyone else
gets a 404, as for any object outside one's scope (``JobQuerySet.visible_to``). A job is personal: another
reviewer of the same unit starts an export of their own.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from units.models import Unit
from units.scoping import ScopedQuerySet


class JobKind(models.TextChoices):
    SUMMARY_XLSX = "summary_xlsx", _("Bảng tổng hợp Excel")
    REPORT_PDF = "report_pdf", _("Báo cáo PDF")
    VALUES_CHECK = "values_check", _("Kiểm tra tệp số liệu")
    VALUES_IMPORT = "values_import", _("Nhập tệp số liệu")
    DECISIONS_PDF = "decisions_pdf", _("Quyết định công nhận (PDF)")
    REMINDERS = "reminders", _("Gửi thư nhắc hạn")
    CLEANUP = "cleanup", _("Dọn tệp hết hạn")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không thành công")


FINISHED = {JobState.DONE, JobState.FAILED}


class JobQuerySet(ScopedQuerySet):
    def visible_to(self, user) -> JobQuerySet:
        """The owner's jobs whose unit is in the owner's scope; every job for an administrator."""
        scoped = super().visible_to(user)
        return scoped if not user.is_authenticated or user.has_full_scope else scoped.filter(owner=user)

    def scope_q(self, unit) -> Q:
        return Q(unit__isnull=True) | super().scope_q(unit)  # a job without a unit: the owner's own

    def stale(self, now=None) -> JobQuerySet:
        """Running jobs whose worker has not written a heartbeat for ``XHHT_JOB_STALE_SECONDS``."""
        now = now or timezone.now()
        limit = now - timezone.timedelta(seconds=settings.XHHT_JOB_STALE_SECONDS)
        return self.filter(state=JobState.RUNNING, heartbeat_at__lt=limit)


def job_upload_to(job: Job, filename: str) -> str:
    return f"jobs/{job.pk}/{filename}"


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("loại công việc"), max_length=20, choices=JobKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
        help_text=_("Trống với công việc định kỳ của hệ thống."),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=300, blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    step = models.CharField(_("bước đang làm"), max_length=200, blank=True)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    file = models.FileField(_("tệp kết quả"), upload_to=job_upload_to, max_length=300, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    error = models.TextField(_("lý do không thành công"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(max_length=64, blank=True, verbose_name=_("mã tác vụ"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lưu tệp"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="job_owner_created_idx"),
            models.Index(fields=["state", "heartbeat_at"], name="job_state_heartbeat_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.state == JobState.DONE else None
        return min(100, self.done * 100 // self.total)

    @property
    def has_file(self) -> bool:
        return self.state == JobState.DONE and bool(self.file)
