"""V038: FILTER, NOT, && and || take conditions, not values (reference A.2, `condition`).

The conditions rule's findings, pinned by code, range and message."""

from segquery.semantic import NO_SCHEMA

from semantic_helpers import findings, fixed, only


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
