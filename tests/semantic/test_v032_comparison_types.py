"""V032: comparisons of compatible types, and arithmetic on numbers.

The comparison-types rule's findings, pinned by code, range and message."""

import pytest

from segquery.semantic import NO_SCHEMA

from semantic_helpers import findings, fixed, only


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
