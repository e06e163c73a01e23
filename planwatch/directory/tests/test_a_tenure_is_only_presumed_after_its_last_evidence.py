import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat


def test_between_reports_it_is_reported_after_the_last_it_is_presumed():
    [span] = infer_spans(
        [
            Evidence(person_id=1, post_id=10, as_of=D("2018-12-05")),
            Evidence(person_id=1, post_id=10, as_of=D("2020-06-29")),
        ],
        single_holder=True,
    )

    assert span.basis_on(D("2019-07-01")) == "reported"
    assert span.basis_on(D("2020-06-29")) == "reported"
    assert span.basis_on(D("2020-06-30")) == "presumed"
    assert span.basis_on(D("2030-01-01")) == "presumed"
