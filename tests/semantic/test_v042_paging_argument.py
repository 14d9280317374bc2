"""V042: SKIP and TAKE count whole records; ORDERBY sorts by attributes.

The paging-argument rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_paging_arguments():
    text = "PROFILE(contact).ORDERBY(1 + 2).SKIP(0.5).TAKE(1).SELECT(contactid)"
    assert findings(text) == [
        ("V042", "1:26-1:31", "ORDERBY sorts by attributes, not by `1 + 2`"),
        ("V042", "1:38-1:41", "SKIP takes a whole number, not `0.5`"),
    ]
