"""Quick fixes from diagnostics, and the fix-all action."""

from __future__ import annotations

from segquery.diagnostics import TextEdit
from segquery.engine import check_text
from segquery.ide import CodeAction, code_actions
from segquery.ide.code_actions import FIX_ALL, minimal_edit
from segquery.lint.fixes import apply_edits
from segquery.source import Span
from segquery.syntax.parser import parse_tolerant

TWO_EQUALS = "PROFILE(contact).FILTER(a = 1 && b = 2)"


def test_each_fix_touching_the_range_is_a_quick_fix_and_fix_all_combines_the_safe_ones():
    diagnostics = parse_tolerant(TWO_EQUALS).diagnostics
    actions = code_actions(TWO_EQUALS, diagnostics, Span(26, 26))
    assert actions == [
        CodeAction("Use `==` [S021]", "quickfix", (TextEdit(26, 27, "=="),), (diagnostics[0],), True),
        CodeAction("Fix all safe problems", FIX_ALL, (TextEdit(26, 27, "=="), TextEdit(35, 36, "==")),
                   (diagnostics[0], diagnostics[1])),
    ]
    assert apply_edits(TWO_EQUALS, actions[-1].edits) == "PROFILE(contact).FILTER(a == 1 && b == 2)"


def test_a_range_touching_no_diagnostic_gets_only_fix_all():
    diagnostics = parse_tolerant(TWO_EQUALS).diagnostics
    assert [action.kind for action in code_actions(TWO_EQUALS, diagnostics, Span(0, 5))] == [FIX_ALL]


def test_unsafe_fixes_are_offered_but_not_preferred_nor_applied_by_fix_all():
    text = "PROFILE(contact).FILTER(DateTimeNowUtc() > x)"
    diagnostics = parse_tolerant(text).diagnostics
    actions = code_actions(text, diagnostics, Span(30, 30))
    assert actions == [CodeAction("Rename to `DATETIMEUTCNOW` (may change the meaning) [S014]", "quickfix",
                                  (TextEdit(24, 38, "DATETIMEUTCNOW"),), (diagnostics[0],), False)]


def test_safe_fixes_come_before_unsafe_ones():
    text = "PROFILE(contact).FILTER(DateTimeNowUtc() = x)"
    diagnostics = parse_tolerant(text).diagnostics
    actions = code_actions(text, diagnostics, Span(0, len(text)))
    assert [(action.title, action.is_preferred) for action in actions] == [
        ("Use `==` [S021]", True),
        ("Rename to `DATETIMEUTCNOW` (may change the meaning) [S014]", False),
        ("Fix all safe problems", False),
    ]


def test_fix_all_with_a_check_repeats_until_stable_and_gives_one_minimal_edit():
    text = 'profile(contact).FILTER(a = "x")'

    def check(current: str):
        return check_text(current).diagnostics

    [action] = [a for a in code_actions(text, check(text), Span(0, 0), check=check) if a.kind == FIX_ALL]
    assert apply_edits(text, action.edits) == "PROFILE(contact).FILTER(a == 'x')"
    assert action.edits == (TextEdit(0, 31, "PROFILE(contact).FILTER(a == 'x'"),)


def test_no_fix_all_without_safe_fixes():
    assert code_actions("PROFILE(contact)", [], Span(0, 0)) == []


def test_minimal_edit_keeps_common_prefix_and_suffix():
    assert minimal_edit("abcXdef", "abcYYdef") == TextEdit(3, 4, "YY")
    assert minimal_edit("same", "same") == TextEdit(4, 4, "")
    assert minimal_edit("aaa", "aa") == TextEdit(2, 3, "")
