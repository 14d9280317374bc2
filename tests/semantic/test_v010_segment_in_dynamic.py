"""V010: referencing another segment makes a segment compound.

The segment-in-dynamic rule's findings, pinned by code, range and message."""

from segquery.semantic import QueryKind

from semantic_helpers import findings

DYNAMIC = QueryKind.DYNAMIC


def test_segment_in_a_dynamic_segment():
    message = ("a dynamic segment cannot reference other segments; a query with SEGMENT(...) is a compound "
               "segment")
    assert findings("SEGMENT(a) UNION PROFILE(contact)", kind=DYNAMIC) == [("V010", "1:1-1:11", message)]
    assert findings("SEGMENT(a) UNION PROFILE(contact)") == []  # inferred as compound
