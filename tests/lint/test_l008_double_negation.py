from lint_helpers import findings, fixed


def test_double_negation_is_removed_with_parentheses_where_needed():
    text = "PROFILE(contact).FILTER(NOT(NOT(a == 1 || b == 2)) && c == 1)"
    assert findings(text, "L008") == [
        ("L008", "1:25-1:51", "double negation: `NOT(NOT(a == 1 || b == 2))` is the condition itself")]
    assert fixed(text, "L008") == "PROFILE(contact).FILTER((a == 1 || b == 2) && c == 1)"
    assert fixed("PROFILE(contact).FILTER(NOT(NOT(ISNULL(x))))", "L008") == "PROFILE(contact).FILTER(ISNULL(x))"


def test_single_negation_passes():
    assert findings("PROFILE(contact).FILTER(NOT(ISNULL(x)))", "L008") == []
