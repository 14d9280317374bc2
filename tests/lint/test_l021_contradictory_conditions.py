import pytest

from lint_helpers import findings


@pytest.mark.parametrize("text, where, message", [
    ("PROFILE(contact).FILTER(address1_city == 'Seattle' && address1_city == 'Portland')", "1:55-1:82",
     "`address1_city == 'Portland'` contradicts `address1_city == 'Seattle'`: a value cannot equal both, so this "
     "`&&` chain is never true"),
    ("PROFILE(contact).FILTER(x > 5 && y == 1 && x < 3)", "1:44-1:49",
     "`x < 3` contradicts `x > 5`: the range is empty, so this `&&` chain is never true"),
    ("PROFILE(contact).FILTER(x == 1 && x != 1)", "1:35-1:41",
     "`x != 1` contradicts `x == 1`: a value cannot equal and differ from the same constant, so this `&&` chain "
     "is never true"),
    ("PROFILE(contact).FILTER(x == 10 && x < 5)", "1:36-1:41",
     "`x < 5` contradicts `x == 10`: 10 is not < 5, so this `&&` chain is never true"),
    ("PROFILE(contact).FILTER(5 < x && x <= 5)", "1:34-1:40",
     "`x <= 5` contradicts `5 < x`: the range is empty, so this `&&` chain is never true"),
    ("PROFILE(contact).FILTER(ISNULL(x) && x == 'a')", "1:38-1:46",
     "`x == 'a'` contradicts `ISNULL(x)`: no comparison is true when the value is null, so this `&&` chain is "
     "never true"),
    ("PROFILE(contact).FILTER(ISNULL(x) && ISNOTNULL(x))", "1:38-1:50",
     "`ISNOTNULL(x)` contradicts `ISNULL(x)`: a value cannot be null and not null, so this `&&` chain is never true"),
    ("PROFILE(contact).FILTER(birthdate > DATE(2000, 1, 1) && birthdate < DATE(1990, 1, 1))", "1:57-1:85",
     "`birthdate < DATE(1990, 1, 1)` contradicts `birthdate > DATE(2000, 1, 1)`: the range is empty, so this `&&` "
     "chain is never true"),
    ("PROFILE(contact).FILTER(x == 1 && (y == 2 && x == 3))", "1:46-1:52",
     "`x == 3` contradicts `x == 1`: a value cannot equal both, so this `&&` chain is never true"),
])
def test_contradictions(text, where, message):
    assert findings(text, "L021") == [("L021", where, message)]


@pytest.mark.parametrize("text", [
    "PROFILE(contact).FILTER(x == 'a' && x == 'A')",     # equal under the default case-insensitive collation
    "PROFILE(contact).FILTER(x >= 5 && x <= 5)",
    "PROFILE(contact).FILTER(x == 'a' || x == 'b')",
    "PROFILE(contact).FILTER(c.x == 1 && x == 2)",
])
def test_satisfiable_chains_pass(text):
    assert findings(text, "L021") == []
