"""Finding `SEGMENT(name)` calls and comments without a full parse.

Resolving a workspace of thousands of segments needs only the references of
each query, and an editor needs them even while a query does not parse. The
scan reads the token stream of `segquery.syntax.tokens`: a `SEGMENT` word (in
any case), `(`, one name or string, `)`, with comments allowed between them,
exactly as the grammar allows. For a query that parses, the scan finds the
same calls, with the same name spans, as the `SegmentRef` nodes of the tree
(a property test holds the two together).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.tokens import Token, TokenKind, tokenize

_ESCAPE = re.compile(r"\\(.)")
_CLOSED_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")


@dataclass(frozen=True, slots=True)
class FoundReference:
    """A `SEGMENT(name)` call in a query text (offsets into that text)."""

    name: str
    name_span: Span
    call_span: Span


@dataclass(frozen=True, slots=True)
class ScanResult:
    references: tuple[FoundReference, ...]
    comments: tuple[ast.Comment, ...]


def scan_query(text: str) -> ScanResult:
    """The `SEGMENT(...)` calls and the comments of a query text, in source order."""
    tokens = [token for token in tokenize(text, trivia=False)]
    comments = tuple(ast.Comment(text=token.text, span=Span(token.start, token.end))
                     for token in tokens if token.kind is TokenKind.COMMENT)
    code = [token for token in tokens if token.kind is not TokenKind.COMMENT] if comments else tokens
    references = []
    for index, token in enumerate(code):
        if token.kind is TokenKind.WORD and token.text.upper() == "SEGMENT":
            found = _reference_at(code, index)
            if found is not None:
                references.append(found)
    return ScanResult(tuple(references), comments)


def _reference_at(code: list[Token], index: int) -> FoundReference | None:
    """`SEGMENT ( name )` starting at code[index], or None."""
    if index + 3 >= len(code):
        return None
    opener, argument, closer = code[index + 1], code[index + 2], code[index + 3]
    if opener.text != "(" or closer.text != ")":
        return None
    if argument.kind is TokenKind.WORD:
        name = argument.text
    elif argument.kind is TokenKind.STRING and _CLOSED_STRING.fullmatch(argument.text):
        name = _unquote(argument.text)
    else:
        return None
    return FoundReference(name, Span(argument.start, argument.end), Span(code[index].start, closer.end))


def _unquote(literal: str) -> str:
    """A string literal's value, read as the parser reads it (`\\'`, `\\"` and `\\\\` are escapes)."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda match: match.group(1) if match.group(1) in "'\"\\" else match.group(0), body)
