"""Checks shared by the formatter tests, written from the documented rules
(docs/formatter.md), not from the formatter's code."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from segquery.diagnostics import TextEdit
from segquery.syntax.tokens import OUTBOUND_LEXICON, Lexicon, Token, TokenKind, tokenize

_NOT_OPERAND_ENDS = {"CONTAINS", "STARTSWITH", "ENDSWITH", "UNION", "INTERSECT", "EXCEPT", "AND", "OR"}
_SET_OPERATORS = {"UNION", "INTERSECT", "EXCEPT"}
_COMPARISONS = {"==", "!=", ">", ">=", "<", "<=", "CONTAINS", "STARTSWITH", "ENDSWITH"}


def comment_texts(text: str) -> Counter:
    """The multiset of comments, as the formatter may print them: a `//` comment
    without trailing white space, line breaks inside `/* */` as `\\n`."""
    found = Counter()
    for token in tokenize(text):
        if token.kind is TokenKind.COMMENT:
            found[token.text.rstrip() if token.text.startswith("//") else token.text.replace("\r\n", "\n")] += 1
    return found


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """The text with non-overlapping edits applied (checks that they do not overlap)."""
    ordered = sorted(edits, key=lambda edit: edit.start)
    for before, after in pairwise(ordered):
        assert before.end <= after.start, f"overlapping edits {before} {after}"
    for edit in reversed(ordered):
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text


def _is_operand_end(token: Token) -> bool:
    if token.kind in (TokenKind.NUMBER, TokenKind.STRING):
        return True
    if token.kind is TokenKind.WORD:
        return token.text.upper() not in _NOT_OPERAND_ENDS
    return token.text in (")", "]")


def _starts_with_call(tokens: list[Token], first: int) -> bool:
    """Whether the operand starting at `first` opens with `(` or a call (after any `-`)."""
    while first < len(tokens) and tokens[first].text == "-":
        first += 1
    if first >= len(tokens):
        return False
    return tokens[first].text == "(" or (first + 1 < len(tokens) and tokens[first + 1].text == "(")


def _break_points(line: list[Token], tokens: list[Token], index_of: dict[int, int]) -> list[str]:
    """Places between two tokens of one line where the layout rules allow a line break."""
    found = []
    for left, right in pairwise(line):
        pair = f"`{left.text}` `{right.text}`"
        if left.text == "(" and right.text != ")":
            found.append(f"after an opening parenthesis: {pair}")
        elif right.text == ")" and left.text != "(":
            found.append(f"before a closing parenthesis: {pair}")
        elif left.text == "[" and right.text != "]":
            found.append(f"after an opening bracket: {pair}")
        elif right.text == "]" and left.text != "[":
            found.append(f"before a closing bracket: {pair}")
        elif left.text == ",":
            found.append(f"after a comma: {pair}")
        elif left.text == ")" and right.text == ".":
            found.append(f"before a step: {pair}")
        elif right.text in ("&&", "||"):
            found.append(f"before a logical operator: {pair}")
        elif right.text in _SET_OPERATORS or left.text in _SET_OPERATORS:
            found.append(f"around a set operator: {pair}")
        elif right.text in ("+", "*", "/") or (right.text == "-" and _is_operand_end(left)):
            found.append(f"before an arithmetic operator: {pair}")
        elif right.text in _COMPARISONS and left.text != ")" and not _starts_with_call(tokens,
                                                                                        index_of[id(right)] + 1):
            found.append(f"before a comparison: {pair}")
    return found


def overlong_lines(text: str, limit: int, lexicon: Lexicon = OUTBOUND_LEXICON) -> list[str]:
    """Lines longer than `limit` (comments and the space before each not
    counted) that the layout could still have broken; empty when the
    line-length rule holds. `subject IN [` is never split, as `NAME(` is not."""
    everything = list(tokenize(text, trivia=False, lexicon=lexicon))
    comments = [token for token in everything if token.kind is TokenKind.COMMENT]
    tokens = [token for token in everything if token.kind is not TokenKind.COMMENT]
    index_of = {id(token): index for index, token in enumerate(tokens)}
    lines: dict[int, list[Token]] = {}
    for token in tokens:
        lines.setdefault(text.rfind("\n", 0, token.start) + 1, []).append(token)
    problems = []
    for line_start, line in lines.items():
        end = line[-1].end
        in_comments = sum(max(0, min(end, c.end) - max(line_start, c.start - 1)) for c in comments)
        width = end - line_start - in_comments
        if width <= limit:
            continue
        points = _break_points(line, tokens, index_of)
        if points:
            problems.append(f"{text[line_start:line[-1].end]!r} ({width} > {limit}) could break "
                            + "; ".join(points))
    return problems
