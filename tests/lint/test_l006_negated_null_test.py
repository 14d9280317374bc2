from lint_helpers import applicabilities, findings, fixed


def test_negated_null_tests_become_the_opposite_test():
    text = "PROFILE(contact).FILTER(NOT(ISNULL(emailaddress1)) && NOT(ISNOTNULL(x)))"
    assert findings(text, "L006") == [
        ("L006", "1:25-1:51", "`NOT(ISNULL(...))` is `ISNOTNULL(...)`: write `ISNOTNULL(emailaddress1)`"),
        ("L006", "1:55-1:72", "`NOT(ISNOTNULL(...))` is `ISNULL(...)`: write `ISNULL(x)`"),
    ]
    assert fixed(text, "L006") == "PROFILE(contact).FILTER(ISNOTNULL(emailaddress1) && ISNULL(x))"


def test_a_fix_that_would_drop_a_comment_is_unsafe():
    text = "PROFILE(contact).FILTER(NOT(/* why */ ISNULL(x)))"
    assert applicabilities(text, "L006") == ["unsafe"]
    assert fixed(text, "L006") == text
    assert fixed(text, "L006", unsafe=True) == "PROFILE(contact).FILTER(ISNOTNULL(x))"


def test_other_negations_pass():
    assert findings("PROFILE(contact).FILTER(NOT(x == 1))", "L006") == []
