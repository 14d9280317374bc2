"""Applying fixes: exact edits, conflicts, applicability, the bounded loop."""

from __future__ import annotations

from segquery.diagnostics import Applicability, Fix, TextEdit, make_diagnostic
from segquery.lint.fixes import apply_edits, apply_fixes, fix_until_stable
from segquery.source import SourceText

TEXT = "abcdefghij"


def finding(code: str, *edits: tuple[int, int, str], unsafe: bool = False):
    fix = Fix("fix", tuple(TextEdit(*edit) for edit in edits),
              Applicability.UNSAFE if unsafe else Applicability.SAFE)
    return make_diagnostic(SourceText(TEXT), code, "m", edits[0][0], edits[0][1], severity=None, fix=fix)


def test_edits_apply_at_their_offsets():
    assert apply_edits(TEXT, [TextEdit(8, 10, "X"), TextEdit(0, 1, ""), TextEdit(4, 4, "+")]) == "bcd+efghX"


def test_overlapping_and_touching_fixes_wait_for_the_next_pass():
    first, overlapping, touching, apart = (finding("L001", (2, 5, "X")), finding("L002", (4, 6, "Y")),
                                           finding("L003", (5, 6, "Z")), finding("L004", (8, 9, "W")))
    text, applied = apply_fixes(TEXT, [apart, touching, overlapping, first])
    assert text == "abXfghWj"
    assert [d.code for d in applied] == ["L001", "L004"]


def test_unsafe_fixes_need_permission():
    unsafe = finding("L024", (0, 1, "Q"), unsafe=True)
    assert apply_fixes(TEXT, [unsafe]) == (TEXT, [])
    assert apply_fixes(TEXT, [unsafe], unsafe=True)[0] == "Qbcdefghij"


def test_a_fix_with_overlapping_edits_is_never_applied():
    assert apply_fixes(TEXT, [finding("L001", (0, 3, "X"), (2, 4, "Y"))]) == (TEXT, [])


def test_the_loop_stops_when_nothing_is_left():
    def check(text):
        return [finding("L001", (0, 1, ""))] if text.startswith("a") else []
    result = fix_until_stable("aaab", check)
    assert (result.text, dict(result.fixed), result.passes, result.converged) == ("b", {"L001": 3}, 3, True)


def test_the_loop_is_bounded():
    def check(text):
        return [make_diagnostic(SourceText(text), "L001", "m", 0, 0, fix=Fix.replace("grow", 0, 0, "x"))]
    result = fix_until_stable("", check, max_passes=5)
    assert (len(result.text), result.passes, result.converged) == (5, 5, False)


def test_a_pass_that_breaks_the_query_is_undone():
    def check(text):
        source = SourceText(text)
        if "(" not in text:
            return [make_diagnostic(source, "S005", "broken", 0, 0)]
        return [make_diagnostic(source, "L005", "m", 0, 1, fix=Fix.replace("drop", 0, 1, ""))]
    result = fix_until_stable("(x)", check)
    assert (result.text, result.reverted, result.changed) == ("(x)", True, False)
