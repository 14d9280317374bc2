"""V033: option set attributes are compared with their option codes.

The option-values rule's findings, pinned by code, range and message."""

from semantic_helpers import findings, fixed, only


def test_option_set_compared_with_labels_and_unknown_codes():
    text = "PROFILE(contact).FILTER(gendercode == 'Female' && accountrolecode == 7 && donotemail == 'Do Not Allow')"
    assert findings(text) == [
        ("V033", "1:39-1:47", "`gendercode` holds option codes, not labels: 'Female' is `2`"),
        ("V033", "1:70-1:71", "`7` is not an option of `accountrolecode`; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
        ("V033", "1:89-1:103", "`donotemail` holds true or false, not labels: 'Do Not Allow' is `true`"),
    ]


def test_option_label_fix():
    text = "PROFILE(contact).FILTER(gendercode == 'female')"
    diagnostic = only(text)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(gendercode == 2)"


def test_option_label_that_matches_nothing():
    assert findings("PROFILE(contact).FILTER(accountrolecode == 'Boss')") == [
        ("V033", "1:44-1:50", "`accountrolecode` holds option codes, not labels; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
    ]
    assert findings("PROFILE(contact).FILTER(accountrolecode == 1.5)") == [
        ("V033", "1:44-1:47", "`1.5` is not an option of `accountrolecode`; its options are 1 (Decision Maker), "
                              "2 (Employee), 3 (Influencer)"),
    ]
