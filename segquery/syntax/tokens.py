"""A plain regular-expression tokenizer over the raw text.

It never fails (anything unknown is an `invalid` token) and keeps comments, so
editor features (semantic tokens, completion context), token-level lint rules
(keyword case, quote style) and the formatter can look at exactly what was
written. It is also the speed floor the parse benchmark compares against.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Iterator


class TokenKind(enum.Enum):
    WHITESPACE = "whitespace"
    COMMENT = "comment"
    STRING = "string"
    NUMBER = "number"
    WORD = "word"            # identifiers and keywords; see `is_keyword`
    OPERATOR = "operator"    # == != >= <= > < && || + - * /
    PUNCTUATION = "punctuation"  # ( ) , .
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int


# A string runs to its closing quote or to the end of its line (`\n`, `\r\n`
# or `\r`); a backslash escapes the next character of the line. The loops are
# possessive: a scan never backtracks, so it is linear whatever the text.
STRING_PATTERN = r"""'(?:[^'\\\r\n]|\\[^\r\n])*+(?:'|\\?)|"(?:[^"\\\r\n]|\\[^\r\n])*+(?:"|\\?)"""
CLOSED_STRING_PATTERN = r"'(?:[^'\\\r\n]|\\[^\r\n])*+'" + "|" + r'"(?:[^"\\\r\n]|\\[^\r\n])*+"'
LINE_COMMENT_PATTERN = r"//[^\r\n]*+"
# White space pasted from web pages and rich-text editors, read as spaces
# outside strings: every Unicode space separator (category Zs) but the plain
# space, and the invisible byte-order mark and zero-width characters.
UNICODE_SPACE_CLASS = r"\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
ZERO_WIDTH_CLASS = r"\ufeff\u200b\u200c\u200d\u2060"
WHITESPACE_PATTERN = rf"[ \t\r\n\f{UNICODE_SPACE_CLASS}{ZERO_WIDTH_CLASS}]+"

_TOKEN = re.compile(rf"""
  (?P<whitespace>{WHITESPACE_PATTERN})
| (?P<comment>{LINE_COMMENT_PATTERN}|/\*.*?(?:\*/|\Z))
| (?P<string>{STRING_PATTERN})
| (?P<number>[0-9]+(?:\.[0-9]+)?)
| (?P<word>[A-Za-z_][A-Za-z0-9_]*)
| (?P<operator>==|!=|>=|<=|&&|\|\||[<>+\-*/])
| (?P<punctuation>[(),.])
| (?P<invalid>.)
""", re.X | re.S | re.M)

KEYWORDS = frozenset({"UNION", "INTERSECT", "EXCEPT", "MINUS", "CONTAINS", "STARTSWITH", "ENDSWITH",
                      "ASC", "DESC", "TRUE", "FALSE", "AND", "OR"})


_KINDS = {kind.value: kind for kind in TokenKind}


def tokenize(text: str, *, trivia: bool = True) -> Iterator[Token]:
    """Tokens in order; with trivia=False, white space is left out (comments stay)."""
    kinds = _KINDS
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "whitespace" and not trivia:
            continue
        yield Token(kinds[kind], match.group(), match.start(), match.end())


def is_function_name(tokens: list[Token], index: int) -> bool:
    """A word is a function name only when `(` follows it (comments and space aside)."""
    for token in tokens[index + 1:]:
        if token.kind in (TokenKind.WHITESPACE, TokenKind.COMMENT):
            continue
        return token.text == "("
    return False


def is_keyword(tokens: list[Token], index: int) -> bool:
    """Keyword words (set and string operators, ASC/DESC, TRUE/FALSE, AND/OR) not used as names."""
    token = tokens[index]
    return token.kind is TokenKind.WORD and token.text.upper() in KEYWORDS and not is_function_name(tokens, index)
