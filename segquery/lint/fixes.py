"""Applying fixes: exact text edits, several per pass when they do not
overlap, and passes repeated until nothing is left to fix (like ruff)."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import field
from typing import Callable, Iterable

from segquery.diagnostics import Applicability, Diagnostic, Fix, TextEdit
from segquery.fast_dataclass import dataclass

MAX_FIX_PASSES = 20


def is_applicable(fix: Fix | None, *, unsafe: bool) -> bool:
    return fix is not None and (fix.applicability is Applicability.SAFE or unsafe)


def _conflict(first: TextEdit, second: TextEdit) -> bool:
    """Two edits conflict when their ranges overlap, touch, or start at the same offset.

    Touching edits of different fixes wait for the next pass: each fix was
    made for the text around it, and two deletions that meet could join the
    words on either side.
    """
    return first.start <= second.end and second.start <= first.end


def _well_formed(fix: Fix, length: int) -> bool:
    edits = sorted(fix.edits, key=lambda edit: (edit.start, edit.end))
    if any(not (0 <= edit.start <= edit.end <= length) for edit in edits):
        return False
    return all(a.end <= b.start and a.start != b.start for a, b in zip(edits, edits[1:]))


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, list[Diagnostic]]:
    """Apply every applicable fix that does not overlap one applied before it.

    Fixes are taken in order of position (then code), so the result does not
    depend on the order of `diagnostics`. Returns the new text and the
    diagnostics whose fixes were applied.
    """
    candidates = sorted((d for d in diagnostics if is_applicable(d.fix, unsafe=unsafe)),
                        key=lambda d: (min(e.start for e in d.fix.edits), d.code, d.sort_key()))  # type: ignore[union-attr]
    accepted = _AcceptedEdits()
    applied: list[Diagnostic] = []
    for diagnostic in candidates:
        fix = diagnostic.fix
        assert fix is not None
        if not fix.edits or not _well_formed(fix, len(text)):
            continue
        if any(accepted.conflicts(edit) for edit in fix.edits):
            continue
        accepted.add(fix.edits)
        applied.append(diagnostic)
    return apply_edits(text, accepted.edits), applied


class _AcceptedEdits:
    """The edits accepted so far, sorted by position. They never overlap, so the one
    that starts last before an edit's end is the only one that can conflict with it:
    a look-up is a binary search, and a pass over thousands of fixes stays n log n."""

    def __init__(self) -> None:
        self.edits: list[TextEdit] = []
        self._starts: list[int] = []

    def conflicts(self, edit: TextEdit) -> bool:
        index = bisect.bisect_right(self._starts, edit.end) - 1
        return index >= 0 and _conflict(self.edits[index], edit)

    def add(self, edits: Iterable[TextEdit]) -> None:
        for edit in edits:
            index = bisect.bisect_right(self._starts, edit.start)
            self._starts.insert(index, edit.start)
            self.edits.insert(index, edit)


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """Apply non-overlapping edits (offsets into `text`)."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end)):
        pieces.append(text[position:edit.start])
        pieces.append(edit.new_text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass
class FixResult:
    text: str
    fixed: Counter = field(default_factory=Counter)   # code -> number of fixes applied
    passes: int = 0
    converged: bool = True
    reverted: bool = False    # a pass produced a syntax error and was undone
    unfinished: list[Diagnostic] = field(default_factory=list)  # findings still fixable when the passes ran out

    @property
    def changed(self) -> bool:
        return sum(self.fixed.values()) > 0


def fix_until_stable(text: str, check: Callable[[str], list[Diagnostic]], *, unsafe: bool = False,
                     max_passes: int = MAX_FIX_PASSES) -> FixResult:
    """Check, apply the fixes, and check again until no fix applies.

    `check` returns the findings a fix may address (already filtered by
    selection and suppression). A pass whose result no longer parses while
    the text before it did is undone and ends the loop: a fix must never
    break a query.
    """
    result = FixResult(text)
    diagnostics = check(text)
    while result.passes < max_passes:
        new_text, applied = apply_fixes(result.text, diagnostics, unsafe=unsafe)
        if not applied or new_text == result.text:
            return result
        new_diagnostics = check(new_text)
        if _syntax_errors(new_diagnostics) and not _syntax_errors(diagnostics):
            result.reverted = True
            return result
        result.passes += 1
        result.fixed.update(d.code for d in applied)
        result.text, diagnostics = new_text, new_diagnostics
    result.unfinished = [d for d in diagnostics if is_applicable(d.fix, unsafe=unsafe)]
    result.converged = not result.unfinished
    return result


def _syntax_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.code.startswith("S") for d in diagnostics)
