"""V001: paging steps belong to static segments and member fetches.

The paging-not-allowed rule's findings, pinned by code, range and message."""

from segquery.semantic import QueryKind

from semantic_helpers import findings

FETCH = QueryKind.FETCH
DYNAMIC = QueryKind.DYNAMIC
COMPOUND = QueryKind.COMPOUND


def test_paging_in_a_dynamic_segment():
    text = "PROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(10).SELECT(contactid)"
    message = "{} is allowed only in static segments and member fetches, not in a dynamic segment"
    assert findings(text, kind=DYNAMIC) == [
        ("V001", "1:18-1:39", message.format("ORDERBY")),
        ("V001", "1:40-1:47", message.format("SKIP")),
        ("V001", "1:48-1:56", message.format("TAKE")),
        ("V001", "1:57-1:74", message.format("SELECT")),
    ]
    assert findings(text) == []  # inferred as static
    assert findings(text, kind=FETCH) == []


def test_paging_in_a_compound_segment():
    assert findings("(SEGMENT(a)).TAKE(1)", kind=COMPOUND) == [
        ("V001", "1:14-1:21", "TAKE is allowed only in static segments and member fetches, not in a compound segment"),
    ]
