"""The tree of an edited text: the previous tree with the edited unit's new subtree in place.

segquery/syntax/edited.py parses the unit of a chain that an edit falls in (a
call, or one `||` operand of a FILTER) from the parser state the text before
it leaves. When the unit's new text parses without an error up to the token
that followed the old unit, and the parser's stack is the one the old unit
left once that token has made its reductions among the unit's symbols, a
full parse of the new text goes on from there as the full parse of the old
text did (same state, same text after the unit, `delta` characters further
on). `graft` builds what those reductions build:

* The unit's own values: the unit's parse ran the builder over the unit with
  its real offsets; `reduce_within` makes the reductions that the token after
  the unit makes among the unit's symbols: the call (`RawCall`) of a call
  unit, the operand of an operand unit.
* The builder's callbacks that take them with values from outside the unit:
  `build_step` makes the call's step, as `AstBuilder.chain` does; for an
  operand, `AstBuilder.or_expr` makes the condition from the operands and
  `build_step` the FILTER. The chain and the query are made as the builder
  makes them, the steps and operands after the unit moved by `delta`
  (segquery/syntax/shift.py). When the builder reports something about
  several steps together (`checked_across_steps`), before the edit or after
  it, or the unit is the chain's source, nothing is grafted.
* Diagnostics: what the builder reported about the old unit (in the unit's
  parse, once its first token was taken, and in `build_step` and the stray
  calls left after it) is made again from the text before the edit and taken
  out of the previous diagnostics; each of the others is about a place before
  the unit or after it, and moves with it. The new unit's are added.
* Comments: by position, the unit's from its new parse.
* The scanner, which a full parse of a text with many parentheses or a `/*`
  also runs (`parser._parse_clean`): on a text the parse tables read without
  an error it can only find parentheses nested too deep (any other problem it
  reports is text no token matches, or parentheses the grammar does not
  balance), so the nesting within the unit is checked against the limit.

Anything that does not fit returns None, and the caller parses the whole
text. tests/syntax/test_edited_parse.py proves that grafted trees, comments
and diagnostics equal those of full parses, spans and all.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lark import Token

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.builder import (CURRENT, AstBuilder, RawCall, build_step, checked_across_steps, new,
                                     new_raw_call, report_stray_calls)
from segquery.syntax.scanner import MAX_NESTING
from segquery.syntax.shift import shifted, shifted_all
from segquery.syntax.tokens import NAME_PATTERN
from segquery.syntax.unit_parse import Unit, UnitParse, reduce_within

_BUILDER = AstBuilder()
_NAME = re.compile(NAME_PATTERN)


def graft(unit: Unit, old: UnitParse, new_parse: UnitParse, tree: ast.Query,
          diagnostics: tuple[Diagnostic, ...]) -> tuple[ast.Query, tuple[Diagnostic, ...]] | None:
    """The tree and diagnostics of a full parse of the new text, from `tree` and `diagnostics`
    (the full parse's of the text before the edit, which had no lexical or grammar error) and
    the parses of the unit's old and new text (`old`, `new_parse`); None when they cannot be
    shown to be the full parse's."""
    chain = tree.body
    if not isinstance(chain, ast.Chain) or unit.call == 0 or checked_across_steps(chain.source, chain.steps):
        return None
    if new_parse.open_before() + new_parse.depth > MAX_NESTING:
        return None
    old_values, new_values = reduce_within(old), reduce_within(new_parse)
    if old_values is None or new_values is None or len(old_values) != len(new_values) \
            or old.state.state_stack != new_parse.state.state_stack:
        return None  # the parse after the unit would not go on as before
    source = new_parse.context.source
    delta = len(source.text) - len(old.context.source.text)
    calls = (chain.source, *chain.steps)
    step = calls[unit.call]
    if unit.operand is None:
        made = _call_steps(step, old, old_values, new_parse, new_values)
    else:
        made = _operand_steps(step, unit.operand, old, old_values, new_parse, new_values, delta)
    if made is None:
        return None
    new_step, new_end = made
    before, after = chain.steps[:unit.call - 1], chain.steps[unit.call:]
    if checked_across_steps(chain.source, (*before, new_step, *after)):
        return None
    last = unit.call == len(calls) - 1
    steps = (*before, new_step, *shifted_all(after, delta))
    body = new.Chain(source=chain.source, steps=steps,
                     span=Span(chain.span.start, new_end if last else chain.span.end + delta))
    comments = _comments(tree.comments, unit, new_parse, delta)
    grafted_diagnostics = _diagnostics(diagnostics, unit, old, new_parse, delta)
    if comments is None or grafted_diagnostics is None:
        return None
    query = new.Query(body=body, comments=comments, span=Span(0, len(source.text)))
    return query, grafted_diagnostics


def _call_steps(step: ast.Node, old: UnitParse, old_values: list[Any], new_parse: UnitParse,
                new_values: list[Any]) -> tuple[ast.Node, int] | None:
    """The new step of a call unit (its values are `.` and the call) and where its call ends."""
    if len(new_values) != 2 or not _same_tokens(old_values[:1], new_values[:1], same_place=False):
        return None
    old_call, new_call = old_values[1], new_values[1]
    if not isinstance(old_call, RawCall) or not isinstance(new_call, RawCall):
        return None
    if not _same_node(_step(old, old_call), step):
        return None  # (defensive: the old unit builds into the step the tree has)
    return _step(new_parse, new_call), new_call.span.end


def _operand_steps(step: ast.Node, operand: int, old: UnitParse, old_values: list[Any], new_parse: UnitParse,
                   new_values: list[Any], delta: int) -> tuple[ast.Node, int] | None:
    """The new FILTER step of an operand unit (its values are the `||` before the operand, or
    the `.FILTER(` before the first one, and the operand) and where its call ends."""
    condition = step.condition if isinstance(step, ast.Filter) else None
    if not isinstance(condition, ast.Logical) or not _same_tokens(old_values[:-1], new_values[:-1],
                                                                   same_place=operand == 0):
        return None
    old_operand, new_operand = old_values[-1], new_values[-1]
    if not isinstance(new_operand, ast.Expr) or not _same_node(old_operand, condition.operands[operand]):
        return None
    name = _call_name(old.context.source.text, step.span.start)
    if name is None:
        return None
    old_call = new_raw_call(name, (condition,), step.span)
    if not _same_node(_step(old, old_call), step):
        return None
    operands = [*condition.operands[:operand], new_operand, *shifted_all(condition.operands[operand + 1:], delta)]
    new_call = new_raw_call(name, (_BUILDER.or_expr(operands),), Span(step.span.start, step.span.end + delta))
    return _step(new_parse, new_call), new_call.span.end


def _step(parse: UnitParse, call: RawCall) -> ast.Node:
    """The step `call` makes, with what the builder reports about it (and the calls of the unit
    that stand where they cannot, as the query's callback reports them) in the unit's context."""
    context = parse.context
    token = CURRENT.set(context)
    try:
        step = build_step(context, call)
        report_stray_calls(context, [stray for key, stray in context.stray_calls.items()
                                     if key not in parse.strays_before])
    finally:
        CURRENT.reset(token)
    return step


def _same_tokens(old: list[Any], new_values: list[Any], *, same_place: bool) -> bool:
    """Whether the unit's tokens before its node are of the same kinds (and, with `same_place`,
    the same text at the same offsets: the call they open is then unchanged)."""
    for before, after in zip(old, new_values):
        if not isinstance(before, Token) or not isinstance(after, Token) or before.type != after.type:
            return False
        if same_place and (before != after or before.start_pos != after.start_pos):
            return False
    return True


def _same_node(made: Any, node: ast.Node) -> bool:
    return isinstance(made, ast.Node) and made == node and made.span == node.span


def _call_name(text: str, start: int) -> ast.Identifier | None:
    """The name of the call at `start`, as the builder makes it from the call's NAME token."""
    match = _NAME.match(text, start)
    return None if match is None else new.Identifier(name=match.group(), span=Span(start, match.end()))


def _comments(comments: tuple[ast.Comment, ...], unit: Unit, new_parse: UnitParse,
              delta: int) -> tuple[ast.Comment, ...] | None:
    """The comments of the new text: those before the unit, the unit's own from its new parse,
    those after it moved; None when a comment runs across the unit's start or end."""
    new_end = unit.end + delta
    before, after = [], []
    for comment in comments:
        span = comment.span
        if span.end <= unit.start:
            before.append(comment)
        elif span.start >= unit.end:
            after.append(shifted(comment, delta))
        elif span.start < unit.start or span.end > unit.end:
            return None
    own = [comment for comment in new_parse.context.comments if unit.start <= comment.span.start < new_end]
    if any(comment.span.end > new_end for comment in own):
        return None  # a comment begun in the unit runs on past it
    return (*before, *own, *after)


def _diagnostics(diagnostics: tuple[Diagnostic, ...], unit: Unit, old: UnitParse, new_parse: UnitParse,
                 delta: int) -> tuple[Diagnostic, ...] | None:
    """The previous diagnostics without the old unit's, the others moved with the text around the
    unit, and the new unit's; None when one is about the unit and the text around it together."""
    left = Counter(diagnostics)
    left.subtract(old.context.diagnostics[old.reported_before:])
    if any(count < 0 for count in left.values()):
        return None  # (defensive: the old unit reported what the previous parse did not)
    source = new_parse.context.source
    kept = list(new_parse.context.diagnostics[new_parse.reported_before:])
    for diagnostic in left.elements():
        start, end = _extent(diagnostic)
        if end <= unit.start:
            kept.append(diagnostic)
        elif start >= unit.end:
            kept.append(diagnostic.moved(delta, source))
        else:
            return None
    ordered = sorted_diagnostics(kept)
    for first, second in zip(ordered, ordered[1:]):
        if first.sort_key() == second.sort_key() and first != second:
            return None  # two findings whose order only the order of reporting decides
    return tuple(ordered)


def _extent(diagnostic: Diagnostic) -> tuple[int, int]:
    """The first and last offsets a diagnostic refers to: its range, its fix's edits, its related
    locations."""
    offsets = [diagnostic.start, diagnostic.end]
    if diagnostic.fix is not None:
        offsets += [offset for edit in diagnostic.fix.edits for offset in (edit.start, edit.end)]
    offsets += [offset for item in diagnostic.related for offset in (item.range.start.offset, item.range.end.offset)]
    return min(offsets), max(offsets)
