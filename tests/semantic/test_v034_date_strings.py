"""V034: a string used as a date is an ISO 8601 date that exists.

The date-strings rule's findings, pinned by code, range and message."""

import pytest

from segquery.semantic import NO_SCHEMA

from semantic_helpers import codes_of, findings


@pytest.mark.parametrize("literal, problem", [
    ("'31/12/1990'", "is not an ISO date; write dates as 'YYYY-MM-DD', optionally with a time: 'YYYY-MM-DDTHH:MM:SSZ'"),
    ("'2020-02-30'", "is not a valid date: February 2020 has 29 days"),
    ("'2021-02-29'", "is not a valid date: February 2021 has 28 days"),
    ("'2020-13-01'", "is not a valid date: there is no month 13"),
    ("'2020-01-01T25:00:00Z'", "is not a valid time of day: hours go to 23, minutes and seconds to 59"),
    ("'0000-01-01'", "is not a valid date: years start at 0001"),
])
def test_invalid_date_strings(literal, problem):
    text = f"PROFILE(contact).FILTER(birthdate < {literal})"
    assert findings(text) == [("V034", f"1:37-1:{37 + len(literal)}", f"`{literal}` {problem}")]


@pytest.mark.parametrize("literal", ["'1990-12-31'", "'1990-12-31T23:59'", "'1990-12-31 23:59:59.123'",
                                     "'1990-12-31T23:59:59+02:00'"])
def test_valid_date_strings(literal):
    assert findings(f"PROFILE(contact).FILTER(birthdate < {literal})") == []


def test_date_strings_in_date_functions_are_checked_without_schema():
    text = "PROFILE(contact).FILTER(DATEDIFF(DAY, '2020-1-1', DATETIMEUTCNOW()) > 3)"
    assert codes_of(text, schema=NO_SCHEMA) == ["V034"]
