"""Projects, industries and places of the spatial layout that a text names.

Built from the projects app's own records, so a new project or region is found in the
next document read, in English or Chinese, whatever the case or spacing.
"""

from functools import lru_cache

import ahocorasick
from django.db.models import Max

from planwatch.lib.text import normalise_name
from planwatch.projects.models import Industry, Project, Region

KINDS = {"projects": Project, "industries": Industry, "regions": Region}


def _stamp() -> tuple:
    """Changes whenever a record of any kind is added, renamed or archived."""
    return tuple(
        tuple(model.objects.aggregate(Max("updated_at"), Max("pk")).values())
        for model in KINDS.values()
    )


@lru_cache(maxsize=1)
def _automaton(stamp: tuple) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for kind, model in KINDS.items():
        for pk, name_en, name_zh in model.objects.active().values_list("pk", "name_en", "name_zh"):
            for name in (name_en, name_zh):
                key = normalise_name(name or "")
                if len(key) >= (2 if not key.isascii() else 5):
                    automaton.add_word(key, (kind, pk, len(key)))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def find_terms(body: str) -> dict[str, list[int]]:
    """{kind: [ids]} of the projects, industries and regions named in `body`, longest first.

    A name inside a longer name that also matched (a park's name inside its project's)
    still counts: both are named.
    """
    automaton = _automaton(_stamp())
    found: dict[str, list[int]] = {kind: [] for kind in KINDS}
    if automaton is None or not body:
        return found
    text = normalise_name(body)
    for _end, (kind, pk, _length) in automaton.iter(text):
        if pk not in found[kind]:
            found[kind].append(pk)
    return found
