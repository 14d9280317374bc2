"""V040: the arguments of DATE(...) are whole numbers naming a moment that exists.

The date-arguments rule's findings, pinned by code, range and message."""

import pytest

from semantic_helpers import findings


@pytest.mark.parametrize("arguments, column, message", [
    ("2023, 2, 29", 51, "day 29 is out of range: February 2023 has 28 days"),
    ("2024, 2, 30", 51, "day 30 is out of range: February 2024 has 29 days"),
    ("2023, 13, 1", 48, "month 13 is out of range: the month of DATE is 1-12"),
    ("2023, 0, 1", 48, "month 0 is out of range: the month of DATE is 1-12"),
    ("0, 1, 1", 42, "year 0 is out of range: the year of DATE is 1-9999"),
    ("2024, 1, 1, 24", 54, "hour 24 is out of range: the hour of DATE is 0-23"),
    ("2024, 1, 1, 0, 60", 57, "minute 60 is out of range: the minute of DATE is 0-59"),
    ("2024, 1, 1, 0, 0, 60", 60, "second 60 is out of range: the second of DATE is 0-59"),
    ("2024, 1, 1, 0, 0, 0, 1000", 63, "millisecond 1000 is out of range: the millisecond of DATE is 0-999"),
    ("2020, 1.5, 1", 48, "the month of DATE must be a whole number, not `1.5`"),
    ("2020, 'Jan', 1", 48, "the month of DATE must be a whole number, not the string `'Jan'`"),
    ("2020, -1, 1", 48, "month -1 is out of range: the month of DATE is 1-12"),
])
def test_date_arguments(arguments, column, message):
    text = f"PROFILE(contact).FILTER(birthdate < DATE({arguments}))"
    (code, where, found) = findings(text)[0]
    assert (code, int(where.split("-")[0].split(":")[1]), found) == ("V040", column, message)


def test_date_day_when_the_year_is_not_a_literal():
    text = "PROFILE(contact).FILTER(birthdate < DATE(1 + 2019, 4, 31))"
    assert findings(text) == [("V040", "1:55-1:57", "day 31 is out of range: April has at most 30 days")]
    assert findings("PROFILE(contact).FILTER(birthdate < DATE(1 + 2019, 2, 29))") == []
