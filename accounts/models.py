"""Accounts act for one administrative unit (and optionally one agency) in one role.

A user's scope is their unit's subtree; ``Unit.objects.visible_to(user)`` and the other
``visible_to`` QuerySet methods read it from here.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMMUNE_REPORTER = "commune_reporter", _("Cán bộ báo cáo cấp xã")
    DISTRICT_OFFICER = "district_officer", _("Chuyên viên cấp huyện")
    PROVINCE_REVIEWER = "province_reviewer", _("Chuyên viên thẩm định cấp tỉnh")
    AGENCY_REPORTER = "agency_reporter", _("Cán bộ báo cáo của cơ quan, tổ chức")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")


class User(AbstractUser):
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    agency = models.ForeignKey(
        "units.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices, default=Role.COMMUNE_REPORTER)

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="administrator") | Q(is_superuser=True) | Q(unit__isnull=False),
                name="user_has_unit_unless_administrator",
            ),
            # The administration (/quan-tri/) is not scoped by visible_to: only full-scope accounts may enter it.
            models.CheckConstraint(
                condition=Q(is_staff=False) | Q(role="administrator") | Q(is_superuser=True),
                name="user_staff_only_administrators",
                violation_error_message=_("Chỉ tài khoản quản trị hệ thống mới được vào trang quản trị."),
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if not self.has_full_scope and self.unit_id is None:
            raise ValidationError({"unit": _("Người dùng không phải quản trị phải thuộc một đơn vị.")})
        if self.is_staff and not self.has_full_scope:
            raise ValidationError(
                {
                    "is_staff": _(
                        "Chỉ tài khoản quản trị hệ thống mới được vào trang quản trị (vai trò “Quản trị hệ thống”)."
                    )
                }
            )
        if self.agency_id and self.unit_id and self.agency.unit_id != self.unit_id:
            raise ValidationError({"agency": _("Cơ quan phải thuộc đơn vị của người dùng.")})

    @property
    def has_full_scope(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def user_for(self, raw: str):
        token = self.active().select_related("user__unit").filter(digest=_digest(raw)).first()
        if token is None or not token.user.is_active:
            return None
        return token.user


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is stored; the raw value is shown once."""

    user = models.ForeignKey(User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True, verbose_name=_("mã băm của khóa"))
    prefix = models.CharField(_("tiền tố"), max_length=8)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def generate() -> tuple[str, str]:
        raw = "xhht_" + secrets.token_urlsafe(32)
        return raw, _digest(raw)
