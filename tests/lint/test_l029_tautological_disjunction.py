import pytest

from lint_helpers import findings

WITH_VALUE = "holds for every record where the value is not null, so this `||` chain keeps all of them"


@pytest.mark.parametrize("text, where, message", [
    ("PROFILE(contact).FILTER(address1_country != 'USA' || address1_country != 'Canada')", "1:54-1:82",
     f"`address1_country != 'USA'` or `address1_country != 'Canada'` {WITH_VALUE}"),
    ("PROFILE(contact).FILTER(ISNULL(y) || ISNOTNULL(y))", "1:38-1:50",
     "`ISNULL(y)` or `ISNOTNULL(y)` holds for every record, so this `||` chain is always true"),
    ("PROFILE(contact).FILTER(x == 1 || x != 1)", "1:35-1:41", f"`x == 1` or `x != 1` {WITH_VALUE}"),
    ("PROFILE(contact).FILTER(x > 5 || x <= 5)", "1:34-1:40", f"`x > 5` or `x <= 5` {WITH_VALUE}"),
    ("PROFILE(contact).FILTER(x < 10 || x > 3)", "1:35-1:40", f"`x < 10` or `x > 3` {WITH_VALUE}"),
])
def test_pairs_that_cover_every_value(text, where, message):
    assert findings(text, "L029") == [("L029", where, message)]


@pytest.mark.parametrize("text", [
    "PROFILE(contact).FILTER(x > 5 || x < 3)",
    "PROFILE(contact).FILTER(x > 5 || x < 5)",
    "PROFILE(contact).FILTER(x != 'a' || x != 'A')",
])
def test_gaps_pass(text):
    assert findings(text, "L029") == []
