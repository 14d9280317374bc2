"""Keywords glued to the next word (`UNIONSEGMENT(b)`, `x == 1 ORISNULL(y)`).

The grammar's keywords end at a word boundary, so such a word is read as one
unknown name where the grammar wants a keyword. This module recognises that
case from the parser's error, reports it with a fix that inserts the missing
space, and tells the parser how to go on as if the space were there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from lark import Token

from segquery.diagnostics import Applicability, Fix
from segquery.syntax.dialect import Dialect
from segquery.syntax.tokens import NAME_PATTERN

# Grammar terminals that are keyword words, and the word each one is.
KEYWORD_TERMINALS: dict[str, str] = {
    "_OR": "OR", "_AND": "AND", "UNION": "UNION", "INTERSECT": "INTERSECT", "EXCEPT": "EXCEPT",
    "MINUS_WORD": "MINUS", "CONTAINS": "CONTAINS", "STARTSWITH": "STARTSWITH", "ENDSWITH": "ENDSWITH",
    "ASC": "ASC", "DESC": "DESC", "TRUE": "TRUE", "FALSE": "FALSE",
}
_NAME = re.compile(NAME_PATTERN + r"\Z")
_NUMBER = re.compile(r"[0-9]+\Z")


@dataclass(frozen=True)
class GluedKeyword:
    """`keyword` (a grammar terminal) written without a space before `rest`."""

    terminal: str
    keyword: Token
    rest: Token
    fix: Fix

    @property
    def message(self) -> str:
        word, rest = self.keyword.value, self.rest.value
        return (f"`{word}{rest}` reads as one word; the keyword `{word.upper()}` needs a space after it: "
                f"`{word} {rest}`")


def glued_keyword(token: Token, expected: set[str], text: str, dialect: Dialect) -> GluedKeyword | None:
    """The keyword that `token` (an unexpected name) starts with, when the
    grammar expects that keyword here and the rest of the word is a name or a
    whole number; None otherwise."""
    if token.type != "NAME" or "NAME" in expected:
        return None
    word = token.value
    for terminal in sorted(expected, key=lambda name: -len(KEYWORD_TERMINALS.get(name, ""))):
        keyword = KEYWORD_TERMINALS.get(terminal)
        if keyword is None or len(word) <= len(keyword) or word[:len(keyword)].upper() != keyword:
            continue
        rest = word[len(keyword):]
        rest_type = _rest_type(rest)
        if rest_type is None:
            return None
        # Lark types a token's positions as optional; a token in the text has them.
        start_pos, end_pos, column = cast(int, token.start_pos), cast(int, token.end_pos), cast(int, token.column)
        split = start_pos + len(keyword)
        keyword_token = Token(terminal, word[:len(keyword)], start_pos=start_pos, end_pos=split,
                              line=token.line, column=token.column)
        rest_token = Token(rest_type, rest, start_pos=split, end_pos=end_pos,
                           line=token.line, column=column + len(keyword))
        safe = rest_type == "NAME" and dialect.function(rest) is not None and _followed_by_call(text, end_pos)
        fix = Fix.replace(f"Insert a space after `{keyword}`", split, split, " ",
                          Applicability.SAFE if safe else Applicability.UNSAFE)
        return GluedKeyword(terminal, keyword_token, rest_token, fix)
    return None


def _rest_type(rest: str) -> str | None:
    """The token the rest of the word makes on its own (keywords included)."""
    if _NUMBER.match(rest):
        return "NUMBER"
    if not _NAME.match(rest):
        return None
    return next((terminal for terminal, keyword in KEYWORD_TERMINALS.items() if keyword == rest.upper()), "NAME")


def _followed_by_call(text: str, end: int) -> bool:
    return text[end:end + 200].lstrip().startswith("(")
