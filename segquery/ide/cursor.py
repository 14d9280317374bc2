"""Where the cursor is, in terms completion and signature help understand:
the word being typed, the token before it, the open call around it and which
of its arguments the cursor is in. Built from the text before the cursor only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segquery.ide.outline import Frame, Outline, build_outline
from segquery.source import Span
from segquery.syntax.tokens import CLOSED_STRING_PATTERN, OUTBOUND_LEXICON, Lexicon, Token, TokenKind

_WORD_TAIL = re.compile(r"[A-Za-z0-9_]*")
_CLOSED_STRING = re.compile(CLOSED_STRING_PATTERN)


@dataclass(frozen=True)
class Cursor:
    text: str
    offset: int
    outline: Outline            # of text[:offset]
    word: Token | None          # the word the cursor is in or right after
    replace: Span               # what a completion replaces: the whole word, or nothing
    context_end: int            # tokens[:context_end] come before the word
    in_trivia: bool             # inside a comment or an unterminated string

    @property
    def tokens(self) -> list[Token]:
        return self.outline.tokens

    def before(self, back: int = 1) -> Token | None:
        """The significant token `back` places before the word (1: the one just before)."""
        index = self.context_end - back
        return self.outline.tokens[index] if index >= 0 else None

    @property
    def frame(self) -> Frame | None:
        """The innermost open `(` around the cursor."""
        frames = self.outline.open_frames
        return frames[-1] if frames else None

    @property
    def argument_index(self) -> int:
        frame = self.frame
        return len(frame.arguments) - 1 if frame is not None else 0

    def argument_before_cursor(self) -> list[Token]:
        """Tokens of the current argument that precede the word."""
        frame = self.frame
        if frame is None:
            return []
        start = frame.arguments[-1][0]
        return self.outline.tokens[start:self.context_end]


def cursor_at(text: str, offset: int, lexicon: Lexicon = OUTBOUND_LEXICON) -> Cursor:
    offset = max(0, min(offset, len(text)))
    outline = build_outline(text[:offset], lexicon)
    tokens = outline.tokens
    word = None
    context_end = len(tokens)
    last = tokens[-1] if tokens else None
    if last is not None and last.end == offset and last.kind is TokenKind.WORD:
        word = last
        context_end -= 1
    word_tail = _WORD_TAIL.match(text, offset) if word is not None or _starts_word(text, offset) else None
    tail = word_tail.end() if word_tail is not None else offset  # the pattern matches the empty string
    start = word.start if word is not None else offset
    return Cursor(text, offset, outline, word, Span(start, tail), context_end, _in_trivia(outline, offset))


def _starts_word(text: str, offset: int) -> bool:
    return offset < len(text) and (text[offset].isalpha() or text[offset] == "_") and text[offset].isascii()


def _in_trivia(outline: Outline, offset: int) -> bool:
    comment = outline.comments[-1] if outline.comments else None
    if comment is not None and comment.end == offset:
        if comment.text.startswith("//") or not comment.text.endswith("*/") or len(comment.text) < 4:
            return True
    last = outline.tokens[-1] if outline.tokens else None
    if last is not None and last.end == offset and last.kind is TokenKind.STRING:
        return not _CLOSED_STRING.fullmatch(last.text)
    return False
