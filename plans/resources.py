"""Import and export of targets in the back office (django-import-export), through ``target_set``.

Each row is written by ``plans.services.target_set`` (create or replace the target of a plan, indicator,
unit and year, with the model's checks: year within the plan, percentages ≤ 100, bounds of a range), the
service the target form of the plan page uses. Plans outside the importing user's scope are refused. Codes
stand for the indicator and the unit, so an exported file can be edited and imported back.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields
from import_export.widgets import ForeignKeyWidget

from core.spreadsheet import FormulaSafeResource
from indicators.models import Indicator
from units.models import Unit

from .models import Plan, Target
from .services import target_set

COLUMNS = [
    "plan",
    "indicator_code",
    "unit_code",
    "year",
    "kind",
    "value",
    "value_max",
    "standard_level",
    "share_of",
    "note",
]


class CodeWidget(ForeignKeyWidget):
    """A code to an object, with a Vietnamese message when nothing has that code."""

    def __init__(self, model, field: str, message: str):
        super().__init__(model, field)
        self.message = message

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        code = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
        found = self.get_queryset(value, row, **kwargs).filter(**{self.field: code})
        if self.model is Unit:
            found = found.order_by("-valid_to")  # the current unit (no end date) before an older one
        obj = found.first()
        if obj is None:
            raise ValueError(self.message % {"code": code})
        return obj


class TargetResource(FormulaSafeResource):
    plan = fields.Field(
        attribute="plan", column_name="plan", widget=CodeWidget(Plan, "pk", _("Không có kế hoạch số %(code)s."))
    )
    indicator_code = fields.Field(
        attribute="indicator",
        column_name="indicator_code",
        widget=CodeWidget(Indicator, "code", _("Không có chỉ tiêu mã '%(code)s'.")),
    )
    unit_code = fields.Field(
        attribute="unit",
        column_name="unit_code",
        widget=CodeWidget(Unit, "code", _("Không có đơn vị mã '%(code)s'.")),
    )

    class Meta:
        model = Target
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["plan", "indicator_code", "unit_code", "year"]

    user = None  # the importing user (``import_data(user=...)``), whose scope the plans must be in

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("plan", "indicator", "unit")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.user = kwargs.get("user")

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # an unknown code: a new instance, whose fields then report the code as a row error

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for field, column in (("plan", "plan"), ("indicator", "indicator_code")):
            if field not in errors and getattr(instance, f"{field}_id") is None:
                errors[field] = _("Thiếu cột %(column)s.") % {"column": column}
        plan_id = instance.plan_id
        if plan_id and self.user is not None and not Plan.objects.visible_to(self.user).filter(pk=plan_id).exists():
            errors["plan"] = _("Kế hoạch số %(code)s không thuộc phạm vi của bạn.") % {"code": plan_id}
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        # The one write path for targets: create or replace, validated by the model (full_clean).
        saved = target_set(
            plan=instance.plan,
            indicator=instance.indicator,
            year=instance.year,
            kind=instance.kind,
            value=instance.value,
            value_max=instance.value_max,
            unit=instance.unit if instance.unit_id else None,
            note=instance.note or "",
            standard_level=instance.standard_level,
            share_of=instance.share_of,
            approximate=instance.approximate,
            units_required=instance.units_required,
            units_total=instance.units_total,
        )
        instance.pk, instance.unit = saved.pk, saved.unit
