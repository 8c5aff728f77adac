"""Learning models: criteria sets (versioned by legal basis), the register of subjects, evaluations.

A criteria set belongs to one model kind and legal basis and has a validity period; its criteria hold
indicators with maximum points (POINTS scheme, ranked by bands) or the lowest level they are required for
(LEVELS scheme, levels 1-3). Totals, bands and levels are computed by ``learning.scoring``, never typed.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from units.models import Level, Unit
from units.scoping import ScopedQuerySet


class ModelKind(models.TextChoices):
    FAMILY = "family", _("Gia đình học tập")
    CLAN = "clan", _("Dòng họ học tập")
    COMMUNITY = "community", _("Cộng đồng học tập (thôn, tổ dân phố)")
    UNIT = "unit", _("Đơn vị học tập")
    CITIZEN = "citizen", _("Công dân học tập")
    LEARNING_COMMUNE = "learning_commune", _("Cộng đồng học tập cấp xã")
    LEARNING_DISTRICT = "learning_district", _("Cộng đồng học tập cấp huyện")
    LEARNING_PROVINCE = "learning_province", _("Cộng đồng học tập cấp tỉnh")


class Scheme(models.TextChoices):
    POINTS = "points", _("Chấm điểm, xếp loại theo khung điểm")
    LEVELS = "levels", _("Mức độ 1-3 theo điều kiện")


class CriteriaSetQuerySet(models.QuerySet):
    def valid_in(self, year: int) -> CriteriaSetQuerySet:
        import datetime

        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=last)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=first)
        )


class CriteriaSet(models.Model):
    """Bộ tiêu chí: a version of the criteria for one kind of learning model, by its legal basis."""

    code = models.CharField(_("mã bộ tiêu chí"), max_length=40, unique=True)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    kind = models.CharField(_("loại mô hình"), max_length=20, choices=ModelKind.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, help_text=_("Ví dụ: Thông tư 22/2020/TT-BGDĐT"))
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    scheme = models.CharField(_("cách đánh giá"), max_length=10, choices=Scheme.choices)
    recognising_level = models.CharField(
        _("cấp công nhận"),
        max_length=20,
        choices=Level.choices,
        default=Level.COMMUNE,
        help_text=_("Cấp ra quyết định công nhận: xã (gia đình, dòng họ, thôn) hoặc huyện/tỉnh (đơn vị học tập)."),
    )
    min_indicator_points = models.DecimalField(
        _("điểm tối thiểu mỗi chỉ số"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Nếu có: một chỉ số dưới mức này thì không đạt, dù tổng điểm cao (ví dụ công dân học tập)."),
    )
    is_illustrative = models.BooleanField(
        _("nội dung minh họa"),
        default=False,
        help_text=_("Nội dung chỉ số mang tính minh họa, cần đối chiếu văn bản gốc trước khi dùng chính thức."),
    )
    article = models.CharField(
        _("điều khoản trích dẫn"),
        max_length=255,
        blank=True,
        help_text=_("Điều, khoản của văn bản quy định bộ tiêu chí (ví dụ: Điều 4, Thông tư 24/2023/TT-BGDĐT)."),
    )
    recognition_years = models.PositiveSmallIntegerField(
        _("thời hạn công nhận (năm)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Quyết định công nhận có hiệu lực bao nhiêu năm kể từ ngày ký; hết hạn thì phải đánh giá lại."),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    objects = CriteriaSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")
        ordering = ["kind", "-valid_from", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.legal_basis})"

    @cached_property
    def indicators_list(self) -> list[CriteriaIndicator]:
        """Every indicator of the set, in order (one query, cached on the instance)."""
        return list(
            CriteriaIndicator.objects.filter(criterion__criteria_set=self)
            .select_related("criterion")
            .order_by("criterion__order", "criterion__pk", "order", "pk")
        )

    @cached_property
    def bands_list(self) -> list[Band]:
        return list(self.bands.order_by("-min_points"))

    @property
    def max_total(self) -> Decimal:
        return sum((i.max_points or Decimal(0) for i in self.indicators_list), Decimal(0))


class Criterion(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE, related_name="criteria"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("tiêu chí"), max_length=500)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["criteria_set", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code_unique_per_set")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class CriteriaIndicator(models.Model):
    """Chỉ số of a criterion: points up to ``max_points`` (POINTS) or met/not met for ``level`` and above."""

    criterion = models.ForeignKey(
        Criterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("chỉ số"), max_length=1000)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2, null=True, blank=True)
    level = models.PositiveSmallIntegerField(
        _("yêu cầu từ mức"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text=_("Cách đánh giá theo mức: chỉ số phải đạt để được công nhận mức này và các mức cao hơn."),
    )

    class Meta:
        verbose_name = _("chỉ số đánh giá")
        verbose_name_plural = _("chỉ số đánh giá")
        ordering = ["criterion", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="criteria_indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Band(models.Model):
    """A ranking band of a POINTS set: ``min_points`` ≤ total < ``max_points`` (no upper bound when empty)."""

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE, related_name="bands"
    )
    name = models.CharField(_("xếp loại"), max_length=60)
    min_points = models.DecimalField(_("từ (điểm, tính cả)"), max_digits=6, decimal_places=2)
    max_points = models.DecimalField(_("đến dưới (điểm)"), max_digits=6, decimal_places=2, null=True, blank=True)
    recognised = models.BooleanField(_("đạt danh hiệu"), default=True)

    class Meta:
        verbose_name = _("khung xếp loại")
        verbose_name_plural = _("khung xếp loại")
        ordering = ["criteria_set", "-min_points"]

    def __str__(self) -> str:
        return self.name


class SubjectQuerySet(ScopedQuerySet):
    scope_path = "commune__path"


class Subject(models.Model):
    """A family, clan, village, unit or citizen on a commune's register (sổ theo dõi)."""

    commune = models.ForeignKey(Unit, verbose_name=_("xã"), on_delete=models.PROTECT, related_name="learning_subjects")
    kind = models.CharField(_("loại mô hình"), max_length=20, choices=ModelKind.choices)
    code = models.CharField(_("mã (số hộ, mã đơn vị)"), max_length=40, blank=True)
    name = models.CharField(_("tên"), max_length=255)
    head = models.CharField(_("chủ hộ / người đại diện"), max_length=255, blank=True)
    address = models.CharField(_("thôn, địa chỉ"), max_length=255, blank=True)
    active = models.BooleanField(_("đang theo dõi"), default=True)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("đối tượng đánh giá")
        verbose_name_plural = _("đối tượng đánh giá")
        ordering = ["commune", "kind", "address", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "kind", "code"], condition=~Q(code=""), name="learning_subject_code_unique"
            )
        ]
        indexes = [models.Index(fields=["commune", "kind"], name="learning_subject_kind_idx")]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá")
    CHECKED = "checked", _("Đã kiểm tra")
    RECOGNISED = "recognised", _("Được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")


class DecisionQuerySet(ScopedQuerySet):
    """A decision is seen by the units it concerns (the communes of the subjects it recognises) and those above
    them, and by its issuing unit and those above it; not by a sibling of a commune it concerns."""

    scope_path = "issuing_unit__path"

    def scope_q(self, unit) -> Q:
        concerned = Evaluation.objects.filter(decision=OuterRef("pk"), subject__commune__path__startswith=unit.path)
        return super().scope_q(unit) | Q(Exists(concerned))


class RecognitionDecision(models.Model):
    """Quyết định công nhận: issued by the recognising body, listing the recognised subjects."""

    issuing_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    superior_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=255)
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    place = models.CharField(_("địa danh"), max_length=100)
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    kind = models.CharField(_("loại mô hình"), max_length=20, choices=ModelKind.choices)
    signer_name = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định công nhận")
        verbose_name_plural = _("quyết định công nhận")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return _("Quyết định số %(number)s") % {"number": self.number}


class EvaluationQuerySet(ScopedQuerySet):
    scope_path = "subject__commune__path"


class Evaluation(models.Model):
    """One subject's evaluation for one year: scores per indicator, the computed result, who did what."""

    subject = models.ForeignKey(
        Subject, verbose_name=_("đối tượng"), on_delete=models.CASCADE, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    total = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=2, null=True, blank=True)
    level = models.PositiveSmallIntegerField(_("mức độ"), null=True, blank=True)
    result = models.CharField(_("kết quả"), max_length=60, blank=True)
    recognisable = models.BooleanField(_("đủ điều kiện công nhận"), default=False)
    self_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người tự đánh giá"),
    )
    self_assessed_at = models.DateTimeField(_("tự đánh giá lúc"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người kiểm tra"),
    )
    checked_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người công nhận"),
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    decision = models.ForeignKey(
        RecognitionDecision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("quyết định công nhận"),
    )

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["subject__address", "subject__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["subject", "year"], name="learning_evaluation_once_a_year")]

    def __str__(self) -> str:
        return f"{self.subject} ({self.year})"


class Score(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores", verbose_name=_("phiếu đánh giá")
    )
    indicator = models.ForeignKey(
        CriteriaIndicator, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(_("điểm / đạt"), max_digits=6, decimal_places=2)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("điểm chỉ số")
        verbose_name_plural = _("điểm chỉ số")
        constraints = [models.UniqueConstraint(fields=["evaluation", "indicator"], name="learning_score_unique")]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.points}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"minh-chung/{instance.evaluation.year}/{instance.evaluation_id}/{filename}"


class Evidence(models.Model):
    """Minh chứng: a photo or PDF attached to one indicator of an evaluation."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("phiếu đánh giá")
    )
    indicator = models.ForeignKey(
        CriteriaIndicator, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("tệp minh chứng"), upload_to=evidence_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["indicator", "pk"]

    def __str__(self) -> str:
        return self.original_name
