"""V005: an interaction query has at most one FILTER, one HAVING, and no DISTINCT (reference A.2).

The interaction-shape rule's findings, pinned by code, range and message."""

from semantic_helpers import diagnostics, findings


def test_interaction_with_extra_steps():
    text = ("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
            ".FILTER(emailDomain != 'b').HAVING(COUNT() > 0).HAVING(COUNT() > 1).DISTINCT()")
    result = diagnostics(text)
    assert [(d.code, d.range.start.column, d.range.end.column, d.message) for d in result] == [
        ("V005", 82, 108, "an interaction query has at most one FILTER; join the conditions with &&"),
        ("V005", 129, 148, "an interaction query has one HAVING"),
        ("V005", 149, 159, "DISTINCT cannot be used in an interaction query"),
    ]
    assert result[1].related[0].message == "the first HAVING"


def test_filter_after_having_is_left_to_the_parser():
    text = ("INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).HAVING(COUNT() > 0, UTCDAYS(7))"
            ".FILTER(emailDomain == 'a.com')")
    # The late FILTER still reads the interactions: `emailDomain` is checked against RedirectLinkClicked.
    assert findings(text) == [
        ("V022", "1:106-1:117", "`emailDomain` is not an attribute of interaction `RedirectLinkClicked`"),
    ]
