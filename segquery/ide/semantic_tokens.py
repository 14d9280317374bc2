"""Semantic tokens: what each word, literal, operator and comment is.

Every token is classified from the token outline (so highlighting works
while the text does not parse); when the text parses, the AST's names
(tables, relationships, aliases, attributes, segments, interactions, link
types, date parts) take precedence.

Legend (`TOKEN_TYPES`, `TOKEN_MODIFIERS`):
  keyword       set operators, string tests, ASC/DESC, TRUE/FALSE, AND/OR, date parts, IN (real-time)
  function      functions of conditions, aggregates and windows (NOT, DATEDIFF, COUNT, UTCDAYS...)
  step          sources and steps (PROFILE, SEGMENT, INTERACTION, FILTER, TRAVERSE...)
  table, relationship, alias, attribute, segment, interaction, linkType
  string, number, operator (also the brackets of an `IN [..]` list), comment
  modifier `declaration`: an alias where PROFILE, TRAVERSE, RELATE or INTERACTION declares it

A token never spans lines: a block comment over several lines gives one
token per line, as clients without multi-line token support need.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from segquery.ide.outline import Outline, build_outline
from segquery.syntax import ast
from segquery.syntax.dialect import DATE_PARTS, Dialect, Role
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant
from segquery.ide.realtime import dialect_keywords
from segquery.syntax.tokens import TokenKind

TOKEN_TYPES = ("keyword", "function", "step", "table", "relationship", "alias", "attribute", "segment",
               "interaction", "linkType", "string", "number", "operator", "comment")
TOKEN_MODIFIERS = ("declaration",)
DECLARATION = ("declaration",)

_NAME_ARGUMENTS = {
    ("PROFILE", 0): "table", ("PROFILE", 1): "alias",
    ("SEGMENT", 0): "segment",
    ("INTERACTION", 0): "interaction", ("INTERACTION", 1): "linkType", ("INTERACTION", 2): "alias",
    ("TRAVERSE", 0): "relationship", ("TRAVERSE", 1): "alias",
    ("RELATE", 0): "relationship", ("RELATE", 1): "alias",
    ("RELATEOPTIONAL", 0): "relationship", ("RELATEOPTIONAL", 1): "alias",
}
_LITERALS = {TokenKind.STRING: "string", TokenKind.NUMBER: "number", TokenKind.OPERATOR: "operator"}


class SemanticToken(NamedTuple):
    start: int
    length: int
    type: str
    modifiers: tuple[str, ...] = ()


def semantic_tokens(text: str, *, dialect: Dialect = OUTBOUND) -> list[SemanticToken]:
    """Tokens in text order, comments included; no two tokens overlap."""
    outline = build_outline(text, dialect.lexicon)
    found: dict[int, SemanticToken] = {}
    for index, token in enumerate(outline.tokens):
        classified = _classify(outline, index, dialect)
        if classified is not None:
            kind, modifiers = classified
            found[token.start] = SemanticToken(token.start, token.end - token.start, kind, modifiers)
    starts = [token.start for token in outline.tokens]
    for start, end, kind, modifiers in _from_tree(text, dialect):
        # A name can span several tokens (`SEGMENT(a.b)`, `SEGMENT(-1)`) and the comments
        # between them: each of its tokens takes the name's type, so no two tokens overlap.
        for token in outline.tokens[max(bisect.bisect_right(starts, start) - 1, 0):bisect.bisect_left(starts, end)]:
            if token.start < end and start < token.end:
                found[token.start] = SemanticToken(token.start, token.end - token.start, kind, modifiers)
    for comment in outline.comments:
        for start, end in _lines(text, comment.start, comment.end):
            found[start] = SemanticToken(start, end - start, "comment")
    return [found[start] for start in sorted(found)]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while True:
        newline = text.find("\n", start, end)
        if newline == -1:
            if end > start:
                pieces.append((start, end))
            return pieces
        if newline > start:
            pieces.append((start, newline))
        start = newline + 1


def _classify(outline: Outline, index: int, dialect: Dialect) -> tuple[str, tuple[str, ...]] | None:
    tokens = outline.tokens
    token = tokens[index]
    if token.kind in _LITERALS:
        return _LITERALS[token.kind], ()
    if token.kind is TokenKind.PUNCTUATION and token.text in ("[", "]"):
        return "operator", ()
    if token.kind is not TokenKind.WORD:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.text == "(":
        spec = dialect.function(token.text)
        return ("step" if spec is not None and spec.role in (Role.SOURCE, Role.STEP) else "function"), ()
    frame = outline.enclosing[index]
    argument = outline.argument_of[index]
    if frame is not None and frame.name is not None and outline.argument_name(frame, argument) is token:
        kind = _NAME_ARGUMENTS.get((frame.upper, argument))
        if kind is not None:
            return kind, (DECLARATION if kind == "alias" else ())
        if frame.upper in ("DATEDIFF", "DATEADD") and argument == 0 and token.text.upper() in DATE_PARTS:
            return "keyword", ()
    if token.text.upper() in dialect_keywords(dialect):
        return "keyword", ()
    if frame is None:
        return None
    previous = tokens[index - 1] if index else None
    if following is not None and following.text == "." and not (previous is not None and previous.text == "."):
        return "alias", ()
    return "attribute", ()


def _from_tree(text: str, dialect: Dialect) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, type, modifiers) of the names the AST knows, when the text parses."""
    query = parse_tolerant(text, dialect=dialect).query
    if query is None:
        return []
    found = []

    def add(identifier: ast.Node | None, kind: str, modifiers: tuple[str, ...] = ()) -> None:
        if identifier is not None and identifier.span.end > identifier.span.start:
            found.append((identifier.span.start, identifier.span.end, kind, modifiers))

    for node in ast.walk(query):
        if isinstance(node, ast.Profile):
            add(node.table, "table")
            add(node.alias, "alias", DECLARATION)
        elif isinstance(node, ast.SegmentRef):
            add(node.name, "segment")
        elif isinstance(node, ast.Interaction):
            add(node.interaction_type, "interaction")
            add(node.link_type, "linkType")
            add(node.alias, "alias", DECLARATION)
        elif isinstance(node, (ast.Traverse, ast.Relate)):
            add(node.relationship, "relationship")
            add(node.alias, "alias", DECLARATION)
        elif isinstance(node, ast.Attribute):
            add(node.qualifier, "alias")
            add(node.name, "attribute")
        elif isinstance(node, ast.DatePartName):
            add(node, "keyword")
    return found
