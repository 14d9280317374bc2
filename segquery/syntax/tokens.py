"""A plain regular-expression tokenizer over the raw text.

It never fails (anything unknown is an `invalid` token) and keeps comments, so
editor features (semantic tokens, completion context), token-level lint rules
(keyword case, quote style) and the formatter can look at exactly what was
written. It is also the speed floor the parse benchmark compares against.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Iterator, cast

from segquery.fast_dataclass import dataclass


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
# A block comment; the tokenizer also takes one left open, to the end of the text.
BLOCK_COMMENT_PATTERN = r"/\*.*?\*/"
OPEN_BLOCK_COMMENT_PATTERN = r"/\*.*?(?:\*/|\Z)"
NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]*"
WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
# The characters a backslash escapes in a string; before any other character it is itself.
ESCAPED_CHARACTERS = "'\"\\"
_ESCAPE = re.compile(r"\\(.)")
# White space pasted from web pages and rich-text editors, read as spaces
# outside strings: every Unicode space separator (category Zs) but the plain
# space, and the invisible byte-order mark and zero-width characters.
UNICODE_SPACE_CLASS = r"\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
ZERO_WIDTH_CLASS = r"\ufeff\u200b\u200c\u200d\u2060"
WHITESPACE_PATTERN = rf"[ \t\r\n\f{UNICODE_SPACE_CLASS}{ZERO_WIDTH_CLASS}]+"

OUTBOUND_OPERATORS = ("==", "!=", ">=", "<=", "&&", "||", "<", ">", "+", "-", "*", "/")
QUOTES = "'\""


@dataclass(frozen=True)
class Lexicon:
    """Which character sequences are tokens: a dialect's operators and punctuation.

    Strings, comments, numbers and names are the same in every dialect; the
    tokenizer and the scanner's check for invalid characters both read this.
    """

    operators: tuple[str, ...] = OUTBOUND_OPERATORS
    punctuation: str = "(),."

    @functools.cached_property
    def token_characters(self) -> str:
        """Characters that start or continue a token; anything else outside strings and comments is invalid."""
        seen = dict.fromkeys("".join(self.operators) + self.punctuation + QUOTES)
        return "".join(seen)

    @functools.cached_property
    def token_pattern(self) -> re.Pattern[str]:
        operators = "|".join(re.escape(operator) for operator in sorted(self.operators, key=len, reverse=True))
        return re.compile(rf"""
  (?P<whitespace>{WHITESPACE_PATTERN})
| (?P<comment>{LINE_COMMENT_PATTERN}|{OPEN_BLOCK_COMMENT_PATTERN})
| (?P<string>{STRING_PATTERN})
| (?P<number>[0-9]+(?:\.[0-9]+)?)
| (?P<word>{NAME_PATTERN})
| (?P<operator>{operators})
| (?P<punctuation>[{re.escape(self.punctuation)}])
| (?P<invalid>.)
""", re.X | re.S | re.M)


OUTBOUND_LEXICON = Lexicon()

KEYWORDS = frozenset({"UNION", "INTERSECT", "EXCEPT", "MINUS", "CONTAINS", "STARTSWITH", "ENDSWITH",
                      "ASC", "DESC", "TRUE", "FALSE", "AND", "OR"})


def unescape(body: str) -> str:
    """The value of a string literal's body (the text between its quotes)."""
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda match: match.group(1) if match.group(1) in ESCAPED_CHARACTERS else match.group(0), body)


def string_value(literal: str) -> str:
    """The value of a closed string literal, quotes included in `literal`."""
    return unescape(literal[1:-1])


_KINDS = {kind.value: kind for kind in TokenKind}


def tokenize(text: str, *, trivia: bool = True, lexicon: Lexicon = OUTBOUND_LEXICON) -> Iterator[Token]:
    """Tokens in order; with trivia=False, white space is left out (comments stay)."""
    kinds = _KINDS
    for match in lexicon.token_pattern.finditer(text):
        kind = match.lastgroup
        if kind == "whitespace" and not trivia:
            continue
        yield Token(kinds[cast(str, kind)], match.group(), match.start(), match.end())


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


# Comments and strings, and whatever runs between them in one piece: only a quote or a slash
# can start a token that holds a quote or a slash (a string, a comment, the `/` operator), so
# this finds the tokenizer's comments without making a token of every word and space.
_COMMENT_SCAN = re.compile(
    rf"(?P<comment>{LINE_COMMENT_PATTERN}|{OPEN_BLOCK_COMMENT_PATTERN})|{STRING_PATTERN}|[^'\"/]++|/", re.S)


def comment_tokens(text: str) -> list[Token]:
    """The comment tokens `tokenize` yields for `text` (in any dialect), found in a fraction of its time."""
    if "/" not in text:
        return []
    return [Token(TokenKind.COMMENT, match.group(), match.start(), match.end())
            for match in _COMMENT_SCAN.finditer(text) if match.lastgroup == "comment"]
