"""One fix pass over thousands of fixes is n log n: each fix is checked against
the accepted edits by a binary search, not against every one of them."""

from __future__ import annotations

from work import assert_linear

from segquery.diagnostics import Fix, make_diagnostic
from segquery.lint.fixes import apply_fixes
from segquery.source import SourceText


def _keywords(size: int):
    """`or or or ...`, each word with a fix to `OR`, and every second one also with a touching fix."""
    text = " ".join(["or"] * size)
    source = SourceText(text)
    diagnostics = [make_diagnostic(source, "L001", "m", 3 * index, 3 * index + 2,
                                   fix=Fix.replace("Write `OR`", 3 * index, 3 * index + 2, "OR"))
                   for index in range(size)]
    diagnostics += [make_diagnostic(source, "L012", "m", 3 * index + 2, 3 * index + 3,
                                    fix=Fix.replace("Remove the space", 3 * index + 2, 3 * index + 3, ""))
                    for index in range(0, size - 1, 2)]
    return text, diagnostics


def test_a_pass_over_many_fixes_applies_the_non_conflicting_ones_in_n_log_n():
    def work(size: int):
        text, diagnostics = _keywords(size)
        return lambda: apply_fixes(text, diagnostics)
    assert_linear(work, 500, factor=1.25)


def test_touching_fixes_wait_for_the_next_pass():
    text, diagnostics = _keywords(4)
    fixed, applied = apply_fixes(text, diagnostics)
    assert fixed == "OR OR OR OR"
    assert [d.code for d in applied] == ["L001", "L001", "L001", "L001"]
