"""A Korean reader of the main pages, filled with the demo world, meets no English
sentence of the interface: a string left out of gettext, or an English fallback, would
show up here even though the catalogue is complete.

The interface's English sentences are the catalogue's msgids, cut at their placeholders;
a piece of two words or more that a page shows as text (or as a placeholder, title or
label) is an untranslated sentence, unless it sits inside a longer English text: that is
a record's own words (a task title has no Korean version), not the interface. The same
pages in English show such pieces, which proves the check would see one.
"""

import re
from io import StringIO
from pathlib import Path

import lxml.html
from django.core.management import call_command
from django.urls import reverse

from tests.test_every_interface_string_has_a_chinese_translation import KOREAN, entries

PAGES = ["home", "dashboard:dashboard", "plans:tasks", "directory:organisations"]
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sdr]|%[sdr]|\{\w*\}|\n")
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
NOT_WORDS = " \"'“”‘’,.:;!?()[]–—-…·/"


def interface_sentences(po: Path) -> set[str]:
    """Pieces of two or more words of every English msgid that its translations do not
    themselves keep (a JSON example or a product name stays as it is)."""
    found = entries(po)
    kept = " ".join(text for e in found for text in e["msgstr"].values())
    pieces = set()
    for entry in found:
        for msgid in filter(None, (entry["msgid"], entry["msgid_plural"])):
            for piece in PLACEHOLDER.split(msgid):
                piece = piece.strip(" .,:;()–-…")
                if len(re.findall(r"[A-Za-z]{2,}", piece)) >= 2 and piece not in kept:
                    pieces.add(piece)
    return pieces


def visible_texts(page: str) -> list[str]:
    """What a reader sees or hears: each text outside scripts, and the attributes read out."""
    tree = lxml.html.fromstring(page)
    for hidden in tree.xpath("//script | //style"):
        hidden.drop_tree()
    said = [str(value) for name in READ_ATTRIBUTES for value in tree.xpath(f"//@{name}")]
    return [" ".join(text.split()) for text in [*tree.itertext(), *said] if text.strip()]


def stands_alone(text: str, start: int, end: int) -> bool:
    """No English word right before or after text[start:end], past spaces and punctuation."""
    before, after = text[:start].rstrip(NOT_WORDS), text[end:].lstrip(NOT_WORDS)
    return not re.search(r"[A-Za-z]$", before) and not re.match(r"[A-Za-z]", after)


def english_left(client, route: str, sentences: set[str]) -> list[str]:
    response = client.get(reverse(route))
    assert response.status_code == 200, route
    texts = visible_texts(response.content.decode())
    return sorted(
        sentence
        for sentence in sentences
        for text in texts
        for match in re.finditer(re.escape(sentence), text)
        if stands_alone(text, match.start(), match.end())
    )


def test_the_main_pages_in_korean_show_no_english_sentence(
    client, supervisor, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())
    sentences = interface_sentences(KOREAN.po)
    client.force_login(supervisor)

    in_english = {route: english_left(client, route, sentences) for route in PAGES}
    client.cookies["django_language"] = KOREAN.code
    in_korean = {route: english_left(client, route, sentences) for route in PAGES}

    assert all(in_english.values()), in_english
    assert in_korean == {route: [] for route in PAGES}
