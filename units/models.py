"""Administrative units and the agencies attached to them.

The hierarchy is a materialised path (django-treebeard ``MP_Node``): "all descendants of X" is one
``path LIKE 'X%'`` query and "all ancestors of X" one ``path IN (...)`` query whose prefixes come from
X's own path. ``parent`` is kept beside the path so that the admin, forms and plain joins can use an
ordinary foreign key; the services in ``units.services`` keep the two in step.

Both structures live under one national root: the units before 1 July 2025 (province > district >
commune) end on 30 June 2025, the units after it begin on 1 July 2025. A province that the 2025 reform
left untouched is one unit valid across both.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from .scoping import ScopedQuerySet, ScopedWithAncestorsQuerySet

#: The last day of the three-level structure and the first of the two-level one (NQ 202/2025/QH15).
LEGACY_LAST_DAY = datetime.date(2025, 6, 30)
REFORM_DAY = datetime.date(2025, 7, 1)


class Level(models.TextChoices):
    NATIONAL = "national", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class UnitKind(models.TextChoices):
    COUNTRY = "country", _("Quốc gia")
    PROVINCE = "province", _("Tỉnh")
    CITY = "city", _("Thành phố trực thuộc trung ương")
    RURAL_DISTRICT = "rural_district", _("Huyện")
    URBAN_DISTRICT = "urban_district", _("Quận")
    TOWN = "town", _("Thị xã")
    PROVINCIAL_CITY = "provincial_city", _("Thành phố thuộc tỉnh")
    COMMUNE = "commune", _("Xã")
    WARD = "ward", _("Phường")
    TOWNSHIP = "township", _("Thị trấn")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")


KIND_LEVEL: dict[str, str] = {
    UnitKind.COUNTRY: Level.NATIONAL,
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.CITY: Level.PROVINCE,
    UnitKind.RURAL_DISTRICT: Level.DISTRICT,
    UnitKind.URBAN_DISTRICT: Level.DISTRICT,
    UnitKind.TOWN: Level.DISTRICT,
    UnitKind.PROVINCIAL_CITY: Level.DISTRICT,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.WARD: Level.COMMUNE,
    UnitKind.TOWNSHIP: Level.COMMUNE,
    UnitKind.SPECIAL_ZONE: Level.COMMUNE,
}


#: Levels from the top: a unit of a higher rank number sits lower in the tree.
LEVEL_RANK: dict[str, int] = {"national": 0, "province": 1, "district": 2, "commune": 3}


def kinds_of_level(level: str) -> list[str]:
    return [kind for kind, kind_level in KIND_LEVEL.items() if kind_level == level]


class UnitQuerySet(ScopedQuerySet, MP_NodeQuerySet):
    scope_path = "path"

    def descendants_of(self, unit: Unit, *, include_self: bool = False) -> UnitQuerySet:
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)

    def ancestors_of(self, unit: Unit, *, include_self: bool = False) -> UnitQuerySet:
        return self.filter(path__in=unit.ancestor_paths(include_self=include_self))

    def at_level(self, level: str) -> UnitQuerySet:
        return self.filter(kind__in=kinds_of_level(level))

    def valid_on(self, day: datetime.date) -> UnitQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def named(self, code: str, *, day: datetime.date | None = None) -> Unit | None:
        """The unit a code names. Codes are reused across the 2025 reform ("33" was legacy Hưng Yên, is new Hưng
        Yên), so a code is read on a day: the unit valid on ``day``; without one, the unit valid today, else the
        most recent one with that code. The one owner of this rule (the API, the commands)."""
        if "\x00" in code:
            return None  # no code holds a NUL, and PostgreSQL refuses one in a query
        units = self.filter(code=code.strip())
        if day is not None:
            return units.valid_on(day).first()
        candidates = list(units)
        today = timezone.localdate()
        current = [unit for unit in candidates if unit.is_valid_on(today)]
        if current or not candidates:
            return current[0] if current else None
        return max(
            candidates,
            key=lambda unit: (unit.valid_to or datetime.date.max, unit.valid_from or datetime.date.min, unit.pk),
        )

    def of_structure(self, structure: str) -> UnitQuerySet:
        """``legacy``: the units as they stood on 30/6/2025; ``2025``: as they stand from 1/7/2025."""
        return self.valid_on(structure_reference_day(structure))


class Structure(models.TextChoices):
    LEGACY = "legacy", _("Ba cấp (trước 01/7/2025)")
    REFORM_2025 = "2025", _("Hai cấp (từ 01/7/2025)")


def structure_reference_day(structure: str) -> datetime.date:
    """The day a structure is read on: the last day of the legacy one, the first of the 2025 one."""
    return LEGACY_LAST_DAY if structure == Structure.LEGACY else REFORM_DAY


class UnitManager(MP_NodeManager.from_queryset(UnitQuerySet)):
    def get_queryset(self):
        return UnitQuerySet(self.model).order_by("path")

    def get_by_natural_key(self, code, valid_to):
        return self.get(code=code, valid_to=valid_to)


class Unit(MP_Node):
    code = models.CharField(_("mã đơn vị"), max_length=10, db_index=True)
    name = models.CharField(_("tên"), max_length=150)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    predecessors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị trước sắp xếp"),
        symmetrical=False,
        through="Lineage",
        through_fields=("successor", "predecessor"),
        related_name="successors",
        blank=True,
        help_text=_("Các đơn vị cũ hợp thành đơn vị này khi sắp xếp đơn vị hành chính."),
    )

    objects = UnitManager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(valid_to__isnull=True), name="unit_code_unique_while_current"
            ),
            models.UniqueConstraint(fields=["code", "valid_to"], name="unit_code_unique_per_end_date"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="unit_valid_from_before_valid_to",
            ),
        ]
        indexes = [models.Index(fields=["kind", "code"], name="unit_kind_code_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("units:detail", args=[self.pk])

    def natural_key(self):
        return (self.code, self.valid_to)

    def clean(self) -> None:
        super().clean()
        if self.parent_id is not None and self.pk is not None:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Một đơn vị không thể là cấp trên của chính nó.")})
            if self.path and self.parent.path.startswith(self.path):
                raise ValidationError({"parent": _("Không thể chọn một đơn vị cấp dưới làm đơn vị cấp trên.")})
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})

    @property
    def level(self) -> str:
        return KIND_LEVEL[self.kind]

    def get_level_display(self) -> str:
        return Level(self.level).label

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def formed_after(self, day: datetime.date) -> bool:
        """True for a unit that did not exist yet on ``day`` (a 2025 unit, for a period before the reform): its
        figures of that day are computed from its predecessors' (``reports.backcast``)."""
        return self.valid_from is not None and day < self.valid_from

    def structure_day(self, day: datetime.date) -> datetime.date:
        """The day whose structure this unit's subtree is shown in for a period of reference day ``day``: that day,
        or the unit's first day for a unit formed after it (the 2025 communes of a new province, back-cast)."""
        return self.valid_from if self.formed_after(day) else day

    def ancestor_paths(self, *, include_self: bool = True) -> list[str]:
        """The paths of the unit's ancestors, the root first, then its own (unless ``include_self`` is false).

        The one owner of "the units above this one" as paths (no query): scoping, targets inherited from the
        units above, the plans a unit implements, breadcrumbs.
        """
        end = len(self.path) + (1 if include_self else 0)
        return [self.path[:i] for i in range(self.steplen, end, self.steplen)]

    def contains(self, other: Unit) -> bool:
        """True when ``other`` is this unit or one of its descendants (no query)."""
        return other.path.startswith(self.path)


class LineageMethod(models.TextChoices):
    WHOLE = "whole", _("Nhập nguyên đơn vị")
    EQUAL_SPLIT = "equal_split", _("Chia đều giữa các đơn vị mới (ước tính)")
    COMMUNE_SHARE = "commune_share", _("Theo tỷ lệ số xã chuyển sang (ước tính)")


#: Weights that rest on no measured share: a figure computed with them is partly an estimate ("ước tính").
ESTIMATED_METHODS = (LineageMethod.EQUAL_SPLIT, LineageMethod.COMMUNE_SHARE)


class Lineage(models.Model):
    """One legacy unit's share in a unit formed by the 2025 reform (``units.lineage`` computes them).

    ``weight`` is the part of the predecessor that went to the successor (0 < weight ≤ 1); the weights of one
    predecessor sum to exactly 1. ``method`` says how the weight was found, ``source`` what it was read from.
    A figure of a 2025 unit for a period before the reform is the predecessors' values times these weights
    (``reports.backcast``).
    """

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE, related_name="predecessor_links"
    )
    weight = models.DecimalField(_("tỷ trọng"), max_digits=7, decimal_places=6)
    method = models.CharField(_("cách xác định"), max_length=20, choices=LineageMethod.choices)
    source = models.CharField(_("nguồn"), max_length=200)
    #: The one link of a predecessor where it is counted as a unit (reported / expected): the successor that took
    #: the largest part of it (the first on a tie), so a divided commune counts once, not once per part.
    primary = models.BooleanField(_("đơn vị kế thừa chính"), default=False)

    class Meta:
        verbose_name = _("liên kết đơn vị cũ - mới")
        verbose_name_plural = _("liên kết đơn vị cũ - mới")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_unique_pair"),
            models.CheckConstraint(condition=Q(weight__gt=0, weight__lte=1), name="lineage_weight_share"),
            models.UniqueConstraint(fields=["predecessor"], condition=Q(primary=True), name="lineage_one_primary"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id} ({self.weight})"

    @property
    def estimated(self) -> bool:
        return self.method in ESTIMATED_METHODS


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    EDUCATION_DEPARTMENT = "education_department", _("Sở Giáo dục và Đào tạo")
    EDUCATION_OFFICE = "education_office", _("Phòng Giáo dục và Đào tạo")
    DEPARTMENT = "department", _("Sở, ban, ngành / phòng, ban")
    LEARNING_ASSOCIATION = "learning_association", _("Hội Khuyến học")
    STEERING_COMMITTEE = "steering_committee", _("Ban Chỉ đạo")
    MASS_ORGANISATION = "mass_organisation", _("Mặt trận, đoàn thể")
    SCHOOL = "school", _("Cơ sở giáo dục")
    OTHER = "other", _("Khác")


class AgencyQuerySet(ScopedWithAncestorsQuerySet):
    """Agencies of the user's subtree and of its ancestors (the bodies a plan above names)."""


class Agency(models.Model):
    """A body that leads or coordinates tasks or enters data: Sở GD&ĐT, Phòng GD&ĐT, UBND xã, ..."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT, related_name="agencies"
    )
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại cơ quan"), max_length=30, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế nhiệm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("Cơ quan tiếp nhận chức năng, nhiệm vụ khi cơ quan này giải thể hoặc hợp nhất."),
    )
    successor_note = models.CharField(
        _("ghi chú kế nhiệm"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: các nhiệm vụ chuyển về UBND cấp xã (Phòng Văn hóa - Xã hội)."),
    )
    successor_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")
        ordering = ["unit__path", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="agency_name_unique_per_unit")]

    def __str__(self) -> str:
        return self.short_name or self.name

    def is_closed_on(self, day: datetime.date) -> bool:
        return self.valid_to is not None and self.valid_to < day


class AreaCategory(models.Model):
    """A category of area that regulations treat differently (reference data, ``units/data/area_categories.yaml``):
    xã đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số và miền núi, ... A target (``plans.Target``) or a
    standard threshold (``indicators.StandardThreshold``) may be given for one category."""

    code = models.SlugField(_("mã loại địa bàn"), max_length=40, unique=True)
    name = models.CharField(_("tên loại địa bàn"), max_length=255)
    source_note = models.CharField(_("căn cứ"), max_length=500, blank=True)
    description = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("loại địa bàn")
        verbose_name_plural = _("loại địa bàn")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class UnitAreaQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> UnitAreaQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class UnitArea(models.Model):
    """A unit belongs to an area category from ``valid_from`` to ``valid_to`` (lists such as the communes of
    region III are decided for a period and replaced)."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="areas")
    category = models.ForeignKey(
        AreaCategory, verbose_name=_("loại địa bàn"), on_delete=models.PROTECT, related_name="memberships"
    )
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    source_note = models.CharField(_("căn cứ"), max_length=500, blank=True)

    objects = UnitAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị thuộc loại địa bàn")
        verbose_name_plural = _("đơn vị thuộc loại địa bàn")
        ordering = ["unit__path", "category", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "category", "valid_from"], name="unit_area_unique_start"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="unit_area_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.category.code}"
