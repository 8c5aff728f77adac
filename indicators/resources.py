"""Import and export of the indicator catalogue in the back office (django-import-export).

A row is checked by the admin's own form (``IndicatorForm``): the code is unique, the measure, level,
direction and aggregation are among their choices, the highest level is 1 to 3, only a standard is derived
from another indicator. So a file cannot bring in what the indicator page would refuse. Rows are matched on
``code``: an existing code updates that indicator.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from import_export import fields
from import_export.widgets import ForeignKeyWidget

from core.spreadsheet import FormulaSafeResource

from .forms import COLUMNS, IndicatorForm
from .models import Indicator


class IndicatorResource(FormulaSafeResource):
    source = fields.Field(attribute="source", column_name="source", widget=ForeignKeyWidget(Indicator, "code"))

    class Meta:
        model = Indicator
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["code"]
        skip_unchanged = True
        report_skipped = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        data = {name: getattr(instance, name) for name in COLUMNS if name != "source"}
        data["source"] = instance.source_id
        form = IndicatorForm(data=data, instance=instance)
        if not form.is_valid():
            for field, messages in form.errors.items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)
