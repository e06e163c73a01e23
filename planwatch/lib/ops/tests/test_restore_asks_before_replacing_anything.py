import io

import pytest
from django.core.management import CommandError, call_command

from planwatch.lib.ops.tests.snapshots import table_rows
from planwatch.testing import make_unit


@pytest.mark.parametrize("answer", ["", "n", None])
def test_without_a_yes_nothing_is_restored(transactional_db, users, tmp_path, monkeypatch, answer):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    make_unit("Unit C Bureau", "unit-c")
    rows = table_rows()

    def reply(question: str) -> str:
        assert "Replace the database" in question
        if answer is None:  # no terminal: standard input is closed
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", reply)
    with pytest.raises(CommandError, match="Nothing restored"):
        call_command("restore", str(archive))
    assert table_rows() == rows
