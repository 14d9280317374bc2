"""Formatting as text edits, for editors: the whole document, or a range.

The formatted text has the tokens of the source, in order, and every comment
stays between the same two tokens. So source and result split alike into
pieces (the gap before token 0, token 0, the gap before token 1, ..., the gap
after the last token), and the edits are the pieces that differ, trimmed to
the characters that change. Any subset of them can be applied on its own:
each keeps the tokens and comments of the text, so a range format never loses
a comment or changes the query.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from segquery.diagnostics import TextEdit
from segquery.format.formatter import DEFAULT_INDENT, DEFAULT_LINE_LENGTH, format_query
from segquery.format.layout import TokenMismatch
from segquery.source import common_prefix_length, common_suffix_length
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse
from segquery.syntax.tokens import Lexicon, Token, TokenKind, tokenize


def format_edits(text: str, *, line_length: int = DEFAULT_LINE_LENGTH,
                 indent: int = DEFAULT_INDENT, dialect: Dialect = OUTBOUND) -> list[TextEdit]:
    """The edits that turn `text` into its formatted form, as small as the pieces
    allow (an unchanged token or line break is never rewritten).

    Raises `segquery.ParseError` when the text has syntax errors.
    """
    formatted = format_query(parse(text, dialect=dialect), text, line_length=line_length, indent=indent,
                             dialect=dialect)
    return _edits(text, formatted, 0, len(text) + 1, dialect.lexicon)


def format_range(text: str, start_offset: int, end_offset: int, *, line_length: int = DEFAULT_LINE_LENGTH,
                 indent: int = DEFAULT_INDENT, dialect: Dialect = OUTBOUND) -> list[TextEdit]:
    """The edits that format the parts of the query that the range touches.

    The range is widened to whole units: a chain source, a chain step (with its
    dot), an operand of a set operator or of `&&`/`||` (with the operator before
    it). Each end of the range moves to the edge of the smallest unit around it;
    an end outside every unit stays. Within the widened range, the tokens and
    the white space and comments before each token take their place in the
    formatted document (so the line break and indentation before the first unit
    are included, the white space after the last one is not, unless the range
    reaches the end of the text).

    Raises `segquery.ParseError` when the text has syntax errors.
    """
    query = parse(text, dialect=dialect)
    formatted = format_query(query, text, line_length=line_length, indent=indent, dialect=dialect)
    start, end = sorted((max(0, min(start_offset, len(text))), max(0, min(end_offset, len(text)))))
    tokens = _significant(text, dialect.lexicon)
    starts, ends = [token.start for token in tokens], [token.end for token in tokens]
    regions = [_region(unit, tokens, starts, ends) for unit in _units(query)]
    if start == end:
        around = [region for region in regions if region.start <= start <= region.end]
        if around:
            smallest = min(around, key=len)
            start, end = smallest.start, smallest.end
    else:
        starting = [region for region in regions if region.start <= start < region.end]
        ending = [region for region in regions if region.start < end <= region.end]
        if starting:
            start = min(starting, key=len).start
        if ending:
            end = max(end, min(ending, key=len).end)
    if end == len(text):
        end += 1  # a range that reaches the end of the text also formats the end of the text
    return _edits(text, formatted, start, end, dialect.lexicon)


# ---------------------------------------------------------------- pieces and edits


def _significant(text: str, lexicon: Lexicon) -> list[Token]:
    return [token for token in tokenize(text, trivia=False, lexicon=lexicon) if token.kind is not TokenKind.COMMENT]


def _pieces(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Gap, token, gap, token, ..., gap: spans covering the whole text."""
    pieces = []
    position = 0
    for token in _significant(text, lexicon):
        pieces += [(position, token.start), (token.start, token.end)]
        position = token.end
    pieces.append((position, len(text)))
    return pieces


def _edits(source: str, formatted: str, start: int, end: int, lexicon: Lexicon) -> list[TextEdit]:
    """Edits for the pieces of `source` inside [start, end] that differ in `formatted`."""
    old_pieces, new_pieces = _pieces(source, lexicon), _pieces(formatted, lexicon)
    if len(old_pieces) != len(new_pieces):
        raise TokenMismatch("the formatted text does not have the tokens of the source")
    edits: list[TextEdit] = []
    for (old_start, old_end), (new_start, new_end) in zip(old_pieces, new_pieces):
        inside = (old_start < end and old_end > start) or (old_start == old_end and start <= old_start < end)
        if not inside:
            continue
        old, new = source[old_start:old_end], formatted[new_start:new_end]
        if old == new:
            continue
        prefix = common_prefix_length(old, new)
        suffix = common_suffix_length(old, new, min(len(old), len(new)) - prefix)
        edit = TextEdit(old_start + prefix, old_end - suffix, new[prefix:len(new) - suffix])
        if edits and edits[-1].end == edit.start:
            edit = TextEdit(edits[-1].start, edit.end, edits[-1].new_text + edit.new_text)
            edits.pop()
        edits.append(edit)
    return edits


# ---------------------------------------------------------------- units


@dataclass(frozen=True)
class _Region:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class _Unit:
    node: ast.Node
    connected: bool  # a `.` or an operator token comes right before the node


def _units(query: ast.Query) -> list[_Unit]:
    units = []
    for node in ast.walk(query):
        if isinstance(node, ast.Chain):
            units.append(_Unit(node.source, False))
            units.extend(_Unit(step, True) for step in node.steps)
        elif isinstance(node, ast.Grouped):
            units.extend(_Unit(step, True) for step in node.steps)
        elif isinstance(node, (ast.SetOperation, ast.Logical)):
            units.extend(_Unit(operand, position > 0) for position, operand in enumerate(node.operands))
    return units


def _region(unit: _Unit, tokens: list[Token], starts: list[int], ends: list[int]) -> _Region:
    """From the end of the token before the unit to the end of its last token."""
    parens = getattr(unit.node, "parens", 0)
    first = (bisect_left(starts, unit.node.span.start) - parens - _edge_parens(unit.node, leading=True)
             - (1 if unit.connected else 0))
    last = bisect_right(ends, unit.node.span.end) - 1 + parens + _edge_parens(unit.node, leading=False)
    return _Region(tokens[first - 1].end if first > 0 else 0, tokens[last].end)


def _edge_parens(node: ast.Node, *, leading: bool) -> int:
    """The parentheses of the operands at the node's start (or end) that its span leaves out:
    `(a == 1) || b` spans from `a` to `b`."""
    count = 0
    while True:
        children = [child for child in node.children() if child.span != ast.NO_SPAN]
        if not children:
            return count
        if leading:
            edge = min(children, key=lambda child: child.span.start)
            if edge.span.start != node.span.start:
                return count
        else:
            edge = max(children, key=lambda child: child.span.end)
            if edge.span.end != node.span.end:
                return count
        count += getattr(edge, "parens", 0)
        node = edge
