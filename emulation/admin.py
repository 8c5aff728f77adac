from django.contrib import admin

from .models import EmulationResult


@admin.register(EmulationResult)
class EmulationResultAdmin(admin.ModelAdmin):
    """Read-only: results are recorded on the unit's emulation page (``emulation_result_record``)."""

    list_display = ["unit", "year", "title", "rank", "ranked_of", "decision_number", "decision_date"]
    list_filter = ["year"]
    search_fields = ["unit__name", "title", "decision_number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
