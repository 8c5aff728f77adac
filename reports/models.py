"""Results entered by units for a reporting period, and notes on rolled-up figures.

A value is entered only at its indicator's entry level; upper levels never store a value of their own
for it (that would count twice): their figures are computed by ``reports.rollup``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indicators.models import Indicator
from plans.models import Period
from units.models import Agency, Unit
from units.scoping import ScopedQuerySet


class EntryPath(models.TextChoices):
    FORM = "form", _("Biểu mẫu")
    IMPORT = "import", _("Nhập tệp")
    API = "api", _("API")
    ADMIN = "admin", _("Trang quản trị")
    DEMO = "demo", _("Dữ liệu mẫu")
    EVALUATION = "evaluation", _("Từ kết quả đánh giá")


class ValueQuerySet(ScopedQuerySet):
    def of_units(self) -> ValueQuerySet:
        """The values of units' own reports (``agency`` NULL): every roll-up, page and export of units' figures
        reads these only, so an agency's report never counts twice."""
        return self.filter(agency__isnull=True)


class Value(models.Model):
    """One unit's figure for one indicator and period.

    - count: ``value``;
    - ratio: ``numerator`` and ``denominator`` (the percentage is computed, never stored);
    - standard: ``value`` = 0 (not reached) or the level reached (1..max_level);
    - status: ``value`` = 0/1 or a level.
    ``not_applicable`` says "nothing to report": it counts as reported, unlike a missing row.
    """

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="values")
    #: An agency's own report (a Sở, the Hội Khuyến học), where a plan's reporting rule asks it
    #: (``plans.ReportingBody``); NULL for a unit's report.
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan báo cáo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="values",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="values"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="values")
    # Stored exactly as typed (``core.numbers``: up to 6 decimals, 14 digits before the separator).
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=20, decimal_places=6, null=True, blank=True)
    not_applicable = models.BooleanField(_("không phát sinh / không áp dụng"), default=False)
    #: The parts of the figure by the indicator's breakdowns (``indicators.breakdowns``), each summing to it:
    #: ``{"sex": {"nam": {"numerator": "40", "denominator": "50"}, "nu": {...}}}``.
    parts = models.JSONField(_("số liệu chi tiết"), default=dict, blank=True)
    comment = models.TextField(_("ghi chú"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entered_values",
    )
    entered_by_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị người nhập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Khác đơn vị báo cáo khi cấp trên nhập thay."),
    )
    entry_path = models.CharField(_("nhập qua"), max_length=12, choices=EntryPath.choices, default=EntryPath.FORM)
    updated_at = models.DateTimeField(_("cập nhật lúc"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, verbose_name=_("phiên bản"))

    objects = ValueQuerySet.as_manager()
    history = HistoricalRecords(verbose_name=_("lịch sử kết quả"))

    class Meta:
        verbose_name = _("kết quả")
        verbose_name_plural = _("kết quả")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "period"],
                condition=Q(agency__isnull=True),
                name="value_unique_per_unit_indicator_period",
            ),
            models.UniqueConstraint(
                fields=["unit", "agency", "indicator", "period"],
                condition=Q(agency__isnull=False),
                name="value_unique_per_agency_indicator_period",
            ),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True)
                | Q(denominator__isnull=True)
                | Q(numerator__lte=models.F("denominator")),
                name="value_numerator_not_above_denominator",
            ),
            models.CheckConstraint(
                condition=(Q(value__isnull=True) | Q(value__gte=0))
                & (Q(numerator__isnull=True) | Q(numerator__gte=0))
                & (Q(denominator__isnull=True) | Q(denominator__gte=0)),
                name="value_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["period", "indicator"], name="value_period_indicator_idx")]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.indicator.code} {self.period.code}"

    @property
    def percent(self):
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator * 100 / self.denominator

    @property
    def entered_on_behalf(self) -> bool:
        return self.entered_by_unit_id is not None and self.entered_by_unit_id != self.unit_id


class RollupNote(models.Model):
    """An upper level's explanatory comment on its rolled-up figure (it never types over the figure)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="rollup_notes", verbose_name=_("đơn vị"))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="rollup_notes", verbose_name=_("chỉ tiêu")
    )
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="rollup_notes", verbose_name=_("kỳ báo cáo")
    )
    comment = models.TextField(_("giải trình"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người viết")
    )
    updated_at = models.DateTimeField(default=timezone.now, verbose_name=_("cập nhật lúc"))

    class Meta:
        verbose_name = _("giải trình số liệu tổng hợp")
        verbose_name_plural = _("giải trình số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator", "period"], name="rollup_note_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.indicator.code} {self.period.code}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã nộp, chờ duyệt")
    RETURNED = "returned", _("Trả lại để sửa")
    APPROVED = "approved", _("Đã duyệt")


class SubmissionQuerySet(ScopedQuerySet):
    def of_units(self) -> SubmissionQuerySet:
        """Units' own reports (``agency`` NULL); an agency's report is counted beside them, never as one."""
        return self.filter(agency__isnull=True)


class Submission(models.Model):
    """A unit's report for a reporting period: draft → submitted → approved, or → returned → resubmitted.

    The due date is the deadline of the plan that asks this unit to report for the period (``deadline``);
    the history of every status change (who, when, old → new, reason) is kept by django-simple-history.
    """

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="submissions")
    #: An agency's own report (its unit: the agency's); NULL for a unit's report.
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan báo cáo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
    )
    period = models.ForeignKey(
        Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="submissions"
    )
    deadline = models.ForeignKey(
        "plans.Deadline",
        verbose_name=_("hạn nộp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nộp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("duyệt/trả lại lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("lý do (trả lại / mở lại)"), blank=True)
    approved_flags = models.JSONField(
        _("cảnh báo số liệu khi duyệt"),
        default=list,
        blank=True,
        help_text=_("Các cảnh báo chất lượng số liệu người duyệt đã xem khi duyệt báo cáo."),
    )
    changed_via = models.CharField(_("thao tác qua"), max_length=12, choices=EntryPath.choices, default=EntryPath.FORM)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    # The narrative sections of the official report (exports/pdf), typed by the unit on its report page and
    # locked with its values once submitted (``reports.services.narrative.submission_narrative_update``).
    narrative_results = models.TextField(_("kết quả đạt được"), blank=True)
    narrative_shortcomings = models.TextField(_("tồn tại, hạn chế và nguyên nhân"), blank=True)
    narrative_tasks = models.TextField(_("nhiệm vụ, giải pháp kỳ tới"), blank=True)
    narrative_proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)

    objects = SubmissionQuerySet.as_manager()
    history = HistoricalRecords(verbose_name=_("lịch sử báo cáo"))

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period"], condition=Q(agency__isnull=True), name="submission_unique_per_unit_period"
            ),
            models.UniqueConstraint(
                fields=["agency", "period"],
                condition=Q(agency__isnull=False),
                name="submission_unique_per_agency_period",
            ),
        ]
        indexes = [models.Index(fields=["period", "status"], name="submission_period_status_idx")]

    def __str__(self) -> str:
        return f"{self.agency or self.unit} – {self.period}"

    @property
    def due_date(self):
        return self.deadline.due_date if self.deadline_id else None

    @property
    def is_late(self) -> bool | None:
        """Submitted after the due date, read in Asia/Ho_Chi_Minh (the portal's time zone)."""
        due = self.due_date
        if due is None or self.submitted_at is None:
            return None
        return timezone.localtime(self.submitted_at).date() > due


class SubmissionComment(models.Model):
    """A thread on a returned report, optionally about one indicator's value."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="comments", verbose_name=_("báo cáo")
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, null=True, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người viết")
    )
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("gửi lúc"))

    class Meta:
        verbose_name = _("trao đổi về báo cáo")
        verbose_name_plural = _("trao đổi về báo cáo")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class ReminderLog(models.Model):
    """One reminder e-mail sent: the unique constraint makes a second run on the same day send nothing twice."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị"))
    deadline = models.ForeignKey(
        "plans.Deadline", on_delete=models.CASCADE, related_name="reminders", verbose_name=_("hạn nộp")
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices, verbose_name=_("loại thư nhắc"))
    sent_on = models.DateField(verbose_name=_("ngày gửi"))
    recipients = models.PositiveIntegerField(default=0, verbose_name=_("số người nhận"))

    class Meta:
        verbose_name = _("nhắc hạn đã gửi")
        verbose_name_plural = _("nhắc hạn đã gửi")
        constraints = [
            models.UniqueConstraint(fields=["unit", "deadline", "kind", "sent_on"], name="reminder_once_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.deadline_id} {self.kind} {self.sent_on}"


class Aggregate(models.Model):
    """The rolled-up figure of a unit, indicator and closed period, stored when the period is closed
    (``reports.services.aggregates``): reads of a closed period take it instead of rolling the values up again.

    One row per flavour: all values, or only those of approved reports (``approved_only``, the ``?duyet=1``
    view). Figures of communes are not stored: they are their values. The numbers are kept as the text of the roll-up's ``Decimal``s, so a stored figure equals the
    live one to the last digit.
    """

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", verbose_name=_("kỳ báo cáo"))
    approved_only = models.BooleanField(default=False, verbose_name=_("chỉ số liệu đã duyệt"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị"))
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", verbose_name=_("chỉ tiêu"))
    value = models.CharField(max_length=60, blank=True, verbose_name=_("giá trị"))
    numerator = models.CharField(max_length=60, blank=True, verbose_name=_("tử số"))
    denominator = models.CharField(max_length=60, blank=True, verbose_name=_("mẫu số"))
    reached = models.IntegerField(null=True, blank=True, verbose_name=_("số đơn vị đạt chuẩn"))
    reported = models.IntegerField(default=0, verbose_name=_("số đơn vị đã báo cáo"))
    not_applicable = models.IntegerField(default=0, verbose_name=_("số đơn vị không phát sinh"))
    expected = models.IntegerField(default=0, verbose_name=_("số đơn vị phải báo cáo"))
    rolled_up = models.BooleanField(default=True, verbose_name=_("tổng hợp từ cấp dưới"))
    #: A standard's shares over each level of units and the unit's own level (``reports.standards``).
    standard = models.JSONField(null=True, blank=True, verbose_name=_("tỷ lệ đạt chuẩn theo cấp"))
    #: The breakdowns' sums (``Figure.parts``): breakdown → {"reported": n, "sums": {part: {field: "text"}}}.
    parts = models.JSONField(null=True, blank=True, verbose_name=_("các phần theo phân tổ"))
    built_at = models.DateTimeField(default=timezone.now, verbose_name=_("tính lúc"))

    class Meta:
        verbose_name = _("số liệu tổng hợp đã chốt")
        verbose_name_plural = _("số liệu tổng hợp đã chốt")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "approved_only", "unit", "indicator"], name="aggregate_unique_per_figure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.indicator_id} {self.period_id}{' approved' if self.approved_only else ''}"
