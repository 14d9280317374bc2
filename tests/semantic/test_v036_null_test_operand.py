"""V036: ISNULL and ISNOTNULL test attributes.

The null-test-operand rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_null_test_of_something_else_than_an_attribute():
    assert findings("PROFILE(contact).FILTER(ISNULL('emailaddress1') || ISNOTNULL(1 + 2))") == [
        ("V036", "1:32-1:47", "ISNULL takes an attribute, not the string `'emailaddress1'`"),
        ("V036", "1:62-1:67", "ISNOTNULL takes an attribute, not `1 + 2` (a number)"),
    ]
