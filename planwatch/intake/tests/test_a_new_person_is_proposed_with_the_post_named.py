from pathlib import Path

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import Proposal

TEXT = (
    "Zone and KOTRA Dalian sign memorandum\n"
    "Published: 2026-06-29\n"
    "Jilin Daily June 29 news (reporter Li Ming) On June 28, the Zone Management Committee "
    "signed a memorandum with KOTRA Dalian.\n"
    "Park Ji-hoon, Director of KOTRA Dalian, attended the signing ceremony.\n"
)


def test_the_proposal_names_the_person_and_the_post(demo_world, supervisor, tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    people = {p.payload["name"]: p for p in document.proposals.filter(kind=Proposal.Kind.PERSON)}
    assert people["Park Ji-hoon"].summary.endswith("(Director, KOTRA Dalian)")
    assert people["Li Ming"].payload["posts"][0]["organisation"] == "Jilin Daily"
    assert "Park Ji-hoon, Director of KOTRA Dalian" in people["Park Ji-hoon"].sentence
