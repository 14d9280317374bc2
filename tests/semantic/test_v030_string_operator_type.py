"""V030: CONTAINS, STARTSWITH and ENDSWITH test strings.

The string-operator-type rule's findings, pinned by code, range and message."""

from segquery.semantic import NO_SCHEMA

from semantic_helpers import findings


def test_string_operator_on_a_date_and_with_a_number_pattern():
    assert findings("PROFILE(contact).FILTER(birthdate CONTAINS '1990' && fullname STARTSWITH 5)") == [
        ("V030", "1:25-1:34", "CONTAINS tests strings, but its subject is `birthdate` (a datetime attribute)"),
        ("V030", "1:74-1:75", "the pattern of STARTSWITH must be a string, not the number `5`"),
    ]


def test_string_operator_without_schema_checks_only_literals():
    assert findings("PROFILE(contact).FILTER(birthdate CONTAINS '1990' && 3 ENDSWITH 'x')", schema=NO_SCHEMA) == [
        ("V030", "1:54-1:55", "ENDSWITH tests strings, but its subject is the number `3`"),
    ]
