from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from planwatch.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Planwatch"), {"fields": ("role", "unit")}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Planwatch"), {"fields": ("role", "unit")}))
    list_display = ("username", "first_name", "last_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active")
    autocomplete_fields = ("unit",)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
