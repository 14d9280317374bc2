from lint_helpers import findings


def test_constants_and_self_comparisons():
    text = "PROFILE(contact).FILTER(1 == 1 && x == x && x != x && 'a' == 'b' && 'a' == 'A')"
    assert findings(text, "L022") == [
        ("L022", "1:25-1:31", "`1 == 1` compares two constants: it is always true"),
        ("L022", "1:35-1:41", "`x == x` compares a value with itself: it is true for every record where the value "
                              "is not null; write `ISNOTNULL(...)` if that is meant"),
        ("L022", "1:45-1:51", "`x != x` compares a value with itself: it is never true"),
        ("L022", "1:55-1:65", "`'a' == 'b'` compares two constants: it is always false"),
    ]


def test_dates_are_constants_too():
    assert findings("PROFILE(contact).FILTER(DATE(2024, 1, 1) > DATE(2025, 1, 1))", "L022") == [
        ("L022", "1:25-1:60", "`DATE(2024, 1, 1) > DATE(2025, 1, 1)` compares two constants: it is always false")]


def test_comparisons_with_the_record_pass():
    assert findings("PROFILE(contact).FILTER(x == 1 && x == y && DATEDIFF(DAY, a, b) > 1)", "L022") == []
