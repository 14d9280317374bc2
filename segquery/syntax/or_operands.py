"""Where the operands of a FILTER's `a || b || ...` condition are in its text.

segquery/syntax/edited.py takes one operand of such a condition as the unit
an edit falls in, when the operands are the grammar's operands as written
(only `||` or `or` between them, only `)` after the last). A condition of a
thousand operands is edited keystroke after keystroke: reading them all on
every edit is a millisecond. So the operands last found are kept with the
text and the condition they were found in; when an edit of one operand is
grafted (segquery/syntax/graft.py), the operands of the new condition are
those kept, the edited one found again in the new text and those after it
moved by the length the edit added, and the text on either side of the
edited one is checked again (the rest of the text is what it was).
tests/syntax/test_edited_parse.py checks, after every edit of its random
sequences, that the operands kept are those found afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard, cast

from segquery.syntax import ast

WHITE_SPACE = " \t\r\n\f"
_SEPARATORS = ("||", "or")


@dataclass(frozen=True)
class Operands:
    """The operands of a condition in a text: where each starts and ends, with the parentheses
    around it (its span leaves them out)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]


@dataclass(frozen=True)
class Found:
    """The operands of a FILTER call's condition in a text."""

    text: str
    call: ast.Filter
    operands: Operands


_last: Found | None = None  # replaced whole: a reader sees one entry or another, never half of one


def or_operands(text: str, call: ast.Node) -> Operands | None:
    """The operands of `call`'s condition in `text`, when `call` is a FILTER whose condition is
    an `||` of several operands, as written; None otherwise."""
    global _last
    if not isinstance(call, ast.Filter) or not _or_condition(call.condition):
        return None
    last = _last
    if last is not None and last.text is text and last.call is call:
        return last.operands
    operands = found_afresh(text, call)
    if operands is not None:
        _last = Found(text, call, operands)
    return operands


def kept() -> Found | None:
    """The operands kept for the next edit."""
    return _last


def keep_grafted(before: str, old_call: ast.Node, text: str, new_call: ast.Node, edited: int, delta: int) -> None:
    """Keep the operands of `new_call` (in `text`), which a graft made from `old_call` (in
    `before`, whose operands are the ones kept) by replacing operand `edited`, the text after it
    `delta` characters further on."""
    global _last
    last = _last
    if last is None or last.text is not before or last.call is not old_call or not isinstance(new_call, ast.Filter):
        return
    condition = new_call.condition
    if not _or_condition(condition) or len(condition.operands) != len(last.operands.starts):
        return
    extent = _extent(text, condition.operands[edited])
    if extent is None:
        return
    kept = last.operands
    operands = Operands(_replaced(kept.starts, edited, extent[0], delta),
                        _replaced(kept.ends, edited, extent[1], delta))
    around = range(max(edited - 1, 0), min(edited + 1, len(operands.starts) - 1))
    if any(not _separator(text[operands.ends[index]:operands.starts[index + 1]]) for index in around):
        return
    if text[operands.ends[-1]:new_call.span.end].strip() != ")":
        return
    _last = Found(text, new_call, operands)


def _replaced(offsets: tuple[int, ...], index: int, offset: int, delta: int) -> tuple[int, ...]:
    """`offsets` with the one at `index` replaced by `offset`, those after it moved by `delta`."""
    after = offsets[index + 1:]
    return offsets[:index] + (offset,) + (tuple([later + delta for later in after]) if delta else after)


def found_afresh(text: str, call: ast.Filter) -> Operands | None:
    """The operands of `call`'s `||` condition, read from the text (as `or_operands` does
    without the ones kept). The spans of those without parentheses are taken as they are, and
    each distinct text between two operands is checked once."""
    condition = call.condition
    if not _or_condition(condition):
        return None
    found = [(operand.span.start, operand.span.end) if not operand.parens else _extent(text, operand)
             for operand in condition.operands]
    if len(found) < 2 or None in found:
        return None
    extents = cast("list[tuple[int, int]]", found)
    if text[extents[-1][1]:call.span.end].strip() != ")":
        return None
    starts, ends = zip(*extents)
    if not all(_separator(between) for between in {text[end:start] for end, start in zip(ends, starts[1:])}):
        return None
    return Operands(starts, ends)


def _or_condition(condition: ast.Expr) -> TypeGuard[ast.Logical]:
    return isinstance(condition, ast.Logical) and condition.op is ast.LogicOp.OR and not condition.parens


def _separator(between: str) -> bool:
    return between.strip().lower() in _SEPARATORS


def _extent(text: str, node: ast.Expr) -> tuple[int, int] | None:
    """Where a node's text starts and ends with the parentheses around it (its span leaves them
    out); None when anything but white space lies between them and the node."""
    start, end = node.span.start, node.span.end
    for _ in range(node.parens):
        opening = start - 1
        while opening >= 0 and text[opening] in WHITE_SPACE:
            opening -= 1
        closing = end
        while closing < len(text) and text[closing] in WHITE_SPACE:
            closing += 1
        if opening < 0 or text[opening] != "(" or text[closing:closing + 1] != ")":
            return None
        start, end = opening, closing + 1
    return start, end
