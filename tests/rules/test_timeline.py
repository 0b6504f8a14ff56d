"""The deadlines of one contract date as periods, computed by the calculators (so they follow the parameters)."""

import datetime as dt

from assistant.rules import run
from assistant.rules.timeline import deadlines


def test_periods_follow_the_calculators():
    day = dt.date(2024, 8, 31)
    periods = {p.key: p for p in deadlines(day)}
    r = run("construction_deadlines", {"contract_date": day})
    assert periods["linhai_start"].end == r.part("start_by") and periods["linhai_completion"].end == r.part("complete_by")
    assert periods["wenzhou_period"].start == day and "未填开工日" in periods["wenzhou_period"].label
    assert periods["wenzhou_period"].soft
    assert periods["linhai_transfer_ban"].start == r.part("complete_by")
    assert all(p.start <= p.end for p in periods.values())
    assert periods["linhai_start"].end_text == "2025年2月28日"


def test_given_dates_are_used_and_not_labelled_as_assumed():
    periods = {p.key: p for p in deadlines(dt.date(2024, 1, 31), dt.date(2024, 3, 1), dt.date(2025, 6, 30))}
    assert periods["wenzhou_period"].start == dt.date(2024, 3, 1) and periods["wenzhou_period"].label == "建设工期"
    assert periods["linhai_transfer_ban"].start == dt.date(2025, 6, 30)
    assert periods["linhai_transfer_ban"].end == run("transfer_ban", {"acquired_date": "2025-06-30"}).value
    assert periods["linhai_start"].end == dt.date(2024, 7, 31)   # 31 Jan + 6 months (Civil Code: same day number)
