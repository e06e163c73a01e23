from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.directory.models import Alias
from planwatch.directory.resolver import resolve_person
from planwatch.intake.actions import do_decide_proposal, do_ingest
from planwatch.intake.models import Decision, Proposal

TEXT = """Provincial news 2018-01-19

On January 16, Jing Junhai, Deputy Secretary of the Provincial Party Committee and Acting
Governor, inspected Changchun New Area. Governor Jing Jun Hai asked the new area to speed up.
"""


def _tenure_and_alias_proposals(supervisor, tmp_path: Path):
    path = tmp_path / "visit.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    return document, Proposal.objects.filter(document=document)


def test_reading_writes_nothing_into_the_directory(demo_world, supervisor, tmp_path):
    aliases = Alias.objects.count()
    _tenure_and_alias_proposals(supervisor, tmp_path)
    assert Alias.objects.count() == aliases


def test_accepting_an_alias_proposal_adds_the_alias_with_an_audit_event(
    demo_world, supervisor, tmp_path
):
    proposal = Proposal.objects.create(
        document=_tenure_and_alias_proposals(supervisor, tmp_path)[0],
        kind=Proposal.Kind.ALIAS,
        summary="'Jing Jun-Hai Jr' is another spelling of Jing Junhai",
        payload={"owner": "person", "name": "Jing Junhai", "alias": "Jing Jun-Hai Jr"},
        sentence="Governor Jing Jun-Hai Jr asked the new area to speed up.",
    )
    do_decide_proposal(supervisor, proposal, accept=True, reason="seen in the press")
    proposal.refresh_from_db()
    assert proposal.decision == Decision.ACCEPTED
    assert resolve_person("Jing Jun-Hai Jr").name_en == "Jing Junhai"
    assert AuditEvent.objects.filter(object_repr="Jing Jun-Hai Jr", action="created").exists()


def test_a_decided_proposal_cannot_be_decided_again(demo_world, supervisor, tmp_path):
    proposal = Proposal.objects.create(
        document=_tenure_and_alias_proposals(supervisor, tmp_path)[0],
        kind=Proposal.Kind.ORGANISATION,
        summary="New organisation: Harbour Office",
        payload={"name": "Harbour Office"},
    )
    do_decide_proposal(supervisor, proposal, accept=False)
    with pytest.raises(ValidationError):
        do_decide_proposal(supervisor, proposal, accept=True)
