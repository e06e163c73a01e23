import re

from planwatch.lib.svg import Series, bar_chart, fit, text_width

PARK = "China-Korea (Changchun) International Cooperation Industrial Park"


def test_a_chart_label_too_long_loses_its_end_not_its_start():
    svg = bar_chart([(PARK, [3])], [Series("Projects", "#1f77b4")], label_width=220)
    drawn = re.search(r'text-anchor="end">([^<]*)<title>', svg).group(1)
    assert drawn.startswith("China-Korea (Changchun)") and drawn.endswith("…")
    assert text_width(drawn) <= 220 - 12
    assert f"<title>{PARK}</title>" in svg


def test_a_label_that_fits_is_kept_whole():
    assert fit("Medicine", 200) == "Medicine"
    assert fit("长春新区", 48) == "长春新区"
    assert fit("长春新区国际合作", 48) == "长春新…"
