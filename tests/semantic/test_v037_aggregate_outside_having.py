"""V037: aggregates exist only in the condition of HAVING.

The aggregate-outside-having rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_aggregate_outside_having():
    assert findings("PROFILE(contact).FILTER(COUNT() > 1)") == [
        ("V037", "1:25-1:32", "COUNT is an aggregate: it can only be used in the condition of HAVING")]
