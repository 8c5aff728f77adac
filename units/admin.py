from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Agency, AreaCategory, Level, Lineage, Unit, UnitArea, kinds_of_level
from .services import unit_create, unit_move


class LevelFilter(admin.SimpleListFilter):
    title = _("cấp")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return Level.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(kind__in=kinds_of_level(self.value()))
        return queryset


class ProvinceFilter(admin.SimpleListFilter):
    """Filter on a province's subtree by path prefix: one indexed LIKE, no join."""

    title = _("tỉnh / thành phố")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        return [(u.path, u.name) for u in Unit.objects.at_level(Level.PROVINCE).only("path", "name", "valid_to")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(path__startswith=self.value())
        return queryset


class UnitAdminForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "parent", "valid_from", "valid_to"]

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        if self.instance.pk and parent is not None and parent.path.startswith(self.instance.path):
            self.add_error("parent", _("Không thể chọn một đơn vị cấp dưới làm đơn vị cấp trên."))
        if not self.instance.pk and parent is None:
            self.add_error("parent", _("Hãy chọn đơn vị cấp trên."))
        return cleaned


class PredecessorInline(admin.TabularInline):
    """The legacy units a 2025 unit was formed from, with their weights: read only, ``load_units`` keeps them."""

    model = Lineage
    fk_name = "successor"
    fields = readonly_fields = ["predecessor", "weight", "method", "source"]
    extra = 0
    can_delete = False
    verbose_name = _("đơn vị cũ hợp thành")
    verbose_name_plural = _("đơn vị cũ hợp thành (tỷ trọng, cách xác định, nguồn)")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("predecessor")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    form = UnitAdminForm
    inlines = [PredecessorInline]
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = [LevelFilter, "kind", ProvinceFilter, "valid_to"]
    search_fields = ["=code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    show_full_result_count = False
    ordering = ["path"]

    def save_model(self, request, obj, form, change):
        if not change:
            created = unit_create(
                parent=form.cleaned_data["parent"],
                code=obj.code,
                name=obj.name,
                kind=obj.kind,
                valid_from=obj.valid_from,
                valid_to=obj.valid_to,
            )
            obj.pk, obj.path, obj.depth = created.pk, created.path, created.depth
            return
        if "parent" in form.changed_data:
            unit_move(unit=obj, new_parent=form.cleaned_data["parent"])
        Unit.objects.filter(pk=obj.pk).update(
            code=obj.code, name=obj.name, kind=obj.kind, valid_from=obj.valid_from, valid_to=obj.valid_to
        )


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "unit", "valid_to", "successor"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "unit__name", "=unit__code"]
    list_select_related = ["unit", "successor"]
    autocomplete_fields = ["unit", "successor"]


@admin.register(AreaCategory)
class AreaCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "source_note"]
    search_fields = ["code", "name"]


@admin.register(UnitArea)
class UnitAreaAdmin(admin.ModelAdmin):
    list_display = ["unit", "category", "valid_from", "valid_to"]
    list_filter = ["category"]
    search_fields = ["unit__code", "unit__name"]
    autocomplete_fields = ["unit"]
