"""The syntax errors of an edited text, from a parse of the edited call alone.

An editor changes one place at a time, and most keystrokes leave a syntax
error for a moment (`c.city` becomes `.city` before it becomes `a.city`). A
full parse of such a text runs lark's error recovery over every token of the
file. When the text before the edit parsed into one chain of calls
(`PROFILE(...).FILTER(...).FILTER(...)`) and the edit falls inside one *unit*
of it (a call with the white space and comments before it), the rest is
needed only to confirm that it still parses as before:

* The LALR parser's state stack at the start of unit k depends on the units
  before it only through units 0, 1 and k-1 (`chain: call ("." call)*`
  reduces every earlier step into one symbol), so a stand-in made of those
  units' text puts the parser in the state the whole prefix would.
* From there the unit's new text is parsed in place (a slice of the real
  text, so every offset and message is the full parse's), with the same
  error recovery, until the first token after the unit.
* If the parser's stack there, and that token, are what a parse of the text
  before the edit had at the same token, the rest of the text goes exactly
  as it went then: without an error. The errors found in the unit are then
  every error of a full parse.

Anything else (the text before was not one chain, the edit spans units, a
parenthesis left open, a different state after the unit, an edit that leaves
no error and so needs a tree) returns None, and the caller parses the whole
text. tests/syntax/test_edited_parse.py proves the results equal full parses.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass
from typing import Any

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import LexerState, LexerThread, Token
from lark.parsers.lalr_parser_state import ParserState
from lark.utils import TextSlice

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.builder import CURRENT, BuildContext
from segquery.syntax.dialect import Dialect
from segquery.syntax.grammar import lalr_parser
from segquery.syntax.recovery import ErrorRecovery
from segquery.syntax.scanner import scan


OnError = Callable[[UnexpectedInput], bool]
_WHITE_SPACE = " \t\r\n\f"


class _GiveUp(Exception):
    """The edited unit cannot be parsed apart from the rest of the text."""


@dataclass(frozen=True)
class _AfterUnit:
    """Where a parse of a unit stopped: the parser's state stack before the first token
    after the unit, and that token's kind, text and distance from the unit's end."""

    stack: tuple[Any, ...]
    token: tuple[str, str, int]


class _Reached(Exception):
    def __init__(self, after: _AfterUnit) -> None:
        super().__init__()
        self.after = after


class _UpToBoundary(LexerThread):
    """lark's lexer thread, stopping the parse at the first token at or after `boundary`
    (before the parser reads it)."""

    def __init__(self, lexer: Any, state: LexerState, boundary: int) -> None:
        super().__init__(lexer, state)
        self.boundary = boundary

    def __copy__(self) -> _UpToBoundary:
        assert self.state is not None  # made with a state, which copies keep
        return _UpToBoundary(self.lexer, copy(self.state), self.boundary)

    def lex(self, parser_state: ParserState) -> Iterator[Token]:
        for token in super().lex(parser_state):
            start, end = token.start_pos, token.end_pos
            if start is None or end is None:
                raise _GiveUp
            if start >= self.boundary:
                raise _Reached(_AfterUnit(tuple(parser_state.state_stack),
                                          (token.type, str(token), start - self.boundary)))
            if end > self.boundary:
                raise _GiveUp  # a token across the unit's end
            yield token


@dataclass(frozen=True)
class _Unit:
    """The part of the text before the edit that the edit falls in, and a stand-in for
    the text before it (which leaves the parser in the state that text does)."""

    start: int
    end: int
    stand_in: str


def syntax_errors_after_edit(previous: SourceText, tree: ast.Query, source: SourceText,
                             dialect: Dialect) -> tuple[Diagnostic, ...] | None:
    """Every diagnostic of a full parse of `source` (which then has no tree), given `previous`,
    a text that parsed into `tree` (same dialect); None when that cannot be shown from the
    edited unit alone, or when `source` parses without an error."""
    try:
        return _errors_after_edit(previous, tree, source, dialect)
    except Exception:  # noqa: BLE001 - the full parse is the reference: it runs instead, as before
        return None


def _errors_after_edit(previous: SourceText, tree: ast.Query, source: SourceText,
                       dialect: Dialect) -> tuple[Diagnostic, ...] | None:
    before, text = previous.text, source.text
    prefix = _common_prefix(before, text)
    suffix = _common_suffix(before, text, min(len(before), len(text)) - prefix)
    unit = _edited_unit(before, tree, prefix, len(before) - suffix)
    if unit is None:
        return None
    new_end = unit.end + len(text) - len(before)
    try:
        stack, values = _state_after(unit.stand_in, dialect)
        expected = None if unit.end == len(before) else _parse_unit(
            before, previous, _Start(unit.start, unit.end, stack, values, dialect, None),
            _no_error_expected)
    except (_GiveUp, LarkError, RecursionError):
        return None
    if expected is None and unit.end != len(before):
        return None  # (defensive: text follows the unit, so its parse stops at a token there)
    start = _Start(unit.start, new_end, stack, values, dialect, expected)
    if _parses_cleanly(text, source, start):
        return None  # most likely no error anywhere: the full parse gives the tree
    scanned = scan(source, dialect.lexicon)
    if not scanned.parseable or scanned.only_trivia or scanned.missing_closers or not scanned.sanitized.strip():
        return None
    sanitized = scanned.sanitized
    # The text around the unit must reach the parser as it did before (no string or comment
    # opened in the unit runs on past it, no character around it was blanked).
    if sanitized[:unit.start] != before[:unit.start] or sanitized[new_end:] != before[unit.end:]:
        return None
    try:
        errors = _unit_errors(sanitized, source, scanned.problem_ends, start)
    except (_GiveUp, LarkError, RecursionError):
        return None
    if not errors:
        return None
    return tuple(sorted_diagnostics([*scanned.diagnostics, *errors]))


@dataclass(frozen=True)
class _Start:
    """How the edited unit's parse starts (offsets in the new text, the parser's stacks after
    the stand-in) and where the parse of the text before the edit was after the unit."""

    start: int
    end: int
    stack: list[Any]
    values: list[Any]
    dialect: Dialect
    expected: _AfterUnit | None


def _parses_cleanly(text: str, source: SourceText, start: _Start) -> bool:
    """Whether the unit's new text, as it is, parses without an error up to where the parse
    before the edit was after it."""
    try:
        reached = _parse_unit(text, source, start, _no_error_expected)
    except (_GiveUp, LarkError, RecursionError):
        return False
    return reached == start.expected


def _edited_unit(before: str, tree: ast.Query, changed_start: int, changed_end: int) -> _Unit | None:
    """The narrowest unit of `before` that holds the characters from `changed_start` to
    `changed_end`: a call of the chain (with what precedes it), or, in a FILTER step whose
    condition is an `||` of several operands, one operand (with the `||` before it)."""
    body = tree.body
    if not isinstance(body, ast.Chain) or body.parens:
        return None
    calls = (body.source, *body.steps)
    ends = [call.span.end for call in calls]
    ends[-1] = len(before)  # the last unit runs to the end of the text
    index = _unit_index(before, ends, 0, changed_start, changed_end)
    if index is None:
        return None
    start = ends[index - 1] if index else 0
    stand_in = _stand_in(before, 0, ends, index)
    operand_ends = _or_operand_ends(before, calls[index])
    inner = None if operand_ends is None else _unit_index(before, operand_ends, start, changed_start, changed_end)
    if operand_ends is None or inner is None:
        return _Unit(start, ends[index], stand_in)
    return _Unit(operand_ends[inner - 1] if inner else start, operand_ends[inner],
                 stand_in + _stand_in(before, start, operand_ends, inner))


def _unit_index(before: str, ends: list[int], first_start: int, changed_start: int,
                changed_end: int) -> int | None:
    """Which of the units that start at `first_start` and end at `ends` holds the change
    (None when none does, or when the change may join the unit to the token before it)."""
    index = bisect_left(ends, changed_end)
    if index == len(ends):
        return None
    start = ends[index - 1] if index else first_start
    if start > changed_start or not _apart_from_before(before, start, changed_start):
        return None
    return index


def _apart_from_before(before: str, start: int, changed_start: int) -> bool:
    """Whether the token before a unit stays whole whatever the change writes in the unit: it
    is a `)`, or the unit starts with white space that the change leaves (`y || x` edited into
    `yz|| x` would otherwise read the name `yz`)."""
    return (start == 0 or before[start - 1] == ")"
            or (changed_start > start and before[start] in _WHITE_SPACE))


def _or_operand_ends(before: str, call: ast.Node) -> list[int] | None:
    """Where each operand of a FILTER's `a || b || ...` condition ends (after the parentheses
    around it), when they are the grammar's operands as written: only `||` (or `or`) between
    them, only `)` after the last."""
    condition = call.condition if isinstance(call, ast.Filter) else None
    if not isinstance(condition, ast.Logical) or condition.op is not ast.LogicOp.OR or condition.parens:
        return None
    found = [_extent(before, operand) for operand in condition.operands]
    extents = [extent for extent in found if extent is not None]
    if len(extents) < 2 or len(extents) < len(found) or before[extents[-1][1]:call.span.end].strip() != ")":
        return None
    for (_, end), (start, _) in zip(extents, extents[1:]):
        if before[end:start].strip().lower() not in ("||", "or"):
            return None
    return [end for _, end in extents]


def _extent(before: str, node: ast.Expr) -> tuple[int, int] | None:
    """Where a node's text starts and ends with the parentheses around it (its span leaves them
    out); None when anything but white space lies between them and the node."""
    start, end = node.span.start, node.span.end
    for _ in range(node.parens):
        opening = start - 1
        while opening >= 0 and before[opening] in _WHITE_SPACE:
            opening -= 1
        closing = end
        while closing < len(before) and before[closing] in _WHITE_SPACE:
            closing += 1
        if opening < 0 or before[opening] != "(" or before[closing:closing + 1] != ")":
            return None
        start, end = opening, closing + 1
    return start, end


def _common_prefix(first: str, second: str) -> int:
    low, high = 0, min(len(first), len(second))
    while low < high:  # a binary search over slices: string comparison runs in C
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(first: str, second: str, limit: int) -> int:
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if first[len(first) - middle:] == second[len(second) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low


def _unit_errors(sanitized: str, source: SourceText, problem_ends: list[int], start: _Start) -> list[Diagnostic]:
    """The grammar errors of the edited unit; raises _GiveUp when the parse after it may differ."""
    recovery = ErrorRecovery(source, sanitized, problem_ends, start.dialect)
    reached = _parse_unit(sanitized, source, start, recovery)
    if reached != start.expected and reached is not None:
        raise _GiveUp
    if start.expected is not None and reached is None and not recovery.errors:
        raise _GiveUp  # (defensive: a parse that stops early has reported why)
    return recovery.errors


def _no_error_expected(error: UnexpectedInput) -> bool:
    raise _GiveUp  # the text before the edit parsed: an error means the stand-in was wrong


def _stand_in(before: str, first_start: int, ends: list[int], index: int) -> str:
    """Text that leaves the parser in the state the text from `first_start` to unit `index` does
    (for a list `x (SEP x)*` whose items end at `ends`, the grammar folds all but the last item
    before the unit into one symbol, so the first two items and the last one stand for them)."""
    if index <= 2:
        return before[first_start:ends[index - 1]] if index else ""
    return before[first_start:ends[1]] + before[ends[index - 2]:ends[index - 1]]


def _state_after(prefix: str, dialect: Dialect) -> tuple[list[Any], list[Any]]:
    """The parser's state and value stacks after reading `prefix` (which must parse cleanly)."""
    token = CURRENT.set(BuildContext(source=SourceText(prefix), dialect=dialect))
    try:
        interactive = lalr_parser(dialect).parse_interactive(prefix)
        interactive.exhaust_lexer()
    except UnexpectedInput:
        raise _GiveUp from None
    finally:
        CURRENT.reset(token)
    return list(interactive.parser_state.state_stack), list(interactive.parser_state.value_stack)


def _parse_unit(text: str, source: SourceText, start: _Start, on_error: OnError) -> _AfterUnit | None:
    """Parse `text` from `start` in the given parser state, with lark's error loop, until the
    first token at `boundary` or after it. Where it stopped then; None when the parse ended
    first (the end of the text, or an error after which recovery gives up)."""
    parser = lalr_parser(start.dialect)
    frontend: Any = parser.parser
    lalr: Any = frontend.parser.parser
    template = parser.parse_interactive("").parser_state
    thread = _UpToBoundary(frontend.lexer, LexerState(TextSlice(text, start.start, len(text))), start.end)
    state = ParserState(template.parse_conf, thread, list(start.stack), list(start.values))
    token = CURRENT.set(BuildContext(source=source, dialect=start.dialect))
    try:
        _run_with_recovery(lalr, state, on_error, start.end)
    except _Reached as reached:
        return reached.after
    except UnexpectedInput:
        return None
    finally:
        CURRENT.reset(token)
    return None


def _run_with_recovery(lalr: Any, state: ParserState, on_error: OnError, boundary: int) -> None:
    """lark's LALR_Parser.parse error loop (lark/parsers/lalr_parser.py), from a given state."""
    try:
        lalr.parse_from_state(state)
        return
    except UnexpectedInput as first:
        error: UnexpectedInput = first
    lexer_state: Any = None
    position = 0
    while True:
        if isinstance(error, UnexpectedCharacters):
            if error.pos_in_stream is None or error.pos_in_stream >= boundary:
                raise _GiveUp
            lexer_state = error.interactive_parser.lexer_thread.state
            position = lexer_state.line_ctr.char_pos
        if not on_error(error):
            raise error
        if isinstance(error, UnexpectedCharacters) and position == lexer_state.line_ctr.char_pos:
            lexer_state.line_ctr.feed(lexer_state.text.text[position:position + 1])
        try:
            error.interactive_parser.resume_parse()
            return
        except UnexpectedToken as again:
            if (isinstance(error, UnexpectedToken) and error.token.type == again.token.type == "$END"
                    and error.interactive_parser == again.interactive_parser):
                raise again from None
            error = again
        except UnexpectedCharacters as again:
            error = again
