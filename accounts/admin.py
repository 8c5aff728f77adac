from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + ((_("Phạm vi"), {"fields": ("role", "unit", "agency")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + ((_("Phạm vi"), {"fields": ("role", "unit", "agency")}),)
    list_display = ["username", "get_full_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "agency"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "created_at", "revoked_at"]
    list_select_related = ["user"]
    readonly_fields = ["prefix", "digest", "created_at"]
    search_fields = ["user__username", "prefix"]
