import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat
JING, HAN, GOVERNOR = 1, 2, 10


def evidence(person: int, day: str, acting: bool = False) -> Evidence:
    return Evidence(person_id=person, post_id=GOVERNOR, as_of=D(day), acting=acting)


EVIDENCE = [
    evidence(HAN, "2021-01-25", acting=True),
    evidence(JING, "2018-01-16", acting=True),
    evidence(JING, "2020-06-29"),
]


def test_the_successor_closes_the_predecessor_on_a_single_holder_post():
    jing, han = infer_spans(EVIDENCE, single_holder=True)

    assert (jing.person_id, han.person_id) == (JING, HAN)
    assert jing.closed_by == D("2021-01-25")
    assert jing.basis_on(D("2021-01-24")) == "presumed"
    assert jing.basis_on(D("2021-01-25")) is None
    assert han.basis_on(D("2021-01-25")) == "reported"
    assert han.closed_by is None


def test_a_holder_who_returns_after_a_successor_has_a_second_tenure():
    spans = infer_spans([*EVIDENCE, evidence(JING, "2023-01-01")], single_holder=True)

    assert [s.person_id for s in spans] == [JING, HAN, JING]
    assert spans[1].closed_by == D("2023-01-01")
    assert spans[2].basis_on(D("2022-01-01")) is None
