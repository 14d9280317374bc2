"""Calendar arithmetic shared by the plan (windows) and the reference evaluator.

Months and years are added as SQL engines add them: the day of month is
clamped to the last day of the target month (31 January + 1 month is 28 or
29 February).
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from segquery.syntax import ast

_FIXED = {
    ast.DatePart.DAY: timedelta(days=1),
    ast.DatePart.HOUR: timedelta(hours=1),
    ast.DatePart.MINUTE: timedelta(minutes=1),
    ast.DatePart.SECOND: timedelta(seconds=1),
    ast.DatePart.MILLISECOND: timedelta(milliseconds=1),
}

WINDOW_PARTS = {
    ast.WindowUnit.UTCDAYS: ast.DatePart.DAY,
    ast.WindowUnit.UTCMONTHS: ast.DatePart.MONTH,
    ast.WindowUnit.UTCYEARS: ast.DatePart.YEAR,
}


def add_months(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def shift(moment: datetime, part: ast.DatePart, amount: int) -> datetime:
    """`DATEADD(part, amount, moment)`."""
    if part is ast.DatePart.YEAR:
        return add_months(moment, 12 * amount)
    if part is ast.DatePart.MONTH:
        return add_months(moment, amount)
    return moment + _FIXED[part] * amount


def window_start(now: datetime, unit: ast.WindowUnit, count: int) -> datetime:
    """The first moment of `UTCDAYS(count)` (and friends) ending at `now`."""
    return shift(now, WINDOW_PARTS[unit], -count)


def date_literal(parts: list[int]) -> datetime | None:
    """`DATE(year, month, day[, hour[, minute[, second[, millisecond]]]])`, or None
    when the parts name no moment (month 13, 30 February...)."""
    padded = list(parts) + [0] * (7 - len(parts))
    year, month, day, hour, minute, second, millisecond = padded[:7]
    try:
        return datetime(year, month, day, hour, minute, second, millisecond * 1000)
    except (ValueError, OverflowError):
        return None
