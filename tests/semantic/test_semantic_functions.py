"""Arguments of functions and steps, and the usage limitations of A.3: V040-V045."""

import pytest

from segquery.semantic import NO_SCHEMA

from semantic_helpers import findings, fixed, only

OPENED = "INTERACTION(EmailOpened, EmailOpened_ContactLink)"


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


def test_window_count():
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCDAYS(0))") == [
        ("V041", "1:79-1:80", "UTCDAYS takes a positive whole number of days, not `0`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCMONTHS(1.5))") == [
        ("V041", "1:81-1:84", "UTCMONTHS takes a positive whole number of months, not `1.5`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCYEARS(-1))") == [
        ("V041", "1:80-1:82", "UTCYEARS takes a positive whole number of years, not `-1`")]


def test_window_position():
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, 7)") == [
        ("V041", "1:71-1:72", "the second argument of HAVING is a window: UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n), "
                              "not `7`")]
    assert findings("PROFILE(contact).FILTER(UTCDAYS(3) > 1)") == [
        ("V041", "1:25-1:35", "UTCDAYS(...) is a window: it can only be the second argument of HAVING")]


def test_paging_arguments():
    text = "PROFILE(contact).ORDERBY(1 + 2).SKIP(0.5).TAKE(1).SELECT(contactid)"
    assert findings(text) == [
        ("V042", "1:26-1:31", "ORDERBY sorts by attributes, not by `1 + 2`"),
        ("V042", "1:38-1:41", "SKIP takes a whole number, not `0.5`"),
    ]


def test_having_condition_shape():
    shape = "HAVING needs a comparison of an aggregate with a number, such as `COUNT() > 0`"
    assert findings(f"{OPENED}.HAVING(emailDomain == 'contoso.com')") == [
        ("V043", "1:58-1:86", f"{shape}, not `emailDomain == 'contoso.com'`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 1 && COUNT() < 5)") == [
        ("V043", "1:58-1:84", f"{shape}, not `COUNT() > 1 && COUNT() < 5`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > '5')") == [
        ("V043", "1:68-1:71", "HAVING compares COUNT with a number, not the string `'5'`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > COUNT())") == [
        ("V043", "1:68-1:75", "HAVING compares an aggregate with a number, not with another aggregate")]


def test_aggregate_arguments():
    assert findings(f"{OPENED}.HAVING(SUM(emailDomain) > 5)") == [
        ("V043", "1:62-1:73", "SUM needs a numeric attribute, not `emailDomain` (a string attribute)")]
    assert findings(f"{OPENED}.HAVING(MAX(timestamp) > 5)") == []
    assert findings(f"{OPENED}.HAVING(AVG(1) > 5)") == [
        ("V043", "1:62-1:63", "AVG takes an attribute of the interaction, not the number `1`")]


@pytest.mark.parametrize("condition, message", [
    ("COUNT() != 3", "HAVING cannot use `COUNT() != 3`: `!=` is not supported with a positive count"),
    ("COUNT() == 0", "HAVING cannot test `COUNT() == 0`: profiles without interactions have no interaction data; "
                     "use EXCEPT with the segment of the profiles that have one"),
    ("0 == COUNT()", "HAVING cannot test `COUNT() == 0`: profiles without interactions have no interaction data; "
                     "use EXCEPT with the segment of the profiles that have one"),
    ("COUNT() > -1", "HAVING cannot compare COUNT() with the negative number `-1`"),
    ("COUNT() < 1.5", "HAVING cannot compare COUNT() with the non-integer `1.5`: counts are whole numbers"),
    ("COUNT() == 2.0", "HAVING cannot compare COUNT() with the non-integer `2.0`: counts are whole numbers"),
])
def test_forbidden_having_conditions(condition, message):
    text = f"{OPENED}.HAVING({condition})"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message, diagnostic.fix) == ("V044", message, None)
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (58, 58 + len(condition))


@pytest.mark.parametrize("condition", ["COUNT() > 0", "COUNT() != 0", "COUNT() >= 0", "COUNT() == 3", "COUNT() <= 5",
                                       "SUM(timestamp) > -1.5", "AVG(timestamp) != 2", "MIN(timestamp) >= 3",
                                       "MAX(timestamp) == 0"])
def test_allowed_having_conditions(condition):
    # SUM/AVG/MIN/MAX: the reference's `none / none` row forbids nothing (the type check is V043's).
    assert [code for code, _, _ in findings(f"{OPENED}.HAVING({condition})") if code == "V044"] == []


def test_count_at_least_gets_an_exact_fix():
    text = f"{OPENED}.HAVING(COUNT() >= 3, UTCDAYS(7))"
    diagnostic = only(text)
    assert diagnostic.message == "HAVING cannot use `COUNT() >= 3`; write `COUNT() > 2`"
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == f"{OPENED}.HAVING(COUNT() > 2, UTCDAYS(7))"
    text = f"{OPENED}.HAVING(3 <= /* at least */ COUNT())"
    diagnostic = only(text)
    assert fixed(text, diagnostic) == f"{OPENED}.HAVING(2 < /* at least */ COUNT())"
    assert diagnostic.fix.message == "Rewrite as `2 < COUNT()`"


def test_limits_hold_without_schema():
    assert [code for code, _, _ in findings(f"{OPENED}.HAVING(COUNT() == 0)", schema=NO_SCHEMA)] == ["V044"]


def test_interaction_filter_functions():
    text = (f"{OPENED}.FILTER(emailDomain CONTAINS 'contoso' && timestamp > DATEADD(DAY, -3, DATETIMEUTCNOW())"
            " && timestamp < Date(2024, 1, 1)).HAVING(COUNT() > 0)")
    why = "is not supported in the FILTER of an INTERACTION query (PROFILE and SEGMENT queries support it)"
    assert findings(text) == [
        ("V045", "1:70-1:78", f"CONTAINS {why}"),
        ("V045", "1:104-1:111", f"DATEADD {why}"),
        ("V045", "1:154-1:158", f"DATE {why}"),
    ]


def test_date_functions_are_fine_in_profile_filters_and_traverse_filters():
    text = ("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(birthdate < DATETIMEUTCNOW() "
            "&& fullname CONTAINS 'a'))")
    assert findings(text) == []
