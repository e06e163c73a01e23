"""Administrators edit the reference lists here: approval kinds, industries, countries."""

from django.contrib import admin

from planwatch.directory.admin import NoDeleteAdmin
from planwatch.projects.models import ApprovalKind, Country, ExchangeRate, Industry


@admin.register(ApprovalKind)
class ApprovalKindAdmin(NoDeleteAdmin):
    list_display = ("code", "name_en", "name_zh", "default_agency", "position", "archived_at")
    list_editable = ("position",)


@admin.register(Industry)
class IndustryAdmin(NoDeleteAdmin):
    list_display = ("code", "name_en", "name_zh", "national_code", "position", "archived_at")


@admin.register(Country)
class CountryAdmin(NoDeleteAdmin):
    list_display = ("code", "name_en", "name_zh", "position", "archived_at")
    search_fields = ("code", "name_en", "name_zh")


admin.site.register(ExchangeRate, NoDeleteAdmin)
