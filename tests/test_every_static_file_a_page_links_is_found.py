import re
from pathlib import Path

from django.contrib.staticfiles import finders

BASE = Path(__file__).resolve().parents[1] / "planwatch" / "templates" / "base.html"


def test_the_stylesheet_and_scripts_of_every_page_are_found():
    linked = re.findall(r"{% static '([^']+)' %}", BASE.read_text())

    assert "planwatch.css" in linked
    assert {name: bool(finders.find(name)) for name in linked} == dict.fromkeys(linked, True)
