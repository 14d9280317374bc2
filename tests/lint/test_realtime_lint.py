"""Lint in the real-time journeys dialect: which rules run, the real-time rules
(L030-L032), and the rules that read RELATE steps and IN lists."""

from __future__ import annotations

from hypothesis import given, settings

from lint_helpers import applicabilities, findings, fixed
from lint_strategies import realtime_lint_trees
from realtime_strategies import realtime_query_texts
from segquery.lint import FixEffect, lint, lint_rules, normal_form
from segquery.lint.fixes import fix_until_stable
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse, parse_tolerant
from segquery.syntax.realtime import REALTIME

RT = {"dialect": REALTIME}


def _default_codes(text: str, dialect) -> list[str]:
    """The codes of the default-enabled lint rules' findings (the text may have syntax findings)."""
    result = parse_tolerant(text, dialect=dialect)
    return [d.code for d in lint(result.query, result.source, dialect=dialect)]


# ---------------------------------------------------------------- which rules run


def test_each_rule_names_the_dialects_it_runs_in():
    assert {rule.code: rule.info.dialects for rule in lint_rules() if rule.info.dialects} == {
        "L002": ("outbound",), "L003": ("outbound",), "L009": ("outbound",), "L010": ("outbound",),
        "L012": ("outbound",), "L025": ("outbound",), "L027": ("outbound",), "L030": ("realtime",), "L031": ("realtime",), "L032": ("realtime",),
    }


def test_outbound_only_rules_do_not_run_in_real_time():
    text = ("PROFILE(contact).FILTER(a == \"x\" and b == 1) MINUS "
            "PROFILE(contact).FILTER(c == 1).DISTINCT().FILTER(d == 1).DISTINCT()"
            ".TRAVERSE(r).TRAVERSE(r)")
    assert _default_codes(text, REALTIME) == ["L030"]
    assert _default_codes(text, OUTBOUND) == ["L002", "L012", "L003", "L025", "L027"]


def test_real_time_rules_do_not_run_in_outbound():
    assert _default_codes("PROFILE(contact).FILTER(a == 1 AND b == 2)", OUTBOUND) == ["L012"]
    assert _default_codes("PROFILE(contact).FILTER(a == 1 AND b == 2)", REALTIME) == ["L030"]


def test_real_time_rules_on_by_default():
    assert _default_codes("PROFILE(contact).FILTER(a IN [1, 1] || b IN [2])", REALTIME) == ["L031"]


# ---------------------------------------------------------------- L030


def test_l030_reports_each_word_with_the_evidence():
    text = "PROFILE(contact).FILTER(a == 1 and (b == 2 Or c == 3) AND d == 4)"
    reason = " (a live real-time journeys service rejected the words)"
    assert findings(text, "L030", **RT) == [
        ("L030", "1:32-1:35", "`and` joins conditions: write `&&`" + reason),
        ("L030", "1:44-1:46", "`Or` joins conditions: write `||`" + reason),
        ("L030", "1:55-1:58", "`AND` joins conditions: write `&&`" + reason),
    ]
    assert fixed(text, "L030", **RT) == "PROFILE(contact).FILTER(a == 1 && (b == 2 || c == 3) && d == 4)"


def test_l030_leaves_symbols_alone():
    assert findings("PROFILE(contact).FILTER(a == 1 && b == 2 || c == 3)", "L030", **RT) == []


def test_l030_fix_keeps_a_space_between_words():
    assert fixed("PROFILE(contact).FILTER(a == 1 AND(b == 2))", "L030", **RT) == \
        "PROFILE(contact).FILTER(a == 1 &&(b == 2))"


# ---------------------------------------------------------------- L031


def test_l031_reports_and_removes_a_repeated_value():
    text = "PROFILE(contact).FILTER(industrycode IN [16, 24, 16, 24.0, 7])"
    assert findings(text, "L031", **RT) == [
        ("L031", "1:50-1:52", "`16` is already in this IN list (line 1, column 42); the repetition has no effect"),
        ("L031", "1:54-1:58", "`24.0` is already in this IN list (line 1, column 46); the repetition has no effect"),
    ]
    assert fixed(text, "L031", **RT) == "PROFILE(contact).FILTER(industrycode IN [16, 24, 7])"


def test_l031_repeated_first_value_and_strings():
    assert fixed("PROFILE(contact).FILTER(city IN ['a', 'a', 'A', 'b'])", "L031", **RT) == \
        "PROFILE(contact).FILTER(city IN ['a', 'A', 'b'])"
    assert fixed("PROFILE(contact).FILTER(code IN [(1), 1])", "L031", **RT) == \
        "PROFILE(contact).FILTER(code IN [(1)])"


def test_l031_fix_is_unsafe_over_a_comment():
    text = "PROFILE(contact).FILTER(code IN [1, /* again */ 1])"
    assert applicabilities(text, "L031", **RT) == ["unsafe"]
    assert fixed(text, "L031", **RT) == text
    assert fixed(text, "L031", unsafe=True, **RT) == "PROFILE(contact).FILTER(code IN [1])"


# ---------------------------------------------------------------- L032


def test_l032_is_off_by_default():
    assert _default_codes("PROFILE(contact).FILTER(industrycode IN [16])", REALTIME) == []


def test_l032_rewrites_a_one_value_list_to_a_comparison():
    text = "PROFILE(contact).FILTER(industrycode IN [ 16 ] && city IN ['Oslo'])"
    assert findings(text, "L032", **RT) == [
        ("L032", "1:38-1:47", "the IN list holds one value: write `== 16`"),
        ("L032", "1:56-1:67", "the IN list holds one value: write `== 'Oslo'`"),
    ]
    assert fixed(text, "L032", **RT) == "PROFILE(contact).FILTER(industrycode == 16 && city == 'Oslo')"


def test_l032_keeps_the_value_as_written_and_reports_longer_lists_never():
    assert fixed("PROFILE(contact).FILTER((a) in [(1 + 2)])", "L032", **RT) == \
        "PROFILE(contact).FILTER((a) == (1 + 2))"
    assert findings("PROFILE(contact).FILTER(a IN [1, 2])", "L032", **RT) == []


def test_l032_fix_is_unsafe_over_a_comment():
    assert applicabilities("PROFILE(contact).FILTER(a IN [1 /* one */])", "L032", **RT) == ["unsafe"]


# ---------------------------------------------------------------- rules that read the new nodes


def test_l001_reads_in_and_relate():
    text = "PROFILE(contact).relateoptional(contact_customer_accounts, a, Relate(r, b)).FILTER(b.x in [1, 2])"
    assert findings(text, "L001", **RT) == [
        ("L001", "1:18-1:32", "`relateoptional` is a keyword: write it in upper case, `RELATEOPTIONAL`"),
        ("L001", "1:63-1:69", "`Relate` is a keyword: write it in upper case, `RELATE`"),
        ("L001", "1:88-1:90", "`in` is a keyword: write it in upper case, `IN`"),
    ]
    assert fixed(text, "L001", **RT) == \
        "PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, a, RELATE(r, b)).FILTER(b.x IN [1, 2])"


def test_l005_parentheses_in_an_in_list():
    text = "PROFILE(contact).FILTER((a) IN [(1), (2 + 3), -(4)] && ((b IN [1])))"
    assert findings(text, "L005", **RT) == [
        ("L005", "1:25-1:28", "redundant parentheses around `(a)`"),
        ("L005", "1:33-1:36", "redundant parentheses around `(1)`"),
        ("L005", "1:38-1:45", "redundant parentheses around `(2 + 3)`"),
        ("L005", "1:48-1:51", "redundant parentheses around `(4)`"),
        ("L005", "1:56-1:68", "redundant parentheses around `((b IN [1]))`"),
    ]
    assert fixed(text, "L005", **RT) == "PROFILE(contact).FILTER(a IN [1, 2 + 3, -4] && b IN [1])"


def test_outbound_qualification_rules_leave_relate_to_the_validator():
    text = ("PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(name == 'x')"
            ".RELATE(r, b).FILTER(b.x == 1 && y == 2)")
    assert _default_codes(text, REALTIME) == []


def test_l020_reads_in_lists_by_their_meaning():
    assert findings("PROFILE(contact).FILTER(a IN [1, 1] && a == 1 || b IN [2, 3] || b IN [3, 2])", "L020",
                    **RT) == [
        ("L020", "1:40-1:46", "`a == 1` repeats a condition of this `&&` chain (line 1, column 25); the "
                              "repetition has no effect"),
    ]


# ---------------------------------------------------------------- the identities the fixes rely on


def test_normal_form_of_in_lists():
    def form(condition: str):
        return normal_form(parse(f"PROFILE(contact).FILTER({condition})", dialect=REALTIME))

    assert form("a IN [1, 2, 1]") == form("a IN [1, 2]")
    assert form("a IN [1, 1.0]") == form("a == 1")
    assert form("a IN ['x', 'X']") != form("a IN ['x']")
    assert form("a IN [1, 2]") != form("a IN [2, 1]")


# ---------------------------------------------------------------- fixes keep their promise in real-time


def _checker(enabled):
    def check(text: str):
        result = parse_tolerant(text, dialect=REALTIME)
        if result.query is None:
            return list(result.diagnostics)
        return list(result.diagnostics) + lint(result.query, result.source, enabled=enabled, dialect=REALTIME)
    return check


def _fixed_tree(text: str, enabled):
    result = fix_until_stable(text, _checker(enabled))
    assert not result.reverted and result.converged, (text, result.text)
    after = parse_tolerant(result.text, dialect=REALTIME)
    assert after.ok, (text, result.text, after.diagnostics)
    return after.query


@settings(max_examples=40)
@given(realtime_query_texts(realtime_lint_trees))
def test_real_time_safe_fixes_keep_the_normal_form_and_tree_keeping_ones_the_tree(text):
    before = parse(text, dialect=REALTIME)
    assert normal_form(_fixed_tree(text, lambda code: True)) == normal_form(before), text
    keeping = {rule.code for rule in lint_rules() if rule.fix_effect is FixEffect.KEEPS_TREE}
    assert _fixed_tree(text, keeping.__contains__) == before, text
    for code in ("L031", "L032"):
        assert normal_form(_fixed_tree(text, code.__eq__)) == normal_form(before), (code, text)
