from lint_helpers import findings, fixed


def test_words_become_symbols():
    text = "PROFILE(contact).FILTER(a == 1 and b == 2 OR c == 3)"
    assert findings(text, "L012") == [
        ("L012", "1:32-1:35", "`and` joins conditions: write `&&`"),
        ("L012", "1:43-1:45", "`OR` joins conditions: write `||`"),
    ]
    assert fixed(text, "L012") == "PROFILE(contact).FILTER(a == 1 && b == 2 || c == 3)"


def test_symbols_pass():
    assert findings("PROFILE(contact).FILTER(a == 1 && b == 2 || c == 3)", "L012") == []
