import json
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "schema" / "intake-record.schema.json").read_text()
)


def test_every_line_is_a_valid_record_and_a_bad_file_exits_1(demo_world, tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(
        "Zone opens in Changchun\n2020-06-30 09:12:00  Source: Jilin Daily\n\n"
        "The zone opened on June 29 in Changchun.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(SystemExit) as exit_info:
        call_command("intake", "--json", str(good), str(empty), str(tmp_path / "missing.txt"))
    assert exit_info.value.code == 1
    lines = capsys.readouterr().out.strip().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["source_path"] for r in records] == [
        str(good),
        str(empty),
        str(tmp_path / "missing.txt"),
    ]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    assert "error" not in records[0] and records[0]["published"] == "2020-06-30"
    assert "empty" in records[1]["error"]


def test_storing_twice_reports_the_documents_as_already_read(demo_world, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "Jilin Daily 2020-06-30\n\nThe zone should build roads.\n", encoding="utf-8"
    )
    call_command("intake", str(tmp_path))
    call_command("intake", str(tmp_path))
    out = capsys.readouterr().out
    assert "1 new, 0 already read" in out
    assert "0 new, 1 already read" in out
