from lint_helpers import findings, fixed


def test_unused_aliases_are_removed():
    text = "PROFILE(account, account_1).TRAVERSE(contact_account_parentcustomerid, contact_1)"
    assert findings(text, "L009") == [
        ("L009", "1:18-1:27", "alias `account_1` is never used: no attribute is written `account_1.<attribute>`"),
        ("L009", "1:72-1:81", "alias `contact_1` is never used: no attribute is written `contact_1.<attribute>`"),
    ]
    assert fixed(text, "L009") == "PROFILE(account).TRAVERSE(contact_account_parentcustomerid)"


def test_traverse_filter_and_interaction_aliases():
    assert fixed("PROFILE(account).TRAVERSE(r, c, FILTER(x == 1))", "L009") == \
        "PROFILE(account).TRAVERSE(r, FILTER(x == 1))"
    assert fixed("INTERACTION(EmailOpened, EmailOpened_ContactLink, e).HAVING(COUNT() > 0)", "L009") == \
        "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)"


def test_a_reference_in_any_case_counts_as_use():
    assert findings("PROFILE(contact, c).FILTER(C.x == 1)", "L009") == []
