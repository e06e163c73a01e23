import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat


def test_the_day_before_the_first_report_has_no_holder():
    [span] = infer_spans(
        [Evidence(person_id=1, post_id=10, as_of=D("2018-01-16"), acting=True)],
        single_holder=True,
    )

    assert span.basis_on(D("2018-01-15")) is None
    assert span.basis_on(D("2017-01-01")) is None
    assert span.basis_on(D("2018-01-16")) == "reported"


def test_a_post_without_evidence_has_no_span():
    assert infer_spans([], single_holder=True) == []
