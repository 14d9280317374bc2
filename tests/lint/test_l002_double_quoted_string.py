from lint_helpers import findings, fixed


def test_double_quoted_string_is_rewritten_with_escaped_quote():
    text = 'PROFILE(contact).FILTER(x == "it\'s")'
    assert findings(text, "L002") == [("L002", "1:30-1:36", "strings are single-quoted: write 'it\\'s'")]
    assert fixed(text, "L002") == "PROFILE(contact).FILTER(x == 'it\\'s')"


def test_single_quoted_strings_pass():
    assert findings("PROFILE(contact).FILTER(x == 'a' && y == '\"')", "L002") == []
