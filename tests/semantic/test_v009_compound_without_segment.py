"""V009: a compound segment combines other segments.

The compound-without-segment rule's findings, pinned by code, range and message."""

from segquery.semantic import QueryKind

from semantic_helpers import findings

COMPOUND = QueryKind.COMPOUND


def test_compound_without_segment():
    assert findings("PROFILE(contact) UNION PROFILE(contact).FILTER(statecode == 0)", kind=COMPOUND) == [
        ("V009", "1:1-1:63",
         "a compound segment combines other segments, but this query references none; use SEGMENT(name)"),
    ]
    assert findings("SEGMENT(a)", kind=COMPOUND) == []
