"""V004: an interaction query ends with HAVING (reference A.2).

The interaction-needs-having rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_interaction_without_having():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
    assert findings(text) == [
        ("V004", "1:1-1:50", "an interaction query needs HAVING: "
                             "INTERACTION(type, link)[.FILTER(condition)].HAVING(aggregate comparison number[, window])"),
    ]


def test_interaction_with_a_misspelled_having_gets_only_the_parser_finding():
    assert findings("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVNG(COUNT() > 0)") == []
