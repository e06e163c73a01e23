import json
from pathlib import Path

import jsonschema
import pytest

from planwatch.intake.evaluate import CORPUS
from planwatch.intake.pipeline import intake_path

SCHEMA_COPY = Path(__file__).resolve().parents[1] / "schema" / "intake-record.schema.json"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".expected.json"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_COPY.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_corpus_record_is_valid(document, gazetteer, validator):
    validator.validate(intake_path(document, gazetteer))


def test_an_error_record_is_valid(tmp_path, gazetteer, validator):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    record = intake_path(empty, gazetteer)
    validator.validate(record)
    assert set(record) == {"source_path", "error"}
