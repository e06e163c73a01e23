"""Pure inference: tenures.py needs no database."""

import datetime as dt

from planwatch.directory.tenures import Evidence, infer_spans

D = dt.date.fromisoformat
JING, GOVERNOR = 1, 10


def evidence(day: str, acting: bool = False) -> Evidence:
    return Evidence(person_id=JING, post_id=GOVERNOR, as_of=D(day), acting=acting)


def test_acting_then_full_post_is_one_span_with_two_phases():
    spans = infer_spans(
        [evidence("2018-12-05"), evidence("2018-01-16", acting=True), evidence("2020-06-29")],
        single_holder=True,
    )

    assert len(spans) == 1
    span = spans[0]
    assert (span.first_seen, span.last_seen) == (D("2018-01-16"), D("2020-06-29"))
    assert span.phases == [(D("2018-01-16"), True), (D("2018-12-05"), False)]


def test_acting_status_is_as_last_reported_on_the_day():
    [span] = infer_spans(
        [evidence("2018-01-16", acting=True), evidence("2018-12-05")], single_holder=True
    )

    assert span.acting_on(D("2018-06-01")) is True
    assert span.acting_on(D("2018-12-05")) is False
    assert span.basis_on(D("2018-06-01")) == "reported"
