"""Text helpers shared by the directory's resolver and the intake."""

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_QUOTES = re.compile(r"[\u2018\u2019\u201A\u201B\u2032\u00B4`]")
_DQUOTES = re.compile(r"[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D\u300E\u300F]")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The key under which a name is looked up: case, width, dash, quote and space blind.

    "China–ROK (Changchun) Zone", "china-rok(changchun)zone" and the full-width form
    all give the same key, so that any spelling of an alias finds its record.
    """
    text = unicodedata.normalize("NFKC", name)
    text = _DASHES.sub("-", text)
    text = _QUOTES.sub("'", text)
    text = _DQUOTES.sub('"', text)
    text = text.casefold()
    return _SPACES.sub("", text)


def clean_spaces(text: str) -> str:
    """Collapse runs of white space (non-breaking spaces included) into one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
