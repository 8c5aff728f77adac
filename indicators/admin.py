"""The indicator catalogue in the back office, with the standard thresholds of each indicator."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.spreadsheet import SpreadsheetAdminMixin

from .models import Indicator, Measure, StandardThreshold
from .resources import IndicatorResource


class IndicatorAdminForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
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


class StandardThresholdForm(forms.ModelForm):
    class Meta:
        model = StandardThreshold
        fields = ["level", "standard_level", "min_percent", "note"]

    def clean_min_percent(self):
        value = self.cleaned_data.get("min_percent")
        if value is not None and not 0 <= value <= 100:
            raise forms.ValidationError(_("Ngưỡng phải từ 0 đến 100%."))
        return value


class StandardThresholdInline(admin.TabularInline):
    model = StandardThreshold
    form = StandardThresholdForm
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SpreadsheetAdminMixin, ImportExportMixin, admin.ModelAdmin):
    form = IndicatorAdminForm
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
