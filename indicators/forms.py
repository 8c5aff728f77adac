"""The indicator form: one set of checks for the back office and the catalogue's import (``resources``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Indicator, Measure

#: The catalogue's columns, in order: the form's fields, the import/export's columns, the reference loader's keys.
COLUMNS = [
    "code",
    "order",
    "name",
    "name_en",
    "category",
    "measure",
    "unit_of_measure",
    "entry_level",
    "direction",
    "period_aggregation",
    "numerator_label",
    "denominator_label",
    "max_level",
    "source",
    "description",
]


class IndicatorForm(forms.ModelForm):
    """An indicator as the back office edits it and as the catalogue import checks each row."""

    class Meta:
        model = Indicator
        fields = COLUMNS

    def clean(self):
        cleaned = super().clean()
        max_level = cleaned.get("max_level")
        if max_level is not None and not 1 <= max_level <= 3:
            self.add_error("max_level", _("Mức độ cao nhất phải từ 1 đến 3."))
        source = cleaned.get("source")
        if source is not None:
            if cleaned.get("measure") != Measure.STANDARD:
                self.add_error("source", _("Chỉ chỉ tiêu loại “đạt chuẩn” mới được tính từ chỉ tiêu khác."))
            elif self.instance.pk is not None and source.pk == self.instance.pk:
                self.add_error("source", _("Một chỉ tiêu không thể tính từ chính nó."))
        return cleaned
