from lint_helpers import applicabilities, findings, fixed


def test_comparison_with_the_empty_string_offers_an_unsafe_null_test():
    text = "PROFILE(contact).FILTER(emailaddress1 == '' || '' != x)"
    assert findings(text, "L024") == [
        ("L024", "1:25-1:44", "`emailaddress1 == ''` compares with the empty string, but Dataverse stores empty text "
                              "as null: write `ISNULL(emailaddress1)`"),
        ("L024", "1:48-1:55", "`'' != x` compares with the empty string, but Dataverse stores empty text as null: "
                              "write `ISNOTNULL(x)`"),
    ]
    assert applicabilities(text, "L024") == ["unsafe", "unsafe"]
    assert fixed(text, "L024") == text
    assert fixed(text, "L024", unsafe=True) == "PROFILE(contact).FILTER(ISNULL(emailaddress1) || ISNOTNULL(x))"


def test_parentheses_are_kept():
    assert fixed("PROFILE(contact).FILTER((x == '') && y == 1)", "L024", unsafe=True) == \
        "PROFILE(contact).FILTER((ISNULL(x)) && y == 1)"


def test_two_literals_pass():
    assert findings("PROFILE(contact).FILTER('' == '')", "L024") == []
