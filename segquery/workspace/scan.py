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

# The pieces of text the scan must see whole, so that `SEGMENT` inside a
# comment, a string or a longer word is not taken for a call. Same token
# definitions as segquery.syntax.tokens.
_PIECES = re.compile(r"""
  (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
| '(?:[^'\\\n]|\\.)*(?:'|$)|"(?:[^"\\\n]|\\.)*(?:"|$)
| (?P<word>[A-Za-z_][A-Za-z0-9_]*)
""", re.X | re.S | re.M)
_TRIVIA = r"(?:[ \t\r\n\f]+|//[^\n]*|/\*.*?\*/)*"
# What must follow the word SEGMENT for a call with one name: `( name )`.
_CALL_REST = re.compile(_TRIVIA + r"\(" + _TRIVIA
                        + r"""(?P<name>[A-Za-z_][A-Za-z0-9_]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
                        + _TRIVIA + r"\)", re.S)
# The common case, `SEGMENT(name)` with nothing in between, first.
_PLAIN_CALL_REST = re.compile(r"\((?P<name>[A-Za-z_][A-Za-z0-9_]*)\)")
_ESCAPE = re.compile(r"\\(.)")


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
    references = []
    comments = []
    for match in _PIECES.finditer(text):
        if match.lastgroup == "word":
            if len(match.group()) == 7 and match.group().upper() == "SEGMENT":
                call = _PLAIN_CALL_REST.match(text, match.end()) or _CALL_REST.match(text, match.end())
                if call is not None:
                    name = call.group("name")
                    if name[0] in "'\"":
                        name = _unquote(name)
                    references.append(FoundReference(name, Span(call.start("name"), call.end("name")),
                                                     Span(match.start(), call.end())))
        elif match.lastgroup == "comment":
            comments.append(ast.Comment(text=match.group(), span=Span(match.start(), match.end())))
    return ScanResult(tuple(references), tuple(comments))


def _unquote(literal: str) -> str:
    """A string literal's value, read as the parser reads it (`\\'`, `\\"` and `\\\\` are escapes)."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda match: match.group(1) if match.group(1) in "'\"\\" else match.group(0), body)
