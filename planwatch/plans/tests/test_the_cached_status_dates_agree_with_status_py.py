import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.plans.status import TaskFacts, Thresholds, status_dates, status_on, task_status

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1))


@settings(max_examples=500, deadline=None)
@given(
    start=DAYS,
    length=st.one_of(st.none(), st.integers(0, 800)),
    progress=st.one_of(st.none(), st.integers(0, 100)),
    milestones=st.lists(st.tuples(st.integers(-30, 800), st.integers(0, 100)), max_size=3),
    pending=st.booleans(),
    closed=st.booleans(),
    gap=st.integers(1, 100),
    warn=st.integers(0, 365),
    offset=st.integers(-100, 1000),
)
def test_the_cached_status_dates_agree_with_status_py(
    start, length, progress, milestones, pending, closed, gap, warn, offset
):
    deadline = None if length is None else start + dt.timedelta(days=length)
    stages = tuple(sorted((start + dt.timedelta(days=d), p) for d, p in milestones))
    facts = TaskFacts(start, deadline, progress, stages, pending, closed)
    thresholds = Thresholds(gap, warn)
    today = start + dt.timedelta(days=offset)
    dates = status_dates(facts, thresholds)
    assert status_on(dates, today) == task_status(facts, today, thresholds)
