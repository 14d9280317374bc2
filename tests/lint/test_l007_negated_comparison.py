from lint_helpers import findings, fixed


def test_each_comparison_gets_its_opposite():
    text = "PROFILE(contact).FILTER(NOT(address1_country == 'USA') && NOT(a > 2) && NOT(b <= c))"
    assert findings(text, "L007") == [
        ("L007", "1:25-1:55", "`NOT(... == ...)` is `... != ...`: write `address1_country != 'USA'`"),
        ("L007", "1:59-1:69", "`NOT(... > ...)` is `... <= ...`: write `a <= 2`"),
        ("L007", "1:73-1:84", "`NOT(... <= ...)` is `... > ...`: write `b > c`"),
    ]
    assert fixed(text, "L007") == "PROFILE(contact).FILTER(address1_country != 'USA' && a <= 2 && b > c)"


def test_parentheses_are_added_where_a_comparison_cannot_stand_bare():
    assert fixed("PROFILE(contact).FILTER(NOT(a == 1) == TRUE)", "L007") == \
        "PROFILE(contact).FILTER((a != 1) == TRUE)"
