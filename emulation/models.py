"""A unit's yearly emulation result in the movement "Cả nước thi đua xây dựng xã hội học tập 2023-2030"
(QĐ 1315/QĐ-TTg): the title or award it received, its rank among the units compared, the basis, and the
decision that gave it. Recorded by the level above through ``emulation.services.emulation_result_record``.

A small app of its own, below the reports (it needs only units and accounts): the roll-up page and the report
show a unit's result beside its progress, and emulation concerns every unit (commune, district, province), not
only the learning models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from units.models import Unit
from units.scoping import ScopedQuerySet


class EmulationResultQuerySet(ScopedQuerySet):
    scope_path = "unit__path"


class EmulationResult(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(
        _("danh hiệu, hình thức khen thưởng"),
        max_length=255,
        help_text=_("Ví dụ: Cờ thi đua, Bằng khen, Giấy khen, “Tập thể lao động xuất sắc”."),
    )
    rank = models.PositiveSmallIntegerField(_("xếp thứ"), null=True, blank=True)
    ranked_of = models.PositiveSmallIntegerField(_("trên tổng số đơn vị"), null=True, blank=True)
    basis = models.TextField(
        _("căn cứ"),
        help_text=_("Căn cứ xét: kết quả thực hiện chỉ tiêu, tiêu chí thi đua, văn bản hướng dẫn."),
    )
    decision_number = models.CharField(_("số, ký hiệu quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    issuing_body = models.CharField(_("cơ quan quyết định"), max_length=255)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("ghi lúc"), auto_now=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)

    objects = EmulationResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("kết quả thi đua")
        verbose_name_plural = _("kết quả thi đua")
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="emulation_result_once_a_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.title}"
