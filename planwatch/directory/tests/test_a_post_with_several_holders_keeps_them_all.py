import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat
WANG_KAI, WU_JINGPING, MEMBER = 1, 2, 20


def test_a_new_member_does_not_close_an_earlier_member():
    spans = infer_spans(
        [
            Evidence(person_id=WANG_KAI, post_id=MEMBER, as_of=D("2019-01-01")),
            Evidence(person_id=WU_JINGPING, post_id=MEMBER, as_of=D("2020-06-29")),
        ],
        single_holder=False,
    )

    assert [s.person_id for s in spans] == [WANG_KAI, WU_JINGPING]
    assert all(s.closed_by is None for s in spans)
    on_the_day = {s.person_id: s.basis_on(D("2020-07-01")) for s in spans}
    assert on_the_day == {WANG_KAI: "presumed", WU_JINGPING: "presumed"}


def test_the_same_evidence_on_a_single_holder_post_keeps_only_the_newer():
    spans = infer_spans(
        [
            Evidence(person_id=WANG_KAI, post_id=MEMBER, as_of=D("2019-01-01")),
            Evidence(person_id=WU_JINGPING, post_id=MEMBER, as_of=D("2020-06-29")),
        ],
        single_holder=True,
    )

    assert [s.basis_on(D("2020-07-01")) for s in spans] == [None, "presumed"]
