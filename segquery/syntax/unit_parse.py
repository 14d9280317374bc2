"""Parsing one unit of a text from the parser state the text before it leaves.

segquery/syntax/edited.py finds the unit of a chain an edit falls in (a call,
or one `||` operand of a FILTER) and a short stand-in for the text before it;
this module runs lark's LALR parser over the unit alone: from the stand-in's
state, over a slice of the real text (so every offset is the full parse's),
until the first token after the unit. What it records is what the callers
compare and reuse: the parser's state there, the builder's diagnostics,
comments and stray calls meanwhile, and whether the unit's own symbols stayed
above the text before it on the parser's stacks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from lark import Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import LexerState, LexerThread, Token
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_parser_state import ParserState
from lark.utils import TextSlice

from segquery.source import SourceText
from segquery.syntax.builder import CURRENT, BuildContext
from segquery.syntax.dialect import Dialect
from segquery.syntax.grammar import lalr_parser

OnError = Callable[[UnexpectedInput], bool]


class GiveUp(Exception):
    """The edited unit cannot be parsed apart from the rest of the text."""


@dataclass(frozen=True)
class Unit:
    """The part of a text an edit falls in: from `start` to `end`, call `call` of the text's chain
    (0 is its source) or, when `operand` is set, that operand of the call's `||` condition; and a
    stand-in for the text before it (which leaves the parser in the state that text does)."""

    start: int
    end: int
    stand_in: str
    call: int
    operand: int | None = None
    shared: tuple[int, ...] = ()  # where the parts of the stand-in that other units' start with end


@dataclass(frozen=True)
class AfterUnit:
    """Where a parse of a unit stopped: the parser's state stack before the first token
    after the unit (`$END` at the end of the text), and that token's kind, text and distance
    from the unit's end."""

    stack: tuple[Any, ...]
    token: tuple[str, str, int]


@dataclass(frozen=True)
class UnitStart:
    """How a unit's parse starts (offsets in the text parsed, the parser's stacks after the
    stand-in) and where the parse of the text before the edit was after the unit."""

    start: int
    end: int
    stack: tuple[Any, ...]
    values: tuple[Any, ...]
    dialect: Dialect
    expected: AfterUnit | None


@dataclass
class UnitParse:
    """What a parse of a unit did until it stopped.

    `first` is the unit's first token, `base` its place on the value stack once the parser took
    it (the reductions that token makes belong to the text before it, so what the builder reported
    and the stray calls it met until then are counted apart: `reported_before`, `strays_before`).
    `depth` is the deepest nesting of parentheses within the unit, from where it starts."""

    state: ParserState
    context: BuildContext
    reached: AfterUnit | None = None
    first: Token | None = None
    base: int = 0
    reported_before: int = 0
    strays_before: frozenset[int] = frozenset()
    depth: int = 0
    _open: int = field(default=0, repr=False)

    @property
    def intact(self) -> bool:
        """Whether the unit's first token is still where the parser put it: no reduction
        joined the unit to the text before it (which would make it another construct)."""
        values = self.state.value_stack
        return self.first is not None and len(values) > self.base and values[self.base] is self.first

    def open_before(self) -> int:
        """The parentheses open where the unit starts (an unclosed `(` stays on the stack)."""
        return sum(1 for value in self.state.value_stack[:self.base]
                   if isinstance(value, Token) and value.type == "LPAR")

    def took(self, token: Token) -> None:
        """Called once the parser has taken `token`, a token of the unit."""
        if self.first is None:
            self.first = token
            self.base = len(self.state.value_stack) - 1
            self.reported_before = len(self.context.diagnostics)
            self.strays_before = frozenset(self.context.stray_calls)
        if token.type == "LPAR":
            self._open += 1
            self.depth = max(self.depth, self._open)
        elif token.type == "RPAR":
            self._open -= 1


class _Reached(Exception):
    def __init__(self, after: AfterUnit) -> None:
        super().__init__()
        self.after = after


class _UpToBoundary(LexerThread):
    """lark's lexer thread, stopping the parse at the first token at or after `boundary`
    (before the parser reads it), or, with `stop_at_end`, at the end of the text."""

    def __init__(self, lexer: Any, state: LexerState, boundary: int, stop_at_end: bool,
                 watch: UnitParse | None) -> None:
        super().__init__(lexer, state)
        self.boundary = boundary
        self.stop_at_end = stop_at_end
        self.watch = watch

    def __copy__(self) -> _UpToBoundary:
        assert self.state is not None  # made with a state, which copies keep
        return _UpToBoundary(self.lexer, copy(self.state), self.boundary, self.stop_at_end, None)

    def lex(self, parser_state: ParserState) -> Iterator[Token]:
        watch = self.watch
        for token in super().lex(parser_state):
            start, end = token.start_pos, token.end_pos
            if start is None or end is None:
                raise GiveUp
            if start >= self.boundary:
                raise _Reached(AfterUnit(tuple(parser_state.state_stack),
                                         (token.type, str(token), start - self.boundary)))
            if end > self.boundary:
                raise GiveUp  # a token across the unit's end
            yield token
            if watch is not None:
                watch.took(token)
        if self.stop_at_end:
            raise _Reached(AfterUnit(tuple(parser_state.state_stack), ("$END", "", 0)))


def no_error_expected(error: UnexpectedInput) -> bool:
    raise GiveUp  # the text before the edit parsed: an error means the stand-in was wrong


@functools.lru_cache(maxsize=16)
def state_after(prefix: str, dialect: Dialect, shared: tuple[int, ...] = ()) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The parser's state and value stacks after reading `prefix` (which must parse cleanly).
    Kept for the next keystrokes in the same unit, whose stand-in is the same text: a parse
    from them takes its own copy (`_own_values`). `shared` says where the parts of `prefix`
    that other stand-ins start with end (at the end of a token): the state there is kept too,
    and only the text after the last of them is read."""
    if shared:
        stack, values = state_after(prefix[:shared[-1]], dialect, shared[:-1])
        return _read_on(stack, values, prefix[shared[-1]:], dialect)
    token = CURRENT.set(BuildContext(source=SourceText(prefix), dialect=dialect))
    try:
        interactive = lalr_parser(dialect).parse_interactive(prefix)
        interactive.exhaust_lexer()
    except UnexpectedInput:
        raise GiveUp from None
    finally:
        CURRENT.reset(token)
    return tuple(interactive.parser_state.state_stack), tuple(interactive.parser_state.value_stack)


def _read_on(stack: tuple[Any, ...], values: tuple[Any, ...], text: str,
             dialect: Dialect) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The parser's stacks after reading `text` (which must parse cleanly) from `stack` and `values`."""
    parse = parse_unit(text, SourceText(text), UnitStart(0, len(text), stack, values, dialect, None),
                       no_error_expected, stop_at_end=True)
    if parse.reached is None:
        raise GiveUp
    return tuple(parse.state.state_stack), tuple(parse.state.value_stack)


def _own_values(values: tuple[Any, ...]) -> list[Any]:
    """A value stack to parse on. The values are immutable but for lark's trees of inlined
    rules (`x ("," x)*`), whose list of children a reduction may extend in place: those are
    copied."""
    return [Tree(value.data, list(value.children)) if isinstance(value, Tree) else value for value in values]


def parse_unit(text: str, source: SourceText, start: UnitStart, on_error: OnError, *,
               stop_at_end: bool = False) -> UnitParse:
    """Parse `text` from `start` in the given parser state, with lark's error loop, until the
    first token at `start.end` or after it (or, with `stop_at_end`, the end of the text). The
    result's `reached` says where it stopped; None when the parse ended first (the end of the
    text, or an error after which recovery gives up)."""
    frontend: Any = lalr_parser(start.dialect).parser
    lalr: Any = frontend.parser.parser
    context = BuildContext(source=source, dialect=start.dialect)
    state = ParserState(_parse_conf(start.dialect), None, list(start.stack),  # type: ignore[arg-type]
                        _own_values(start.values))
    parse = UnitParse(state, context)
    state.lexer = _UpToBoundary(frontend.lexer, LexerState(TextSlice(text, start.start, len(text))), start.end,
                                stop_at_end, parse)
    token = CURRENT.set(context)
    try:
        _run_with_recovery(lalr, state, on_error, start.end)
    except _Reached as reached:
        parse.reached = reached.after
    except UnexpectedInput:
        pass
    finally:
        CURRENT.reset(token)
    return parse


@functools.cache
def _parse_conf(dialect: Dialect) -> Any:
    """lark's parse table and callbacks for the dialect, as its interactive parser holds them."""
    return lalr_parser(dialect).parse_interactive("").parser_state.parse_conf


def reduce_within(parse: UnitParse) -> list[Any] | None:
    """The unit's values (from its first token up) after the reductions that the token after it
    makes among them, as a full parse makes them before it joins the unit to the text before;
    None when the parse did not stop at the token after the unit, or went below the unit."""
    if parse.reached is None or not parse.intact:
        return None
    lookahead = parse.reached.token[0]
    state = parse.state
    states, values = state.state_stack, state.value_stack
    table = state.parse_conf.states
    callbacks = state.parse_conf.callbacks
    token = CURRENT.set(parse.context)
    try:
        while True:
            action, rule = table[states[-1]].get(lookahead, (None, None))
            if action is None:
                return None
            size = len(rule.expansion) if action is not Shift else 0
            if action is Shift or size >= len(values) - parse.base:
                return values[parse.base:]
            children = values[-size:] if size else []
            if size:
                del states[-size:]
                del values[-size:]
            values.append(callbacks[rule](children))
            states.append(table[states[-1]][rule.origin.name][1])
    finally:
        CURRENT.reset(token)


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
                raise GiveUp
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
