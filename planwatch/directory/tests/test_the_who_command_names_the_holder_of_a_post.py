import json

from django.core.management import call_command
from django.utils import translation


def test_who_held_the_governorship_of_jilin_in_mid_2018(demo_world, capsys):
    call_command("who", post="Governor of Jilin", on="2018-06-01")

    out = capsys.readouterr().out.strip()
    assert out == (
        "Jing Junhai: acting Governor, Jilin Provincial People's Government "
        "(reported; evidence 2018-01-16 to 2020-06-29)"
    )


def test_who_answers_in_json_and_says_when_it_only_presumes(demo_world, capsys):
    call_command("who", post="吉林省省长", on="2021-03-01", json=True)

    [row] = json.loads(capsys.readouterr().out)
    assert row["person"] == "Han Jun"
    assert (row["acting"], row["basis"]) == (True, "presumed")


def test_who_says_when_nobody_is_known_in_any_active_language(demo_world, capsys):
    with translation.override("zh-hans"):
        call_command("who", post="Jilin Governor", on="2017-01-01")

    assert capsys.readouterr().out.strip() == (
        "No holder of Governor, Jilin Provincial People's Government is known on 2017-01-01."
    )
