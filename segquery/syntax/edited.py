"""A text edited in one unit of its chain, parsed from that unit alone.

An editor changes one place at a time. When the text before the edit parsed
into one chain of calls (`PROFILE(...).FILTER(...).FILTER(...)`) and the edit
falls inside one *unit* of it (a call with the white space and comments
before it, or one operand of a FILTER's `a || b || ...` condition), the rest
of the text is needed only to confirm that it still parses as before:

* The LALR parser's state stack at the start of unit k depends on the units
  before it only through units 0, 1 and k-1 (`chain: call ("." call)*`
  reduces every earlier step into one symbol), so a stand-in made of those
  units' text puts the parser in the state the whole prefix would.
* From there the unit's new text is parsed in place (a slice of the real
  text, so every offset and message is the full parse's), until the first
  token after the unit (segquery/syntax/unit_parse.py).
* If the parser's stack there, and that token, are what a parse of the text
  before the edit had at the same token, the rest of the text goes exactly
  as it went then. (So it does if the token is the same and the stacks are
  the same once that token has made its reductions among the unit's own
  symbols: the parser then goes on from the same state over the same text.)

So when the unit's new text has a syntax error (most keystrokes leave one for
a moment: `c.city` becomes `.city` before it becomes `a.city`), the errors
found in the unit, with lark's error recovery, are every error of a full
parse, and the text has no tree. When it parses without one, the unit's new
subtree takes the old one's place in the previous tree
(segquery/syntax/graft.py).

Anything else (the text before was not one chain, the edit spans units, a
parenthesis left open, a different state after the unit, a graft that cannot
be shown to equal the full parse) returns None, and the caller parses the
whole text. tests/syntax/test_edited_parse.py proves the results equal full
parses.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from lark.exceptions import LarkError

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.source import SourceText, common_prefix_length, common_suffix_length
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.graft import graft
from segquery.syntax.or_operands import WHITE_SPACE, keep_grafted, or_operands
from segquery.syntax.previous_parse import PreviousParse
from segquery.syntax.recovery import ErrorRecovery
from segquery.syntax.scanner import scan
from segquery.syntax.unit_parse import (GiveUp, Unit, UnitParse, UnitStart, no_error_expected, parse_unit,
                                        state_after)

def parse_after_edit(previous: PreviousParse, source: SourceText,
                     dialect: Dialect) -> tuple[ast.Query | None, tuple[Diagnostic, ...]] | None:
    """The tree and diagnostics of a full parse of `source` (same dialect as `previous`), from the
    unit edited since `previous`; None when they cannot be shown from that unit alone."""
    try:
        return _after_edit(previous, source, dialect)
    except Exception:  # noqa: BLE001 - the full parse is the reference: it runs instead, as before
        return None


def _after_edit(previous: PreviousParse, source: SourceText,
                dialect: Dialect) -> tuple[ast.Query | None, tuple[Diagnostic, ...]] | None:
    before, text = previous.source.text, source.text
    prefix = common_prefix_length(before, text)
    suffix = common_suffix_length(before, text, min(len(before), len(text)) - prefix)
    unit = _edited_unit(before, previous.tree, prefix, len(before) - suffix)
    if unit is None:
        return None
    new_end = unit.end + len(text) - len(before)
    try:
        stack, values = state_after(unit.stand_in, dialect, unit.shared)
        old = parse_unit(before, previous.source, UnitStart(unit.start, unit.end, stack, values, dialect, None),
                         no_error_expected, stop_at_end=True)
    except (GiveUp, LarkError, RecursionError):
        return None
    if old.reached is None:
        return None  # (defensive: the parse stops at the token after the unit, or at the end)
    start = UnitStart(unit.start, new_end, stack, values, dialect, old.reached)
    new = _clean_parse(text, source, start)
    if new is not None:
        grafted = graft(unit, old, new, previous.tree, previous.diagnostics) if previous.clean else None
        if grafted is not None and unit.operand is not None:
            _keep_operands(previous.tree, unit.call, unit.operand, grafted[0], before, text)
        return grafted
    errors = _errors(unit, source, start)
    return None if errors is None else (None, errors)


def _clean_parse(text: str, source: SourceText, start: UnitStart) -> UnitParse | None:
    """The parse of the unit's new text when it has no error up to the token after the unit, and
    that token is the one the parse before the edit met there."""
    try:
        parse = parse_unit(text, source, start, no_error_expected, stop_at_end=True)
    except (GiveUp, LarkError, RecursionError):
        return None
    reached, expected = parse.reached, start.expected
    if reached is None or expected is None or reached.token != expected.token:
        return None
    return parse


def _errors(unit: Unit, source: SourceText, start: UnitStart) -> tuple[Diagnostic, ...] | None:
    """Every diagnostic of a full parse of a text whose edited unit has a syntax error."""
    text = source.text
    scanned = scan(source, start.dialect.lexicon)
    if not scanned.parseable or scanned.only_trivia or scanned.missing_closers or not scanned.sanitized.strip():
        return None
    sanitized = scanned.sanitized
    # The text around the unit must reach the parser as it did before (no string or comment
    # opened in the unit runs on past it, no character around it was blanked).
    if sanitized[:unit.start] != text[:unit.start] or sanitized[start.end:] != text[start.end:]:
        return None
    try:
        errors = _unit_errors(sanitized, source, scanned.problem_ends, start)
    except (GiveUp, LarkError, RecursionError):
        return None
    if not errors:
        return None
    return tuple(sorted_diagnostics([*scanned.diagnostics, *errors]))


def _edited_unit(before: str, tree: ast.Query, changed_start: int, changed_end: int) -> Unit | None:
    """The narrowest unit of `before` that holds the characters from `changed_start` to
    `changed_end`: a call of the chain (with what precedes it), or, in a FILTER step whose
    condition is an `||` of several operands, one operand (with the `||` before it)."""
    body = tree.body
    if not isinstance(body, ast.Chain) or body.parens:
        return None
    calls = (body.source, *body.steps)
    ends = [call.span.end for call in calls]
    ends[-1] = len(before)  # the last unit runs to the end of the text
    found = _unit_index(before, ends, 0, changed_start, changed_end, first_grows=False)
    if found is None:
        return None
    index, end = found
    start = ends[index - 1] if index else 0
    stand_in, shared = _stand_in(before, 0, ends, index), _shared(0, ends, index)
    operands = or_operands(before, calls[index])
    if operands is None:
        return Unit(start, end, stand_in, index, None, shared)
    operand_ends = operands.ends
    inner = _unit_index(before, operand_ends, start, changed_start, changed_end, first_grows=True)
    # The first operand's unit holds the `.FILTER(` before it, which a graft cannot change.
    if inner is None or (inner[0] == 0 and changed_start < operands.starts[0]):
        return Unit(start, end, stand_in, index, None, shared)
    operand, operand_end = inner
    operand_stand_in = _stand_in(before, start, operand_ends, operand)
    if operand_stand_in and stand_in:  # (the call's stand-in starts those of all its operands)
        shared = (*shared, len(stand_in), *[len(stand_in) + end for end in _shared(start, operand_ends, operand)])
    return Unit(operand_ends[operand - 1] if operand else start, operand_end, stand_in + operand_stand_in, index,
                operand, shared)


def _unit_index(before: str, ends: Sequence[int], first_start: int, changed_start: int, changed_end: int, *,
                first_grows: bool) -> tuple[int, int] | None:
    """Which of the units that start at `first_start` and end at `ends` holds the change, and
    where that unit ends (None when none does, or when the change may join the unit to the
    token before it). A change in the white space after a unit, before the next token, is text
    written at the end of that unit (`x == 1 ||` becoming `x == 1 && y == 2 ||`), which then
    ends where the change does; unless the unit is the first and `first_grows` is false."""
    ended = bisect_right(ends, changed_start) - 1
    if ended >= (0 if first_grows else 1) and not before[ends[ended]:changed_end].strip():
        index, end = ended, changed_end
    else:
        index = bisect_left(ends, changed_end)
        if index == len(ends):
            return None
        end = ends[index]
    start = ends[index - 1] if index else first_start
    if start > changed_start or not _apart_from_before(before, start, changed_start):
        return None
    return index, end


def _apart_from_before(before: str, start: int, changed_start: int) -> bool:
    """Whether the token before a unit stays whole whatever the change writes in the unit: it
    is a `)`, or the unit starts with white space that the change leaves (`y || x` edited into
    `yz|| x` would otherwise read the name `yz`)."""
    return (start == 0 or before[start - 1] == ")"
            or (changed_start > start and before[start] in WHITE_SPACE))


def _keep_operands(tree: ast.Query, call: int, operand: int, grafted: ast.Query, before: str, text: str) -> None:
    """Keep, for the next edit, the operands of the condition of call `call` that a graft into
    its operand `operand` made."""
    old_chain, new_chain = tree.body, grafted.body
    if isinstance(old_chain, ast.Chain) and isinstance(new_chain, ast.Chain):
        keep_grafted(before, old_chain.steps[call - 1], text, new_chain.steps[call - 1], operand,
                     len(text) - len(before))


def _unit_errors(sanitized: str, source: SourceText, problem_ends: list[int], start: UnitStart) -> list[Diagnostic]:
    """The grammar errors of the edited unit; raises GiveUp when the parse after it may differ."""
    recovery = ErrorRecovery(source, sanitized, problem_ends, start.dialect)
    reached = parse_unit(sanitized, source, start, recovery).reached
    if reached != start.expected and reached is not None:
        raise GiveUp
    if start.expected is not None and reached is None and not recovery.errors:
        raise GiveUp  # (defensive: a parse that stops early has reported why)
    return recovery.errors


def _shared(first_start: int, ends: Sequence[int], index: int) -> tuple[int, ...]:
    """Where the part of the stand-in of item `index` (`_stand_in`) that the stand-ins of the
    other items after the second start with ends: the first two items."""
    return (ends[1] - first_start,) if index > 2 else ()


def _stand_in(before: str, first_start: int, ends: Sequence[int], index: int) -> str:
    """Text that leaves the parser in the state the text from `first_start` to unit `index` does
    (for a list `x (SEP x)*` whose items end at `ends`, the grammar folds all but the last item
    before the unit into one symbol, so the first two items and the last one stand for them)."""
    if index <= 2:
        return before[first_start:ends[index - 1]] if index else ""
    return before[first_start:ends[1]] + before[ends[index - 2]:ends[index - 1]]
