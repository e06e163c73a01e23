import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat


def test_a_stated_start_and_end_are_reported_and_nothing_after_the_end():
    [span] = infer_spans(
        [Evidence(person_id=1, post_id=10, start_date=D("2017-04-01"), end_date=D("2020-07-31"))],
        single_holder=True,
    )

    assert span.basis_on(D("2017-03-31")) is None
    assert span.basis_on(D("2017-04-01")) == "reported"
    assert span.basis_on(D("2020-07-31")) == "reported"
    assert span.basis_on(D("2020-08-01")) is None


def test_a_stated_start_reaches_back_before_the_first_report():
    [span] = infer_spans(
        [
            Evidence(person_id=1, post_id=10, start_date=D("2017-04-01")),
            Evidence(person_id=1, post_id=10, as_of=D("2018-01-16")),
        ],
        single_holder=True,
    )

    assert span.start == D("2017-04-01")
    assert span.basis_on(D("2017-06-01")) == "reported"
    assert span.basis_on(D("2019-01-01")) == "presumed"


def test_evidence_after_a_stated_end_is_a_second_tenure():
    spans = infer_spans(
        [
            Evidence(person_id=1, post_id=10, start_date=D("2015-01-01"), end_date=D("2016-12-31")),
            Evidence(person_id=1, post_id=10, as_of=D("2019-05-01")),
        ],
        single_holder=True,
    )

    assert len(spans) == 2
    assert spans[0].basis_on(D("2018-01-01")) is None
    assert spans[1].basis_on(D("2018-01-01")) is None
    assert spans[1].basis_on(D("2019-05-01")) == "reported"
