"""V011: set operands are segments, profile queries or set operations (reference A.2).

The interaction-in-set-operation rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_interaction_as_a_set_operand():
    text = "PROFILE(contact) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_ContactLink).HAVING(COUNT() > 0)"
    assert findings(text) == [
        ("V011", "1:25-1:104",
         "an INTERACTION query cannot be an operand of EXCEPT; save it as a segment and use SEGMENT(name)"),
    ]
