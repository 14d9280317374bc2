from lint_helpers import applicabilities, findings, fixed


def test_repeated_condition_is_removed():
    text = "PROFILE(contact).FILTER(address1_city == 'Seattle' && statecode == 0 && address1_city == 'Seattle')"
    assert findings(text, "L020") == [
        ("L020", "1:73-1:99", "`address1_city == 'Seattle'` repeats a condition of this `&&` chain (line 1, column 25); "
                              "the repetition has no effect")]
    assert fixed(text, "L020") == "PROFILE(contact).FILTER(address1_city == 'Seattle' && statecode == 0)"


def test_layout_and_parentheses_do_not_hide_a_repetition():
    text = "PROFILE(contact).FILTER(a == 1 || (a == 1) || a  ==  1)"
    assert [where for _, where, _ in findings(text, "L020")] == ["1:35-1:43", "1:47-1:55"]
    assert fixed(text, "L020") == "PROFILE(contact).FILTER(a == 1)"


def test_removing_a_comment_makes_the_fix_unsafe():
    text = "PROFILE(contact).FILTER(a == 1 && /* again */ a == 1)"
    assert applicabilities(text, "L020") == ["unsafe"]
    assert fixed(text, "L020") == text


def test_different_conditions_pass():
    assert findings("PROFILE(contact).FILTER(a == 1 && a == 2)", "L020") == []
