from pathlib import Path

from django.urls import reverse

from planwatch.intake.actions import do_ingest
from planwatch.projects.models import Industry, Project, Region

TEXT = """Provincial news 2021-06-02

On May 30, the Governor visited the HEAVY-ION  Hospital Project and the carbon neutral park.
He asked the zone to grow its health food industry and to serve the Changchun Economic Circle.
"""


def test_named_projects_industries_and_regions_are_kept_and_shown(
    client, db, supervisor, unit_a, tmp_path: Path
):
    industry = Industry.objects.get(code="health-food")
    other = Industry.objects.get(code="automobiles")
    facts = {"lead_unit": unit_a, "amounts_as_of": "2021-01-01"}
    project = Project.objects.create(
        code="ion",
        name_en="Heavy-Ion Hospital Project",
        name_zh="重离子医院项目",
        industry=other,
        **facts,
    )
    region = Region.objects.create(
        code="circle",
        name_en="Changchun Economic Circle",
        role=Region.Role.CIRCLE,
        geometry={"type": "Point", "coordinates": [125.3, 43.9]},
    )
    Project.objects.create(code="port", name_en="Unrelated Port Project", industry=other, **facts)
    path = tmp_path / "visit.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    assert document.terms["projects"] == [project.pk]
    assert document.terms["industries"] == [industry.pk]
    assert document.terms["regions"] == [region.pk]
    client.force_login(supervisor)
    page = client.get(reverse("intake:document", args=[document.pk])).content.decode()
    assert reverse("projects:detail", args=[project.pk]) in page
    assert "Changchun Economic Circle" in page
