"""The indicator catalogue. An indicator's measure type fixes how its values roll up the hierarchy."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Level


class Category(models.TextChoices):
    LITERACY = "literacy", _("Xóa mù chữ và phổ cập giáo dục")
    COMPETENCIES = "competencies", _("Năng lực, trình độ của người dân")
    INSTITUTIONS = "institutions", _("Cơ sở giáo dục, trung tâm học tập cộng đồng")
    LEARNING_MODELS = "learning_models", _("Mô hình học tập")
    CADRES_WORKERS = "cadres_workers", _("Cán bộ, công chức, viên chức và người lao động")
    RECOGNITION = "recognition", _("Công nhận danh hiệu")
    OTHER = "other", _("Khác")


class Measure(models.TextChoices):
    """How a value is entered and rolled up."""

    COUNT = "count", _("Số lượng (cộng dồn)")
    RATIO = "ratio", _("Tỷ lệ (tử số / mẫu số)")
    STANDARD = "standard", _("Đạt chuẩn (có/không hoặc mức độ)")
    STATUS = "status", _("Tình trạng của đơn vị (không tổng hợp)")


class PeriodAggregation(models.TextChoices):
    SUM = "sum", _("Cộng các kỳ (chỉ tiêu luồng)")
    LATEST = "latest", _("Lấy kỳ mới nhất (chỉ tiêu thời điểm)")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class IndicatorQuerySet(models.QuerySet):
    def entered_at(self, level: str) -> IndicatorQuerySet:
        return self.filter(entry_level=level)


class Indicator(models.Model):
    code = models.CharField(_("mã chỉ tiêu"), max_length=40, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=400)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=400, blank=True)
    category = models.CharField(_("nhóm"), max_length=30, choices=Category.choices, default=Category.OTHER)
    measure = models.CharField(_("loại đo"), max_length=10, choices=Measure.choices)
    unit_of_measure = models.CharField(
        _("đơn vị tính"), max_length=40, blank=True, help_text=_("Ví dụ: %, người, trung tâm.")
    )
    entry_level = models.CharField(
        _("cấp nhập số liệu"),
        max_length=10,
        choices=[
            (Level.PROVINCE, Level.PROVINCE.label),
            (Level.DISTRICT, Level.DISTRICT.label),
            (Level.COMMUNE, Level.COMMUNE.label),
        ],
        default=Level.COMMUNE,
        help_text=_("Cấp thấp nhất báo cáo chỉ tiêu; các cấp trên được tổng hợp tự động."),
    )
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    period_aggregation = models.CharField(
        _("tổng hợp theo kỳ"), max_length=10, choices=PeriodAggregation.choices, default=PeriodAggregation.LATEST
    )
    numerator_label = models.CharField(_("tử số"), max_length=200, blank=True)
    denominator_label = models.CharField(_("mẫu số"), max_length=200, blank=True)
    max_level = models.PositiveSmallIntegerField(
        _("mức độ cao nhất"), default=1, help_text=_("1 cho đạt/không đạt; 3 cho chuẩn có mức độ 1-3.")
    )
    source = models.ForeignKey(
        "self",
        verbose_name=_("tính từ chỉ tiêu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derived",
        help_text=_("Chuẩn suy ra: đơn vị đạt khi tỷ lệ của chỉ tiêu này đạt ngưỡng."),
    )
    whole_numbers = models.BooleanField(
        _("số nguyên"),
        default=True,
        help_text=_("Số lượng, tử số và mẫu số đếm người, hộ, lớp, cơ sở: chỉ nhận số nguyên."),
    )
    description = models.TextField(_("ghi chú"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    breakdowns = models.JSONField(
        _("số liệu chi tiết theo"),
        default=list,
        blank=True,
        help_text=_("Mã các cách chia (indicators/data/breakdowns.yaml): sex, ethnicity, age-15-60."),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("danh mục chỉ tiêu")
        ordering = ["category", "order", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(max_level__gte=1, max_level__lte=3), name="indicator_max_level_1_to_3"),
            models.CheckConstraint(
                condition=Q(source__isnull=True) | Q(measure="standard"), name="indicator_only_standards_are_derived"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def clean(self) -> None:
        from .breakdowns import breakdowns_check

        super().clean()
        if not isinstance(self.breakdowns, list):
            raise ValidationError({"breakdowns": _("Phải là một danh sách mã.")})
        if unknown := breakdowns_check(self.breakdowns):
            raise ValidationError({"breakdowns": _("Không có cách chia %(codes)s.") % {"codes": ", ".join(unknown)}})
        if self.breakdowns and self.measure not in (Measure.COUNT, Measure.RATIO):
            raise ValidationError({"breakdowns": _("Chỉ chỉ tiêu số lượng hoặc tỷ lệ mới chia chi tiết được.")})

    @property
    def is_percentage(self) -> bool:
        return self.measure in {Measure.RATIO, Measure.STANDARD}


class StandardThreshold(models.Model):
    """When a unit of a level reaches a standard: thresholds are data (NĐ 20/2014/NĐ-CP), not code.

    At the entry level the threshold applies to the source ratio (≥ 90 % of people aged 15-60 literate);
    at an upper level to the share of its child units that reach the standard (≥ 90 % of communes).
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="thresholds", verbose_name=_("chỉ tiêu")
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    min_percent = models.DecimalField(_("ngưỡng tối thiểu (%)"), max_digits=5, decimal_places=2)
    standard_level = models.PositiveSmallIntegerField(_("mức độ"), default=1)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    area_category = models.ForeignKey(
        "units.AreaCategory",
        verbose_name=_("riêng cho loại địa bàn"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="thresholds",
        help_text=_("Để trống: ngưỡng chung. Đơn vị thuộc loại địa bàn này (vào ngày của kỳ) dùng ngưỡng riêng."),
    )
    area_source = models.ForeignKey(
        Indicator,
        verbose_name=_("tính từ chỉ tiêu (riêng cho loại địa bàn)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Khi văn bản đổi độ tuổi cho loại địa bàn này (NĐ 20/2014/NĐ-CP: xã đặc biệt khó khăn xét người 15-35 "
            "thay cho 15-60): tỷ lệ được so với ngưỡng."
        ),
    )

    class Meta:
        verbose_name = _("ngưỡng đạt chuẩn")
        verbose_name_plural = _("ngưỡng đạt chuẩn")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "level", "standard_level"],
                condition=Q(area_category__isnull=True),
                name="threshold_unique_per_level",
            ),
            models.UniqueConstraint(
                fields=["indicator", "level", "standard_level", "area_category"],
                condition=Q(area_category__isnull=False),
                name="threshold_unique_per_level_and_area",
            ),
            models.CheckConstraint(condition=Q(min_percent__gte=0, min_percent__lte=100), name="threshold_is_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.get_level_display()} ≥ {self.min_percent} %"
