"""A fast pre-pass over the raw text, before lark sees it.

It finds what a token-level parser explains badly: characters no token starts
with, unterminated strings and comments, unbalanced or too deeply nested
parentheses, a single `=`, and the `Name = query` shorthand. It reports them
all (so one run shows several problems) and hands lark a sanitized copy of the
text of the same length, so offsets stay valid.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import field

from segquery.diagnostics import Applicability, Diagnostic, Fix, RelatedLocation, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText
from segquery.syntax import codes
from segquery.syntax.tokens import (BLOCK_COMMENT_PATTERN, CLOSED_STRING_PATTERN, LINE_COMMENT_PATTERN,
                                    OUTBOUND_LEXICON, UNICODE_SPACE_CLASS, WHITESPACE_PATTERN,
                                    ZERO_WIDTH_CLASS, Lexicon, tokenize)

MAX_NESTING = 64
MAX_REPORTED_UNCLOSED = 3
# Past this many lexical problems the text is not a query; stop listing them.
MAX_REPORTED_PROBLEMS = 100

# Typographic quotes: ‘…’ “…” „…“ „…” ‚…’ «…» »…« (and the same quote on both sides).
_OPENING_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
_CLOSING_QUOTES = "\u2018\u2019\u201b\u201c\u201d\u201f\u00ab\u00bb"
_QUOTES = _OPENING_QUOTES
_UNICODE_SPACE = f"[{UNICODE_SPACE_CLASS}{ZERO_WIDTH_CLASS}]"
_ZERO_WIDTH = frozenset("\ufeff\u200b\u200c\u200d\u2060")


@functools.lru_cache(maxsize=None)
def _scan_pattern(token_characters: str) -> re.Pattern[str]:
    """The scan for a lexicon: a character outside white space, names and the
    lexicon's token characters is invalid."""
    # Without `[` in the lexicon, `IN [..]` is a real-time journeys list in the wrong dialect.
    foreign_list = ("" if "[" in token_characters
                    else r"| (?P<foreign_list>(?<![A-Za-z0-9_])[Ii][Nn][ \t]*\[[^\]\r\n()]*+\]?)")
    return re.compile(rf"""
  (?P<string>{CLOSED_STRING_PATTERN})
| (?P<comment>{LINE_COMMENT_PATTERN}|{BLOCK_COMMENT_PATTERN})
| (?P<open_comment>/\*)
| (?P<typographic_string>[{_OPENING_QUOTES}][^{_QUOTES}\r\n]*[{_CLOSING_QUOTES}])
| (?P<open_string>['"][^\r\n]*)
| (?P<unicode_space>{_UNICODE_SPACE}(?:[ \t]*{_UNICODE_SPACE})*+)
| (?P<lpar>\()
| (?P<rpar>\))
| (?P<single>(?<![=!<>])=(?!=)|(?<!&)&(?!&)|(?<!\|)\|(?!\|)|!(?!=))
{foreign_list}
| (?P<bad>[^ \t\r\n\fA-Za-z0-9_{re.escape(token_characters)}])
""", re.X | re.S)


_LEADING_TRIVIA = re.compile(rf"(?:{WHITESPACE_PATTERN}|{LINE_COMMENT_PATTERN}|{BLOCK_COMMENT_PATTERN})*+", re.S)
_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t\r\n\f]*=(?!=)[ \t\r\n\f]*")
_TYPOGRAPHIC_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
_SINGLE_HINTS = {
    "&": ("`&` is not an operator; use `&&` to join conditions", "&&"),
    "|": ("`|` is not an operator; use `||` to join conditions", "||"),
    "!": ("`!` is not an operator; use NOT(condition) or `!=`", None),
}


@dataclass
class ScanResult:
    sanitized: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Offsets where a reported problem ends: lark errors right after them are echoes.
    problem_ends: list[int] = field(default_factory=list)
    # False when parentheses nest too deep: parsing would only add noise.
    parseable: bool = True
    # `)` the parser is given at the end for each unclosed `(`, so that the rest
    # of the query is still checked (unmatched `)` are blanked for the same reason).
    missing_closers: int = 0
    only_trivia: bool = False


def scan(source: SourceText, lexicon: Lexicon = OUTBOUND_LEXICON) -> ScanResult:
    text = source.text
    chars = None  # a mutable copy, made only when something must be blanked
    result = ScanResult(sanitized=text)

    def report(code: str, message: str, start: int, end: int, *, echoes: bool = True, **kwargs) -> None:
        """`echoes`: the parser's complaints right after this problem are its echo. Not so after text
        blanked to exactly what it means (white space, the `Name =` shorthand): an error there is real,
        and hiding it would drop the tokens the parser skipped."""
        if len(result.diagnostics) < MAX_REPORTED_PROBLEMS:
            result.diagnostics.append(make_diagnostic(source, code, message, start, end, **kwargs))
        if echoes:
            result.problem_ends.append(end)

    def blank(start: int, end: int, replacement: str | None = None) -> None:
        nonlocal chars
        if chars is None:
            chars = list(text)
        filler = replacement if replacement is not None else " " * (end - start)
        chars[start:end] = filler

    leading = _LEADING_TRIVIA.match(text)
    assert leading is not None  # the pattern matches the empty string
    first = leading.end()
    result.only_trivia = first >= len(text)
    assignment_end = -1
    assignment = _ASSIGNMENT.match(text, first)
    if assignment:
        name = assignment.group(1)
        assignment_end = assignment.end()
        report(codes.ASSIGNMENT,
               f"`{name} = query` is documentation shorthand: a file or request holds only the query; "
               f"remove `{name} =`", assignment.start(), assignment.end(), echoes=False,
               fix=Fix.replace(f"Remove `{name} =`", assignment.start(), assignment.end(), ""))
        blank(assignment.start(), assignment.end())

    open_stack: list[int] = []
    last_closed: tuple[int, int] | None = None
    too_deep_reported = False
    for match in _scan_pattern(lexicon.token_characters).finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "lpar":
            open_stack.append(start)
            if len(open_stack) > MAX_NESTING and not too_deep_reported:
                too_deep_reported = True
                result.parseable = False
                report(codes.TOO_DEEP, f"parentheses nest deeper than {MAX_NESTING} levels here", start, end)
        elif kind == "rpar":
            if open_stack:
                last_closed = (open_stack.pop(), start)
            else:
                blank(start, end)
                related: tuple[RelatedLocation, ...] = ()
                if last_closed is not None:
                    opening, closing = last_closed
                    related = (RelatedLocation(f"this `(` was already closed by the `)` at column "
                                               f"{source.position(closing).column}",
                                               source.range(opening, opening + 1)),)
                report(codes.UNMATCHED_CLOSING, "unmatched `)`: there is no `(` left to close", start, end,
                       related=related,
                       fix=Fix.replace("Remove the `)`", start, end, "", Applicability.UNSAFE))
        elif kind == "single":
            if start < assignment_end:
                continue
            char = match.group()
            if char == "=":
                report(codes.SINGLE_EQUALS, "`=` is not an operator; compare with `==`", start, end,
                       fix=Fix.replace("Use `==`", start, end, "=="))
                blank(start, end, "<")
            else:
                message, replacement = _SINGLE_HINTS[char]
                fix = Fix.replace(f"Use `{replacement}`", start, end, replacement) if replacement else None
                report(codes.INVALID_CHARACTER, message, start, end, fix=fix)
                blank(start, end)
        elif kind == "foreign_list":
            report(codes.REALTIME_ONLY, "`IN [..]` lists are real-time journeys'; outbound marketing compares "
                   "each value: `field == 1 || field == 2`", start, end)
            blank(start, end)
        elif kind == "bad":
            report(codes.INVALID_CHARACTER, _bad_character_message(match.group()), start, end)
            blank(start, end)
        elif kind == "open_string":
            quote = match.group()[0]
            report(codes.UNTERMINATED_STRING, f"unterminated string: add the closing {quote} before the end "
                   "of the line", start, end)
            blank(start, end, (quote + " " * (end - start - 2) + quote) if end - start >= 2 else " ")
        elif kind == "unicode_space":
            report(codes.UNICODE_SPACE, _unicode_space_message(match.group()), start, end, echoes=False,
                   fix=Fix.replace("Use plain spaces", start, end, _plain_spaces(text, start, end, lexicon)))
            blank(start, end)
        elif kind == "typographic_string":
            quoted = match.group()
            report(codes.TYPOGRAPHIC_QUOTES,
                   f"typographic quotes `{quoted[0]}` `{quoted[-1]}` around a string: strings use the straight "
                   "quote `'`", start, end,
                   fix=Fix.replace("Use straight quotes", start, end, _straight_string(quoted[1:-1])))
            blank(start, end, "'" + " " * (end - start - 2) + "'")
        elif kind == "open_comment":
            report(codes.UNTERMINATED_COMMENT, "unterminated comment: `/*` has no closing `*/`", start, len(text))
            blank(start, len(text))
            break
    if open_stack:
        result.missing_closers = len(open_stack)
        end_position = source.position(len(text.rstrip()))
        for opening in open_stack[-MAX_REPORTED_UNCLOSED:]:
            report(codes.UNCLOSED_PARENTHESIS, "`(` is never closed: add `)`", opening, opening + 1,
                   related=(RelatedLocation("the query ends here", source.range(end_position.offset,
                                                                                 end_position.offset)),))
    if chars is not None:
        result.sanitized = "".join(chars)
    return result


def _unicode_space_message(run: str) -> str:
    names = []
    for char in run:
        if char not in " \t":
            name = f"U+{ord(char):04X} {unicodedata.name(char, 'ZERO WIDTH NO-BREAK SPACE')}"
            if name not in names:
                names.append(name)
    shown = ", ".join(names[:3]) + (" and others" if len(names) > 3 else "")
    if all(char in _ZERO_WIDTH or char in " \t" for char in run):
        return f"invisible {shown} read as white space: remove it"
    return f"{shown} read as a space: use plain spaces"


def _plain_spaces(text: str, start: int, end: int, lexicon: Lexicon) -> str:
    """The run with Unicode spaces as plain spaces and zero-width characters removed;
    where removing them would join the text around into other tokens (`ab` and `cd`,
    `/` and `//`), one space, which is how the parser read them."""
    out = []
    for position in range(start, end):
        char = text[position]
        if char not in _ZERO_WIDTH:
            out.append(" " if char not in " \t" else char)
    plain = "".join(out)
    if not plain and _joins(text[max(0, start - _JOIN_WINDOW):start], text[end:end + _JOIN_WINDOW], lexicon):
        return " "
    return plain


_JOIN_WINDOW = 3  # the longest token two neighbours could form (`//`, `==`, `&&`) fits in it


def _joins(before: str, after: str, lexicon: Lexicon) -> bool:
    """Whether `before` and `after` written together are other tokens than with a space between."""
    if not before or not after:
        return False
    def words(text: str) -> list[str]:
        return [token.text for token in tokenize(text, trivia=False, lexicon=lexicon)]
    return words(before + after) != words(before) + words(after)


def _straight_string(body: str) -> str:
    """A single-quoted string literal whose value is `body`."""
    return "'" + body.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _bad_character_message(char: str) -> str:
    if char in _TYPOGRAPHIC_QUOTES:
        return (f"typographic quote `{char}` (U+{ord(char):04X}); strings use the straight quote "
                f"`{_TYPOGRAPHIC_QUOTES[char]}`")
    if char == "\0":
        return "NUL byte (U+0000) in the query"
    name = unicodedata.name(char, "")
    shown = repr(char)[1:-1] if not char.isprintable() or char.isspace() else char
    described = f"`{shown}` (U+{ord(char):04X}{' ' + name if name else ''})"
    if ord(char) > 127:
        return f"unexpected character {described}: names are ASCII; other text belongs in a string"
    return f"unexpected character {described}"
