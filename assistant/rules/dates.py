"""Date arithmetic for deadlines, following 《民法典》第二百零一条至第二百零三条.

A period counted in years, months or days starts the day after the starting
date; its last day is the corresponding date of the last month, or the month's
last day when there is none (``relativedelta`` clamps exactly so). Rolling a
last day that falls on a statutory holiday is left to people: the holiday
calendar is not in the corpus, so results say so instead of guessing.

>>> add_months(dt.date(2024, 8, 31), 6)
datetime.date(2025, 2, 28)
>>> add_workdays(dt.date(2024, 1, 5), 1)   # a Friday: next working day is Monday
datetime.date(2024, 1, 8)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

CIVIL_CODE_NOTE = ("期间按《民法典》第二百零一条、第二百零二条计算：开始的当日不计入，到期月的对应日为最后一日，"
                   "无对应日的以月末日为最后一日；最后一日遇法定节假日顺延（第二百零三条），本结果未计节假日。")


def _shifted(start: dt.date, delta) -> dt.date:
    """``start + delta``; a result past year 9999 is a RuleError naming the date, not a ValueError.

    Inputs are range-checked at the boundaries (``assistant.textin.check_date``, 1949–2100); this keeps
    a date that reaches the arithmetic some other way from becoming a traceback.
    """
    try:
        return start + delta
    except (ValueError, OverflowError):
        from assistant.errors import RuleError

        raise RuleError(f"日期 {start.isoformat()} 超出可计算的范围", f"date {start.isoformat()} is out of range",
                        field="date") from None


def add_months(start: dt.date, months: int) -> dt.date:
    """Corresponding date ``months`` later, clamped to month end."""
    return _shifted(start, relativedelta(months=months))


def add_years(start: dt.date, years: int) -> dt.date:
    """``add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)``."""
    return _shifted(start, relativedelta(years=years))


def add_days(start: dt.date, days: int) -> dt.date:
    return _shifted(start, dt.timedelta(days=days))


def add_workdays(start: dt.date, n: int, holidays: Iterable[dt.date] = (),
                 makeup_workdays: Iterable[dt.date] = ()) -> dt.date:
    """The ``n``-th working day after ``start``: Saturdays, Sundays and ``holidays`` skipped,
    ``makeup_workdays`` (调休上班日) counted."""
    off, on = set(holidays), set(makeup_workdays)
    d, left = start, n
    while left > 0:
        d = add_days(d, 1)
        working = (d.weekday() < 5 or d in on) and d not in off
        if working:
            left -= 1
    return d
