"""Types of expressions: V030-V038."""

import pytest

from segquery.semantic import NO_SCHEMA

from semantic_helpers import codes_of, findings, fixed, only


def test_string_operator_on_a_date_and_with_a_number_pattern():
    assert findings("PROFILE(contact).FILTER(birthdate CONTAINS '1990' && fullname STARTSWITH 5)") == [
        ("V030", "1:25-1:34", "CONTAINS tests strings, but its subject is `birthdate` (a datetime attribute)"),
        ("V030", "1:74-1:75", "the pattern of STARTSWITH must be a string, not the number `5`"),
    ]


def test_string_operator_without_schema_checks_only_literals():
    assert findings("PROFILE(contact).FILTER(birthdate CONTAINS '1990' && 3 ENDSWITH 'x')", schema=NO_SCHEMA) == [
        ("V030", "1:54-1:55", "ENDSWITH tests strings, but its subject is the number `3`"),
    ]


def test_date_functions_on_non_dates():
    text = "PROFILE(contact).FILTER(DATEDIFF(YEAR, fullname, DATETIMEUTCNOW()) > 18 && DATEADD(DAY, 'x', birthdate) > birthdate)"
    assert findings(text) == [
        ("V031", "1:40-1:48", "DATEDIFF works on dates, not on `fullname` (a string attribute)"),
        ("V031", "1:89-1:92", "the amount of DATEADD must be a number, not the string `'x'`"),
    ]
    assert findings("PROFILE(contact).FILTER(DATEADD(DAY, 1, 5) > birthdate)") == [
        ("V031", "1:41-1:42", "DATEADD works on dates, not on the number `5`")]


def test_comparisons_of_incompatible_types():
    text = ("PROFILE(contact).FILTER(numberofchildren == '2' && donotemail == 1 && fullname > 3 && birthdate == 5 "
            "&& fullname + 1 > 2)")
    assert findings(text) == [
        ("V032", "1:25-1:48", "cannot compare `numberofchildren` (an integer attribute) with the string `'2'`"),
        ("V032", "1:52-1:67", "cannot compare `donotemail` (a boolean attribute) with the number `1`"),
        ("V032", "1:71-1:83", "cannot compare `fullname` (a string attribute) with the number `3`"),
        ("V032", "1:87-1:101", "cannot compare `birthdate` (a datetime attribute) with the number `5`"),
        ("V032", "1:105-1:113", "`+` needs numbers, not `fullname` (a string attribute)"),
    ]


def test_comparison_fixes():
    text = "PROFILE(contact).FILTER(donotemail == 0)"
    diagnostic = only(text)
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(donotemail == false)"
    text = "PROFILE(contact).FILTER('2' < numberofchildren)"
    diagnostic = only(text)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(2 < numberofchildren)"


def test_literal_mismatches_are_found_without_schema():
    assert findings("PROFILE(contact).FILTER('a' == 1 || -'b' > 0)", schema=NO_SCHEMA) == [
        ("V032", "1:25-1:33", "cannot compare the string `'a'` with the number `1`"),
        ("V032", "1:38-1:41", "`-` needs a number, not the string `'b'`"),
    ]


@pytest.mark.parametrize("condition", [
    "numberofchildren == 2", "statecode == 0", "gendercode != 1", "birthdate < DATETIMEUTCNOW()",
    "parentcustomerid == contactid", "donotemail == false", "fullname == lastname",
    "numberofchildren * 2 + 1 > annualincome / 1000", "DATEDIFF(DAY, birthdate, createdon) > 3",
    "contactid == '0b6bd7e1-9c8e-4a5f-9d0e-2f1c3b4a5d6e'", "birthdate >= '2020-02-29T10:30:00Z'",
])
def test_compatible_comparisons(condition):
    assert findings(f"PROFILE(contact).FILTER({condition})") == []


def test_option_set_compared_with_labels_and_unknown_codes():
    text = "PROFILE(contact).FILTER(gendercode == 'Female' && accountrolecode == 7 && donotemail == 'Do Not Allow')"
    assert findings(text) == [
        ("V033", "1:39-1:47", "`gendercode` holds option codes, not labels: 'Female' is `2`"),
        ("V033", "1:70-1:71", "`7` is not an option of `accountrolecode`; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
        ("V033", "1:89-1:103", "`donotemail` holds true or false, not labels: 'Do Not Allow' is `true`"),
    ]


def test_option_label_fix():
    text = "PROFILE(contact).FILTER(gendercode == 'female')"
    diagnostic = only(text)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(gendercode == 2)"


def test_option_label_that_matches_nothing():
    assert findings("PROFILE(contact).FILTER(accountrolecode == 'Boss')") == [
        ("V033", "1:44-1:50", "`accountrolecode` holds option codes, not labels; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
    ]
    assert findings("PROFILE(contact).FILTER(accountrolecode == 1.5)") == [
        ("V033", "1:44-1:47", "`1.5` is not an option of `accountrolecode`; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
    ]


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


def test_invalid_guid_strings():
    assert findings("PROFILE(contact).FILTER(parentcustomerid == '12345')") == [
        ("V035", "1:45-1:52", "`'12345'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids "
                              "such as '00000000-0000-0000-0000-000000000000'"),
    ]
    assert findings("PROFILE(contact).FILTER(contactid == '{0B6BD7E1-9C8E-4A5F-9D0E-2F1C3B4A5D6E}')") == []
    assert codes_of("PROFILE(contact).FILTER(contactid == '{0b6bd7e1-9c8e-4a5f-9d0e-2f1c3b4a5d6e')") == ["V035"]


def test_null_test_of_something_else_than_an_attribute():
    assert findings("PROFILE(contact).FILTER(ISNULL('emailaddress1') || ISNOTNULL(1 + 2))") == [
        ("V036", "1:32-1:47", "ISNULL takes an attribute, not the string `'emailaddress1'`"),
        ("V036", "1:62-1:67", "ISNOTNULL takes an attribute, not `1 + 2` (a number)"),
    ]


def test_aggregate_outside_having():
    assert findings("PROFILE(contact).FILTER(COUNT() > 1)") == [
        ("V037", "1:25-1:32", "COUNT is an aggregate: it can only be used in the condition of HAVING")]


def test_filter_of_a_value():
    assert findings("PROFILE(contact).FILTER(fullname)") == [
        ("V038", "1:25-1:33", "FILTER needs a condition (a comparison, string test, ISNULL/ISNOTNULL, NOT, && or ||), "
                              "not `fullname` (a string attribute)"),
    ]
    assert findings("PROFILE(contact).FILTER(fullname)", schema=NO_SCHEMA) == [
        ("V038", "1:25-1:33", "FILTER needs a condition (a comparison, string test, ISNULL/ISNOTNULL, NOT, && or ||), "
                              "not `fullname`"),
    ]


def test_boolean_attribute_as_a_condition_gets_a_fix():
    text = "PROFILE(contact).FILTER(donotbulkemail)"
    diagnostic = only(text)
    assert diagnostic.code == "V038"
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(donotbulkemail == true)"


def test_not_and_logic_operands_must_be_conditions():
    kinds = "(a comparison, string test, ISNULL/ISNOTNULL, NOT, && or ||)"
    assert findings("PROFILE(contact).FILTER(NOT(fullname) && 5 || true)") == [
        ("V038", "1:29-1:37", f"NOT needs a condition {kinds}, not `fullname` (a string attribute)"),
        ("V038", "1:42-1:43", f"`&&` joins conditions {kinds}, not the number `5`"),
        ("V038", "1:47-1:51", f"`||` joins conditions {kinds}, not the boolean `true`"),
    ]
