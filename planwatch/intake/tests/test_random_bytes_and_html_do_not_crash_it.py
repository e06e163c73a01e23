from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.intake.pipeline import intake_path, intake_text

TAGS = st.sampled_from(["p", "div", "span", "h1", "li", "script", "title", "a", "br", "table"])
WORDS = st.sampled_from(
    ["Jing Junhai", "First,", "should", "省长", "景俊海", "要", "2018-12-07", "Next post:", "，",
     "December 5", "the leading group office", "一是", "\u00a0", "&amp;", "<", "Source:"]
)  # fmt: skip


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        text = " ".join(draw(st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=6)))
        parts.append(f"<{tag} class='x{draw(st.integers(0, 9))}'>{text}</{tag}>")
    return "<html><body>" + "".join(parts) + "</body></html>"


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".pdf", ".docx"]))
def test_random_bytes_give_a_record_or_an_error(tmp_path_factory, gazetteer, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    record = intake_path(path, gazetteer)
    assert "error" in record or "body" in record


@SETTINGS
@given(html_pages())
def test_random_html_gives_a_record_with_valid_spans(gazetteer, page):
    record = intake_text(page, gazetteer, html=True)
    for directive in record["directives"]:
        start, end = directive["span"]
        assert record["body"][start:end] == directive["text"]


@SETTINGS
@given(st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=40))
def test_random_text_gives_a_record_with_valid_spans(gazetteer, words):
    record = intake_text("\n".join(words), gazetteer)
    for directive in record["directives"]:
        start, end = directive["span"]
        assert record["body"][start:end] == directive["text"]
