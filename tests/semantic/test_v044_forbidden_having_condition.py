"""V044: the HAVING conditions on COUNT() that the product's usage limitations forbid.

The forbidden-having-condition rule's findings, pinned by code, range and message."""

import pytest

from segquery.semantic import NO_SCHEMA

from semantic_helpers import findings, fixed, only

OPENED = "INTERACTION(EmailOpened, EmailOpened_ContactLink)"


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
