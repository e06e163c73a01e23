"""Administrators' back office. Records are archived from their pages, never deleted here."""

from django.contrib import admin

from planwatch.audit.actions import record_changed, record_created, snapshot
from planwatch.directory.models import Alias, Organisation, Person, Post, Relation, Tenure


class NoDeleteAdmin(admin.ModelAdmin):
    """Saves write an audit event like any other change; deleting is not offered."""

    def save_model(self, request, obj, form, change) -> None:
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
        if before is None:
            record_created(request.user, obj, "administration")
        else:
            record_changed(request.user, obj, before, "administration")

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(NoDeleteAdmin):
    list_display = ("name_en", "name_zh", "kind", "parent", "archived_at")
    list_filter = ("kind",)
    search_fields = ("name_en", "name_zh", "aliases__name")


@admin.register(Person)
class PersonAdmin(NoDeleteAdmin):
    search_fields = ("name_en", "name_zh")


@admin.register(Post)
class PostAdmin(NoDeleteAdmin):
    list_display = ("title_en", "organisation", "single_holder")
    search_fields = ("title_en", "title_zh")


admin.site.register(Relation, NoDeleteAdmin)
admin.site.register(Tenure, NoDeleteAdmin)
admin.site.register(Alias, NoDeleteAdmin)
