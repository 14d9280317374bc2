from lint_helpers import applicabilities, findings, fixed


def test_neutral_literals_are_removed():
    text = "PROFILE(contact).FILTER(TRUE).FILTER(statecode == 0 && TRUE)"
    assert findings(text, "L026") == [
        ("L026", "1:18-1:30", "FILTER(TRUE) keeps every record; it has no effect"),
        ("L026", "1:56-1:60", "`TRUE` in a `&&` chain has no effect"),
    ]
    assert fixed(text, "L026") == "PROFILE(contact).FILTER(statecode == 0)"
    assert fixed("PROFILE(contact).FILTER(a == 1 || FALSE)", "L026") == "PROFILE(contact).FILTER(a == 1)"
    assert fixed("PROFILE(account).TRAVERSE(r, c, FILTER(TRUE)).FILTER(c.x == 1)", "L026") == \
        "PROFILE(account).TRAVERSE(r, c).FILTER(c.x == 1)"


def test_deciding_literals_have_no_fix():
    text = "PROFILE(contact).FILTER(a == 1 && FALSE || TRUE)"
    assert findings(text, "L026") == [
        ("L026", "1:35-1:40", "`FALSE` makes this whole `&&` chain false"),
        ("L026", "1:44-1:48", "`TRUE` makes this whole `||` chain true"),
    ]
    assert applicabilities(text, "L026") == [None, None]
    assert findings("PROFILE(contact).FILTER(FALSE)", "L026") == [
        ("L026", "1:18-1:31", "FILTER(FALSE) keeps no record: the query selects nothing")]


def test_a_chain_of_literals_keeps_one_operand():
    assert applicabilities("PROFILE(contact).FILTER(TRUE && TRUE)", "L026") == [None, "safe"]
    assert fixed("PROFILE(contact).FILTER(TRUE && TRUE)", "L026") == "PROFILE(contact)"
