from lint_helpers import findings, fixed


def test_minus_becomes_except():
    assert findings("SEGMENT(a) MINUS SEGMENT(b)", "L003") == [
        ("L003", "1:12-1:17", "`MINUS` is not the language's operator: write `EXCEPT`")]
    assert fixed("SEGMENT(a) minus SEGMENT(b) EXCEPT SEGMENT(c)", "L003") == \
        "SEGMENT(a) EXCEPT SEGMENT(b) EXCEPT SEGMENT(c)"


def test_except_passes():
    assert findings("SEGMENT(a) EXCEPT SEGMENT(b)", "L003") == []
