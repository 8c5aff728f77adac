"""The indicator catalogue in the back office, with the standard thresholds of each indicator."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.spreadsheet import SpreadsheetAdminMixin

from .forms import IndicatorForm
from .models import Indicator, StandardThreshold
from .resources import IndicatorResource


class StandardThresholdForm(forms.ModelForm):
    class Meta:
        model = StandardThreshold
        fields = ["level", "standard_level", "min_percent", "area_category", "area_source", "note"]

    def clean_min_percent(self):
        value = self.cleaned_data.get("min_percent")
        if value is not None and not 0 <= value <= 100:
            raise forms.ValidationError(_("Ngưỡng phải từ 0 đến 100%."))
        return value


class StandardThresholdInline(admin.TabularInline):
    model = StandardThreshold
    form = StandardThresholdForm
    fk_name = "indicator"
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SpreadsheetAdminMixin, ImportExportMixin, admin.ModelAdmin):
    form = IndicatorForm
    resource_classes = [IndicatorResource]  # import/export: the same checks as this form
    list_display = ["code", "name", "category", "measure", "unit_of_measure", "entry_level", "order"]
    list_display_links = ["code", "name"]
    list_filter = ["category", "measure", "entry_level"]
    search_fields = ["code", "name", "name_en"]
    autocomplete_fields = ["source"]
    ordering = ["category", "order", "code"]
    inlines = [StandardThresholdInline]
    fieldsets = [
        (None, {"fields": [("code", "order"), "name", "name_en", ("category", "measure", "unit_of_measure")]}),
        (
            _("Nhập và tổng hợp"),
            {"fields": [("entry_level", "direction", "period_aggregation"), ("numerator_label", "denominator_label")]},
        ),
        (_("Đạt chuẩn"), {"fields": [("max_level", "source")]}),
        (None, {"fields": ["description"]}),
    ]
