"""The Content-Security-Policy refuses inline script, so no template may contain any:
no <script> without src, no on...= event attribute, no javascript: URL."""

import re
from pathlib import Path

import planwatch

ROOT = Path(planwatch.__file__).resolve().parent
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


def templates():
    return [p for p in ROOT.rglob("templates/**/*.html")]


def test_there_are_templates_to_check():
    assert len(templates()) > 20


def test_no_template_has_inline_script():
    found = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_ATTRIBUTE, JAVASCRIPT_URL):
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert found == []
