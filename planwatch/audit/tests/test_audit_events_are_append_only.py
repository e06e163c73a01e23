import pytest

from planwatch.audit.models import AuditEvent
from planwatch.directory import actions


def test_an_audit_event_cannot_be_changed_or_deleted(supervisor):
    actions.do_create_person(supervisor, name_en="Bayin Chaolu")
    event = AuditEvent.objects.get(content_type__model="person")

    event.reason = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()
    with pytest.raises(ValueError, match="never deleted"):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""
