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

from segquery.fast_dataclass import dataclass
from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.tokens import (BLOCK_COMMENT_PATTERN, CLOSED_STRING_PATTERN, LINE_COMMENT_PATTERN, NAME_PATTERN,
                                    OPEN_BLOCK_COMMENT_PATTERN, STRING_PATTERN, WORD_CHARACTERS, string_value)

# Comments and strings are matched whole, so that `SEGMENT` inside them is not
# taken for a call; same token definitions as segquery.syntax.tokens. The word
# SEGMENT is matched only where a word starts (a letter or `_` before it would
# make it part of a longer word; a digit is checked in `_starts_word`).
_PIECES = re.compile(rf"""
  (?P<comment>{LINE_COMMENT_PATTERN}|{OPEN_BLOCK_COMMENT_PATTERN})
| {STRING_PATTERN}
| (?P<segment>(?<![A-Za-z_])[Ss][Ee][Gg][Mm][Ee][Nn][Tt](?![A-Za-z0-9_]))
""", re.X | re.S | re.M)
# Possessive (`++`, `*+`): a run of spaces or a comment is taken whole and never
# split again when what follows does not match, so a failed match is linear
# (nested `(?:[ ]+)*` tries every split of a run of spaces: exponential).
_TRIVIA = rf"(?:[ \t\r\n\f]++|{LINE_COMMENT_PATTERN}|{BLOCK_COMMENT_PATTERN})*+"
# What must follow the word SEGMENT for a call with one name: `( name )`.
_CALL_REST = re.compile(_TRIVIA + r"\(" + _TRIVIA
                        + rf"(?P<name>{NAME_PATTERN}|{CLOSED_STRING_PATTERN})"
                        + _TRIVIA + r"\)", re.S)
# The common case, `SEGMENT(name)` with nothing in between, first.
_PLAIN_CALL_REST = re.compile(rf"\((?P<name>{NAME_PATTERN})\)")
# A text without the word SEGMENT (in any case) and without the start of a comment has neither: most
# texts, which need not be scanned piece by piece (strings are matched only to be skipped).
_ANYTHING_TO_FIND = re.compile(r"[Ss][Ee][Gg][Mm][Ee][Nn][Tt]|/[/*]")


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
    if _ANYTHING_TO_FIND.search(text) is None:
        return ScanResult((), ())
    references = []
    comments = []
    for match in _PIECES.finditer(text):
        if match.lastgroup == "segment":
            if not _starts_word(text, match.start()):
                continue
            call = _PLAIN_CALL_REST.match(text, match.end()) or _CALL_REST.match(text, match.end())
            if call is not None:
                name = call.group("name")
                if name[0] in "'\"":
                    name = string_value(name)
                references.append(FoundReference(name, Span(call.start("name"), call.end("name")),
                                                 Span(match.start(), call.end())))
        elif match.lastgroup == "comment":
            comments.append(ast.Comment(text=match.group(), span=Span(match.start(), match.end())))
    return ScanResult(tuple(references), tuple(comments))


def _starts_word(text: str, start: int) -> bool:
    """Whether the tokenizer starts a word at `start`: nothing word-like before it, or only digits
    (a number token ends where the letters begin, as in `1SEGMENT`)."""
    position = start
    while position > 0 and text[position - 1] in WORD_CHARACTERS:
        position -= 1
    return all(character.isdigit() for character in text[position:start])
