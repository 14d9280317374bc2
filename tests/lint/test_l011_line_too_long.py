from lint_helpers import findings
from segquery.lint import lint
from segquery.syntax.parser import parse_tolerant

LONG = "PROFILE(contact).FILTER(" + "a == 1 && " * 10 + "b == 2)"


def test_reports_the_part_beyond_the_limit():
    assert findings(LONG, "L011") == [("L011", "1:89-1:132", "line is 131 characters long; the limit is 88")]


def test_limit_comes_from_the_setting_and_directives_do_not_count():
    result = parse_tolerant(LONG)
    assert [d.message for d in lint(result.query, result.source, enabled=lambda c: c == "L011",
                                    line_length=140)] == []
    text = "PROFILE(contact).FILTER(a == 1) // segquery: ignore[L001, L002, L003, L004, L005, L006, L007, L008, L009, L010]"
    assert findings(text, "L011") == []


def test_off_by_default():
    result = parse_tolerant(LONG)
    assert "L011" not in {d.code for d in lint(result.query, result.source)}
    assert "L011" in {d.code for d in lint(result.query, result.source, enabled=lambda c: True)}
