"""Every syntax code's documented example is reported with that code, and its
"use instead" text is clean of syntax errors (the docs cannot drift from the parser)."""

import pytest

from segquery import parse_tolerant
from segquery.rules import Category, all_rules
from segquery.syntax.dialects import dialect_named

SYNTAX_RULES = [rule for rule in all_rules() if rule.category is Category.SYNTAX and rule.code.startswith("S")]


def test_every_syntax_code_is_documented():
    assert [rule.code for rule in SYNTAX_RULES] == [f"S{number:03d}" for number in (*range(1, 27), *range(30, 36))]
    for rule in SYNTAX_RULES:
        assert rule.summary and rule.what_it_does and rule.why, rule.code


@pytest.mark.parametrize("rule", [rule for rule in SYNTAX_RULES if rule.example and "..." not in rule.example],
                         ids=lambda rule: rule.code)
def test_documented_example_reports_the_code(rule):
    dialect = dialect_named(rule.dialects[0] if rule.dialects else "outbound")
    codes = [diagnostic.code for diagnostic in parse_tolerant(rule.example, dialect=dialect).diagnostics]
    assert rule.code in codes
    if rule.use_instead:
        assert [d.code for d in parse_tolerant(rule.use_instead, dialect=dialect).diagnostics
                if d.code.startswith("S")] == []
