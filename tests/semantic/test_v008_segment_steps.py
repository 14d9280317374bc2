"""V008: only paging steps may follow SEGMENT(x) or a parenthesized query (reference A.2).

The segment-steps rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_steps_after_a_segment_reference():
    assert findings("SEGMENT(a).FILTER(jobtitle == 'CEO').DISTINCT()") == [
        ("V008", "1:12-1:37",
         "FILTER cannot follow a segment reference; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
        ("V008", "1:38-1:48",
         "DISTINCT cannot follow a segment reference; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
    ]
    assert findings("(SEGMENT(a) UNION SEGMENT(b)).FILTER(statecode == 0)") == [
        ("V008", "1:31-1:53",
         "FILTER cannot follow a parenthesized query; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
    ]
