"""Plans, their targets, tasks and reporting rules, and the reporting periods the rules generate.

A national decision (QĐ 1373/QĐ-TTg), a province plan and a commune plan are all ``Plan`` rows linked by
``parent``: the cascade is one foreign key. A plan that a seed only cites (the district plan 183/KH-UBND
of Chi Lăng) is kept with status ``reference`` so that the chain stays linked.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.models import Indicator
from units.models import Agency, Level, Unit
from units.scoping import ScopedWithAncestorsQuerySet


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Năm")
    HALF = "half", _("6 tháng")
    QUARTER = "quarter", _("Quý")


class Period(models.Model):
    """A reporting period shared by every plan: ``2023``, ``2023S1``/``2023S2``, ``2023Q1``..``2023Q4``.

    The data window defaults to the cut-off dates of NĐ 09/2019/NĐ-CP (a year runs 15/12 of the year before
    to 14/12; a half-year 15/12 to 14/6 and 15/6 to 14/12; a quarter from the 15th of the month before it).
    """

    code = models.CharField(_("mã kỳ"), max_length=8, unique=True)
    kind = models.CharField(_("loại kỳ"), max_length=8, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số thứ tự trong năm"), default=1)
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    is_closed = models.BooleanField(
        _("đã khóa sổ"), default=False, help_text=_("Kỳ đã khóa sổ: không ai được sửa số liệu của kỳ này.")
    )

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["year", "kind", "number"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return str(_("Năm %(year)s") % {"year": self.year})
        if self.kind == PeriodKind.HALF:
            return str(
                _("6 tháng %(half)s năm %(year)s") % {"half": "đầu" if self.number == 1 else "cuối", "year": self.year}
            )
        return str(_("Quý %(n)s năm %(year)s") % {"n": self.number, "year": self.year})

    @property
    def reference_day(self) -> datetime.date:
        """The day whose unit structure the period reports on: the end of its data window."""
        return self.window_end


class PlanKind(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    SCHEME = "scheme", _("Đề án")
    DECISION = "decision", _("Quyết định")
    DIRECTIVE = "directive", _("Chỉ thị")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")
    REFERENCE = "reference", _("Văn bản được dẫn chiếu")


class PlanQuerySet(ScopedWithAncestorsQuerySet):
    """``visible_to``: plans of the user's subtree, and the plans above it that the user's unit implements.
    Who may edit one: ``accounts.policy.may_edit_plan``."""


class Document(models.Model):
    """A legal document a plan cites (căn cứ): a law, decree, circular, decision."""

    number = models.CharField(_("số, ký hiệu"), max_length=60)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")
        ordering = ["-issued_on", "number"]
        constraints = [models.UniqueConstraint(fields=["number"], name="document_number_unique")]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}"


class Plan(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="plans")
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, help_text=_("Ví dụ: UBND tỉnh Hưng Yên."))
    kind = models.CharField(_("loại văn bản"), max_length=10, choices=PlanKind.choices, default=PlanKind.PLAN)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 74/KH-UBND."))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện kế hoạch / văn bản cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    milestone_years = models.JSONField(_("các mốc"), default=list, blank=True, help_text=_("Ví dụ: [2025, 2030]."))
    legal_basis = models.ManyToManyField(Document, verbose_name=_("căn cứ"), blank=True, related_name="plans")
    purpose = models.TextField(_("mục đích, yêu cầu"), blank=True)
    general_objective = models.TextField(_("mục tiêu chung"), blank=True)
    funding = models.TextField(_("kinh phí"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    document = models.FileField(_("văn bản đã ký"), upload_to="plans/%Y/", blank=True)
    source_note = models.CharField(_("nguồn"), max_length=255, blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("kế thừa kế hoạch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_("Kế hoạch của đơn vị cũ (trước sắp xếp) mà kế hoạch này tiếp tục thực hiện."),
    )
    continued_on = models.DateField(_("kế thừa từ ngày"), null=True, blank=True)
    continuation_basis = models.CharField(_("căn cứ kế thừa"), max_length=300, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["unit__path", "-issued_on"]
        constraints = [
            models.CheckConstraint(condition=Q(start_year__lte=models.F("end_year")), name="plan_start_before_end"),
            models.UniqueConstraint(
                fields=["unit", "number", "issued_on"], condition=~Q(number=""), name="plan_number_unique_per_unit_date"
            ),
            models.UniqueConstraint(
                fields=["continues", "unit"],
                condition=Q(continues__isnull=False),
                name="plan_carried_over_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def display_milestones(self) -> list[int]:
        return sorted(set(self.milestone_years or []))


class TargetKind(models.TextChoices):
    AT_LEAST = "at_least", _("Tối thiểu")
    AT_MOST = "at_most", _("Tối đa")
    EXACTLY = "exactly", _("Bằng")
    BETWEEN = "between", _("Trong khoảng")
    MAINTAIN = "maintain", _("Duy trì")
    INCREASE = "increase", _("Tăng dần hằng năm")


class Target(models.Model):
    """A value for an indicator at a milestone year (chỉ tiêu), for the plan's unit or another one."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="targets"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("áp dụng cho đơn vị"),
        on_delete=models.PROTECT,
        related_name="targets",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại chỉ tiêu"), max_length=10, choices=TargetKind.choices, default=TargetKind.AT_LEAST)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2, null=True, blank=True)
    value_max = models.DecimalField(_("giá trị trên"), max_digits=14, decimal_places=2, null=True, blank=True)
    standard_level = models.PositiveSmallIntegerField(_("mức độ chuẩn"), null=True, blank=True)
    share_of = models.CharField(
        _("tỷ lệ trên các đơn vị cấp"),
        max_length=10,
        choices=[(Level.COMMUNE, _("xã")), (Level.DISTRICT, _("huyện")), (Level.PROVINCE, _("tỉnh"))],
        blank=True,
        help_text=_(
            "Chỉ tiêu đạt chuẩn: “x% số huyện đạt chuẩn” tính trên các huyện; để trống là trên các đơn vị cấp nhập "
            "số liệu (các xã). Chọn chính cấp của đơn vị để nói đơn vị ấy tự đạt chuẩn."
        ),
    )
    approximate = models.BooleanField(
        _("chỉ tiêu ước lượng (khoảng)"),
        default=False,
        help_text=_("Văn bản ghi “khoảng 23 %”: chỉ tiêu hiện là “khoảng 23 %”, so sánh như “tối thiểu”."),
    )
    units_required = models.PositiveSmallIntegerField(
        _("số đơn vị phải đạt"),
        null=True,
        blank=True,
        help_text=_(
            "Văn bản ghi theo số đơn vị (“21/21 xã, thị trấn”): số đơn vị phải đạt; tiến độ so số đơn vị đạt với số này."
        ),
    )
    units_total = models.PositiveSmallIntegerField(
        _("trên tổng số đơn vị"),
        null=True,
        blank=True,
        help_text=_("Tổng số đơn vị văn bản nêu (số sau dấu “/”)."),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    inherited_from = models.ForeignKey(
        "self",
        verbose_name=_("kế thừa từ chỉ tiêu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inherited_by",
        help_text=_("Chỉ tiêu của kế hoạch đơn vị cũ mà chỉ tiêu này được sao chép từ đó khi kế thừa kế hoạch."),
    )
    area_category = models.ForeignKey(
        "units.AreaCategory",
        verbose_name=_("riêng cho loại địa bàn"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        help_text=_(
            "Để trống: chỉ tiêu chung. Chỉ tiêu riêng áp dụng cho các đơn vị (trong địa bàn của đơn vị áp dụng) "
            "thuộc loại địa bàn này vào ngày của kỳ."
        ),
    )

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        ordering = ["indicator__category", "indicator__order", "indicator__code", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator", "unit", "year"],
                condition=Q(area_category__isnull=True),
                name="target_unique_per_plan_indicator_unit_year",
                violation_error_message=_("Kế hoạch đã có chỉ tiêu này cho đơn vị và năm này."),
            ),
            models.UniqueConstraint(
                fields=["plan", "indicator", "unit", "year", "area_category"],
                condition=Q(area_category__isnull=False),
                name="target_unique_per_plan_indicator_unit_year_area",
                violation_error_message=_("Kế hoạch đã có chỉ tiêu này cho đơn vị, năm và loại địa bàn này."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["maintain", "increase"]) | Q(value__isnull=False),
                name="target_value_required_unless_trend",
                violation_error_message=_("Hãy nhập giá trị chỉ tiêu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.get_kind_display()} {self.value if self.value is not None else ''}"

    def clean(self) -> None:
        """The rules a target must meet, with messages for a form: year in the plan, percentages ≤ 100."""
        errors: dict[str, str] = {}
        plan = self.plan if self.plan_id else None
        if self.year is not None and plan is not None and not plan.start_year <= self.year <= plan.end_year:
            errors["year"] = _("Năm %(year)s nằm ngoài thời gian của kế hoạch (%(start)s–%(end)s).") % {
                "year": self.year,
                "start": plan.start_year,
                "end": plan.end_year,
            }
        indicator = getattr(self, "indicator", None) if self.indicator_id else None
        for field in ("value", "value_max"):
            value = getattr(self, field)
            if value is None:
                continue
            if value < 0:
                errors[field] = _("Giá trị chỉ tiêu không được âm.")
            elif indicator is not None and indicator.is_percentage and value > 100:
                errors[field] = _("Tỷ lệ không được vượt quá 100%.")
        if self.kind == "between" and (self.value is None or self.value_max is None or self.value > self.value_max):
            errors["value_max"] = _("Chỉ tiêu trong khoảng cần giá trị dưới và giá trị trên (dưới ≤ trên).")
        if self.kind not in ("maintain", "increase") and self.value is None:
            errors["value"] = _("Hãy nhập giá trị chỉ tiêu.")
        if (self.units_required is None) != (self.units_total is None):
            errors["units_total"] = _("Chỉ tiêu theo số đơn vị cần cả số phải đạt và tổng số (ví dụ 21/21).")
        elif self.units_required is not None and self.units_required > self.units_total:
            errors["units_required"] = _("Số đơn vị phải đạt không được lớn hơn tổng số đơn vị.")
        elif self.units_required is not None and not (indicator is not None and indicator.measure == "standard"):
            errors["units_required"] = _("Chỉ tiêu theo số đơn vị chỉ dùng cho chỉ tiêu đạt chuẩn của các đơn vị.")
        if errors:
            raise ValidationError(errors)


class DueKind(models.TextChoices):
    DATE = "date", _("Ngày cụ thể")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")
    RECURRING = "recurring", _("Định kỳ, hằng năm")
    GUIDANCE = "guidance", _("Theo hướng dẫn")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    CANCELLED = "cancelled", _("Hủy bỏ")


class Task(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    section = models.CharField(_("mục"), max_length=40, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    lead = models.ForeignKey(
        Agency, verbose_name=_("chủ trì"), on_delete=models.PROTECT, null=True, blank=True, related_name="led_tasks"
    )
    partners = models.ManyToManyField(Agency, verbose_name=_("phối hợp"), blank=True, related_name="partner_tasks")
    partners_note = models.CharField(_("phối hợp (ghi chú)"), max_length=500, blank=True)
    due_kind = models.CharField(_("thời hạn"), max_length=10, choices=DueKind.choices, default=DueKind.GUIDANCE)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    due_year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    due_quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    due_text = models.CharField(_("thời hạn (nguyên văn)"), max_length=200, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress_note = models.TextField(_("ghi chú tiến độ"), blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_quarter__isnull=True) | Q(due_quarter__gte=1, due_quarter__lte=4),
                name="task_quarter_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def deadline(self) -> datetime.date | None:
        """The last day the task may be done by: the date, the end of the quarter or of the year."""
        if self.due_kind == DueKind.DATE:
            return self.due_date
        if self.due_kind == DueKind.QUARTER and self.due_year and self.due_quarter:
            month = self.due_quarter * 3
            return (datetime.date(self.due_year + (month == 12), month % 12 + 1, 1)) - datetime.timedelta(days=1)
        if self.due_kind == DueKind.YEAR and self.due_year:
            return datetime.date(self.due_year, 12, 31)
        return None

    @property
    def due_display(self) -> str:
        if self.due_kind == DueKind.QUARTER and self.due_year and self.due_quarter:
            return str(_("Quý %(q)s năm %(y)s") % {"q": self.due_quarter, "y": self.due_year})
        if self.due_kind == DueKind.DATE and self.due_date:
            return self.due_date.strftime("%d/%m/%Y")
        if self.due_kind == DueKind.YEAR and self.due_year:
            return str(_("Năm %(y)s") % {"y": self.due_year})
        return self.due_text or self.get_due_kind_display()

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        deadline = self.deadline
        return deadline is not None and deadline < today and self.status not in {TaskStatus.DONE, TaskStatus.CANCELLED}


class Frequency(models.TextChoices):
    ONCE = "once", _("Một lần")
    YEARLY = "yearly", _("Hằng năm")
    HALF_YEARLY = "half_yearly", _("6 tháng một lần")
    QUARTERLY = "quarterly", _("Hằng quý")


class Reporters(models.TextChoices):
    """Who a reporting rule asks, by role in the cascade (``plans.reporting``)."""

    OWN = "own", _("Chính đơn vị ban hành")
    CHILDREN = "children", _("Các đơn vị cấp dưới trực tiếp")
    SUBTREE = "subtree", _("Mọi cấp dưới, mỗi đơn vị báo cáo lên cấp trên trực tiếp")
    LEVEL = "level", _("Các đơn vị của một cấp")


class ReportingRule(models.Model):
    """A reporting rule of a plan: "every year before 15/6 and 15/12", "once, before 10/12/2023".

    ``due_days`` holds one ``MM-DD`` per period of the year (one for yearly, two for half-yearly, four for
    quarterly); a once-only rule uses ``due_date``.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="reporting_rules")
    title = models.CharField(_("nội dung báo cáo"), max_length=300, default=_("Báo cáo kết quả thực hiện"))
    frequency = models.CharField(_("tần suất"), max_length=12, choices=Frequency.choices)
    due_days = models.JSONField(_("hạn nộp trong năm (tháng-ngày)"), default=list, blank=True)
    due_date = models.DateField(_("hạn nộp (một lần)"), null=True, blank=True)
    reporters = models.CharField(
        _("đơn vị phải báo cáo"),
        max_length=10,
        choices=Reporters.choices,
        default=Reporters.SUBTREE,
        help_text=_(
            "Theo vị trí trong hệ thống, xác định theo cơ cấu đơn vị hành chính của kỳ báo cáo: sau 01/7/2025 "
            "“cấp dưới trực tiếp” của tỉnh là các xã."
        ),
    )
    reporting_level = models.CharField(
        _("cấp báo cáo"),
        max_length=10,
        choices=Level.choices,
        blank=True,
        help_text=_("Chỉ khi “các đơn vị của một cấp”: các đơn vị cấp này trong địa bàn của đơn vị ban hành."),
    )
    reporting_agencies = models.ManyToManyField(Agency, verbose_name=_("cơ quan báo cáo"), blank=True)
    recipient = models.CharField(_("nơi nhận báo cáo"), max_length=300, blank=True)
    first_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("quy định báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_frequency_display()})"


class ReportingBody(models.Model):
    """An agency a reporting rule asks to send its own report (beside the units'): Hà Nội's KH 290 asks each Sở
    and the Hội Khuyến học to report through the Sở GD&ĐT; Y Tịch's plan asks the Hội Khuyến học xã to report
    to the commune and to the district association. Its account enters only the indicators named here."""

    rule = models.ForeignKey(
        ReportingRule, verbose_name=_("quy định báo cáo"), on_delete=models.CASCADE, related_name="bodies"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan báo cáo"), on_delete=models.PROTECT, related_name="reporting_bodies"
    )
    indicators = models.ManyToManyField(
        Indicator, verbose_name=_("chỉ tiêu cơ quan báo cáo"), blank=True, related_name="reporting_bodies"
    )
    recipient = models.CharField(_("nơi nhận báo cáo"), max_length=300, blank=True)
    source = models.CharField(_("nguồn (vị trí trong văn bản)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("cơ quan phải báo cáo")
        verbose_name_plural = _("cơ quan phải báo cáo")
        ordering = ["rule", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["rule", "agency"], name="reporting_body_once_per_rule")]

    def __str__(self) -> str:
        return f"{self.agency} ({self.rule})"


class Deadline(models.Model):
    """A concrete reporting period of a plan with its due date, generated from a rule; editable per plan."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="deadlines")
    rule = models.ForeignKey(
        ReportingRule, verbose_name=_("quy định"), on_delete=models.CASCADE, related_name="deadlines"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="deadlines")
    due_date = models.DateField(_("hạn nộp"))
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))

    class Meta:
        verbose_name = _("hạn báo cáo")
        verbose_name_plural = _("lịch báo cáo")
        ordering = ["due_date"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "period"], name="deadline_unique_per_rule_period"),
            models.CheckConstraint(
                condition=Q(window_start__lte=models.F("window_end")), name="deadline_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period.code}: {self.due_date:%d/%m/%Y}"


class TaskUpdate(models.Model):
    """A dated progress note on a task, by whom."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates", verbose_name=_("nhiệm vụ"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("người cập nhật"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("tạo lúc"))
    note = models.TextField(_("ghi chú"))

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y}: {self.note[:60]}"
