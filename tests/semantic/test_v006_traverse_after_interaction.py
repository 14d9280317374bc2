"""V006: INTERACTION may not be followed by TRAVERSE (reference A.3).

The traverse-after-interaction rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_traverse_after_interaction():
    text = ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
            ".TRAVERSE(contact_account_parentcustomerid)")
    assert findings(text) == [
        ("V006", "1:71-1:113", "INTERACTION cannot be followed by TRAVERSE; save the interaction query as a segment "
                               "and combine it with a set operator"),
        ("V013", "1:71-1:113", "a dynamic segment must end on the `contact` profile type, but this query ends on "
                               "`account`"),
    ]
