import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_the_ladder_command_with_a_bad_date_gives_one_line_and_exit_2():
    with pytest.raises(CommandError) as raised:
        call_command("ladder", "--date", "2026-02-30")
    assert raised.value.returncode == 2
    assert "--date" in str(raised.value) and "\n" not in str(raised.value)
