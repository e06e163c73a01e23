from planwatch.intake.evaluate import CORPUS
from planwatch.intake.read import read_path


def test_a_gbk_page_is_decoded():
    source = read_path(CORPUS / "zh_portal_survey.html")
    assert source.encoding == "gb18030"
    assert "景俊海" in source.content


def test_a_gb18030_text_is_decoded():
    source = read_path(CORPUS / "zh_opening_2020.txt")
    assert source.encoding == "gb18030"
    assert "巴音朝鲁" in source.content


def test_utf8_stays_utf8(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("示范区管委会要抓紧编制规划。", encoding="utf-8")
    assert read_path(path).encoding == "utf-8"
