"""V025, V026 and their part of V021: INTERACTION names a known interaction type and link type.

The known-interactions rule's findings, pinned by code, range and message."""

from semantic_helpers import findings, fixed, only


def test_unknown_interaction():
    text = "INTERACTION(EmailOpen, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V025", "unknown interaction type `EmailOpen`; did you mean `EmailOpened`?")
    assert fixed(text, diagnostic).startswith("INTERACTION(EmailOpened, ")


def test_unknown_link_type():
    text = "INTERACTION(EmailOpened, EmailOpened_LeadLink).HAVING(COUNT() > 0)"
    assert findings(text) == [
        ("V013", "1:26-1:46", "a dynamic segment must end on the `contact` profile type, but this query ends on `lead`"),
        ("V026", "1:26-1:46", "`EmailOpened_LeadLink` is not a link type of interaction `EmailOpened`; did you mean "
                              "`EmailOpenedLeadLink`?"),
    ]
    assert findings("INTERACTION(EmailOpened, Nope).HAVING(COUNT() > 0)") == [
        ("V026", "1:26-1:30", "`Nope` is not a link type of interaction `EmailOpened`; its link types are "
                              "`EmailOpened_ContactLink`, `EmailOpenedLeadLink`"),
    ]


def test_interaction_and_link_type_in_another_case():
    assert findings("INTERACTION(emailopened, emailopened_contactlink).HAVING(COUNT() > 0)") == [
        ("V021", "1:13-1:24", "interaction type `emailopened` is named `EmailOpened` in the schema"),
        ("V021", "1:26-1:49", "link type `emailopened_contactlink` is named `EmailOpened_ContactLink` in the schema"),
    ]
