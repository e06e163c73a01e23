"""The relations graph of the directory as an SVG picture."""

from django.urls import reverse
from django.utils.translation import gettext as _

from planwatch.directory.models import Organisation, Relation
from planwatch.lib.svg import Edge, Node, directed_graph


def relations_svg() -> str:
    """Every organisation that takes part in a relation, and every active relation."""
    relations = list(Relation.objects.active().select_related("source", "target"))
    involved = {r.source_id for r in relations} | {r.target_id for r in relations}
    organisations = Organisation.objects.active().filter(pk__in=involved)
    nodes = [
        Node(str(o.pk), o.name, o.kind, reverse("directory:organisation", args=[o.pk]))
        for o in organisations
    ]
    edges = [Edge(str(r.source_id), str(r.target_id), r.get_kind_display()) for r in relations]
    return directed_graph(nodes, edges, title=_("Relations between organisations"))
