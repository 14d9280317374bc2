from lint_helpers import findings, fixed, lint_text

from segquery.lint.fixes import apply_fixes


def test_double_negation_is_removed_with_parentheses_where_needed():
    text = "PROFILE(contact).FILTER(NOT(NOT(a == 1 || b == 2)) && c == 1)"
    assert findings(text, "L008") == [
        ("L008", "1:25-1:51", "double negation: `NOT(NOT(a == 1 || b == 2))` is the condition itself")]
    assert fixed(text, "L008") == "PROFILE(contact).FILTER((a == 1 || b == 2) && c == 1)"
    assert fixed("PROFILE(contact).FILTER(NOT(NOT(ISNULL(x))))", "L008") == "PROFILE(contact).FILTER(ISNULL(x))"


def test_single_negation_passes():
    assert findings("PROFILE(contact).FILTER(NOT(ISNULL(x)))", "L008") == []


def _nested(count: int, condition: str = "a == 1") -> str:
    return "PROFILE(contact).FILTER(" + "NOT(" * count + condition + ")" * count + ")"


def test_a_run_of_negations_is_one_finding_with_one_fix():
    assert findings(_nested(4), "L008") == [
        ("L008", "1:25-1:51", "4 nested negations around `a == 1`: they cancel out to the condition itself")]
    assert fixed(_nested(4), "L008") == "PROFILE(contact).FILTER(a == 1)"
    assert findings(_nested(3, "a == 1 || b == 2"), "L008") == [
        ("L008", "1:25-1:56", "3 nested negations around `a == 1 || b == 2`: they cancel out to one `NOT`")]
    assert fixed(_nested(3, "a == 1 || b == 2"), "L008") == "PROFILE(contact).FILTER(NOT(a == 1 || b == 2))"


def test_forty_two_nested_negations_are_fixed_in_one_pass():
    text = _nested(42)
    result = lint_text(text, "L008")
    assert [(d.code, d.fix.message) for d in result] == [("L008", "Remove 42 NOTs")]
    new_text, applied = apply_fixes(text, result)
    assert (new_text, len(applied)) == ("PROFILE(contact).FILTER(a == 1)", 1)
    assert apply_fixes(_nested(43), lint_text(_nested(43), "L008"))[0] == "PROFILE(contact).FILTER(NOT(a == 1))"
