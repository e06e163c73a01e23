"""Text helpers shared by the directory's resolver and the intake."""

import hashlib
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


_TOKENS = re.compile(r"[\u3400-\u9fff]|[^\W\u3400-\u9fff]+")


def simhash(text: str) -> int:
    """A 64-bit SimHash of the text's word trigrams (a Chinese character counts as a word),
    as a signed integer for the database.

    Near-identical texts (a re-posted article, a copy with its footer changed) differ in
    a few bits; unrelated texts in about half of them.
    """
    tokens = _TOKENS.findall(unicodedata.normalize("NFKC", text).casefold())
    weights = [0] * 64
    grams = {" ".join(tokens[i : i + 3]) for i in range(max(len(tokens) - 2, 0))} or {
        " ".join(tokens)
    }
    for gram in grams:
        digest = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if digest >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
