import json

from django.core.management import call_command


def test_jingjunhai_was_deputy_secretary_and_acting_governor_in_january_2018(demo_world, capsys):
    call_command("posts", person="Jingjunhai", on="2018-01-20")
    text = capsys.readouterr().out.strip().splitlines()

    call_command("posts", person="Jingjunhai", on="2018-01-20", json=True)
    rows = json.loads(capsys.readouterr().out)

    assert text == [
        "Jing Junhai: Deputy Secretary, Jilin Provincial Party Committee "
        "(reported; evidence 2018-01-16 to 2020-06-29)",
        "Jing Junhai: acting Governor, Jilin Provincial People's Government "
        "(reported; evidence 2018-01-16 to 2020-06-29)",
    ]
    assert [(r["post"], r["acting"], r["basis"]) for r in rows] == [
        ("Deputy Secretary", False, "reported"),
        ("Governor", True, "reported"),
    ]
    assert rows[1]["closed_by_successor_on"] == "2021-01-25"
