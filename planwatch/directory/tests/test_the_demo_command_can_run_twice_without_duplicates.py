import re

from django.core.management import call_command

from planwatch.accounts.models import User
from planwatch.audit.models import AuditEvent
from planwatch.directory.models import Alias, Organisation, Person, Post, Relation, Tenure

MODELS = (Organisation, Relation, Person, Post, Tenure, Alias, User, AuditEvent)
ACCOUNTS = ("admin", "supervisor", "officer", "officer2", "leader", "auditor")


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def test_running_the_demo_twice_changes_nothing_the_second_time(db, capsys):
    call_command("demo")
    first = counts()
    first_output = capsys.readouterr().out

    call_command("demo")
    second_output = capsys.readouterr().out

    assert counts() == first
    assert first["Organisation"] >= 30 and first["Tenure"] >= 16 and first["User"] == 6
    assert re.search(r"Directory: [1-9]\d* organisations created", first_output)
    assert "Directory: 0 organisations created, 0 relations created, 0 people created, " in (
        second_output
    )
    # Each run prints the demo accounts and their password.
    for output in (first_output, second_output):
        assert "(password: planwatch-demo)" in output
        assert all(re.search(rf"^  {name} +\w", output, re.M) for name in ACCOUNTS), output
