from pathlib import Path

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import Proposal

TEXT = """Provincial news 2019-05-10

On May 8, Jing Junhai chaired a meeting on opening up. He stressed: First, the Harbour
Logistics Bureau should open two new freight lines within the year. Second, Changchun City
should improve the business environment.
"""


def test_a_responsible_body_missing_from_the_directory_is_proposed(
    demo_world, supervisor, tmp_path: Path
):
    path = tmp_path / "meeting.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    names = set(
        Proposal.objects.filter(document=document, kind=Proposal.Kind.ORGANISATION).values_list(
            "payload__name", flat=True
        )
    )
    assert any("Harbour Logistics Bureau" in name for name in names)
    proposal = Proposal.objects.filter(document=document, kind=Proposal.Kind.ORGANISATION).first()
    assert "Harbour Logistics Bureau" in proposal.sentence
