"""Run as from a shell: a one-line error on stderr, exit status 2, nothing written."""

from unittest import mock

import pytest
from django.core.management import ManagementUtility

from planwatch.audit.models import AuditEvent
from planwatch.directory.models import Alias, Organisation, Person, Tenure

CASES = [
    (["who", "--post", "Emperor of Jilin", "--on", "2018-06-01"], "No post is known as"),
    (["posts", "--person", "Nobody Atall", "--on", "2018-06-01"], "No person is known as"),
    (["who", "--post", "Governor of Jilin", "--on", "2018-13-01"], "'2018-13-01' is not a date"),
    (["posts", "--person", "Jingjunhai", "--on", "1/20/2018"], "use YYYY-MM-DD"),
]


def counts() -> list[int]:
    return [m.objects.count() for m in (AuditEvent, Alias, Organisation, Person, Tenure)]


@pytest.mark.parametrize(("argv", "message"), CASES)
def test_a_bad_argument_gives_one_line_and_exit_status_2(db, capsys, argv, message):
    from planwatch.directory import actions

    person = actions.do_create_person(None, name_en="Jing Junhai")
    actions.do_add_alias(None, person, "Jingjunhai", "en", "misspelling")
    before = counts()

    # A command run from the shell closes every connection as it ends; the test's
    # transaction must outlive it.
    with (
        mock.patch("django.core.management.base.connections.close_all"),
        pytest.raises(SystemExit) as exited,
    ):
        ManagementUtility(["planwatch", *argv]).execute()

    captured = capsys.readouterr()
    assert exited.value.code == 2
    assert captured.out == ""
    assert message in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert counts() == before
