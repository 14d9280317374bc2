"""A token-level outline of a query: its calls, their arguments, and which
calls form a chain.

Editor features run on text that is being typed and rarely parses. The
outline needs nothing but the tokenizer, never fails, and is cheap enough to
rebuild on every keystroke, so completion, signature help and the fallback
paths of hover and semantic highlighting all read it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from segquery.source import Span
from segquery.syntax.tokens import OUTBOUND_LEXICON, Lexicon, Token, TokenKind, tokenize


@dataclass(eq=False, slots=True)
class Frame:
    """One `(`: a call when a word precedes it, else a plain parenthesis.

    `query_level` frames are the calls and groups of a chain (sources and
    steps); the others sit inside some call's arguments. `previous` is the
    call or group joined to this one by `.`, `following` the one after it.
    `arguments` holds token index ranges [start, end) into Outline.tokens.
    """

    open: Token
    name: Token | None
    parent: "Frame | None"
    query_level: bool
    index: int  # token index of the `(`
    previous: "Frame | None" = None
    following: "Frame | None" = None
    close: Token | None = None
    arguments: list[list[int]] = field(default_factory=list)

    @property
    def upper(self) -> str:
        return self.name.text.upper() if self.name is not None else ""

    @property
    def start(self) -> int:
        return self.name.start if self.name is not None else self.open.start

    @property
    def end(self) -> int | None:
        return self.close.end if self.close is not None else None

    def chain(self) -> list["Frame"]:
        """The calls of this frame's chain up to and including it, source first."""
        calls = [self]
        while calls[-1].previous is not None:
            calls.append(calls[-1].previous)
        calls.reverse()
        return calls


@dataclass(eq=False)
class Outline:
    text: str
    tokens: list[Token]            # significant tokens: no white space, no comments
    comments: list[Token]
    frames: list[Frame]            # in the order they open
    open_frames: list[Frame]       # still open where the outline ends, outermost first
    enclosing: list[Frame | None]  # per token: the innermost frame whose arguments hold it
    argument_of: list[int]         # per token: which argument of that frame it is in

    def argument_tokens(self, frame: Frame, index: int) -> list[Token]:
        if index >= len(frame.arguments):
            return []
        start, end = frame.arguments[index]
        return self.tokens[start:end]

    def argument_name(self, frame: Frame, index: int) -> Token | None:
        """The name an argument holds: a lone word, or a lone quoted string
        (written by mistake; the parser reports it, tools still read it)."""
        if index >= len(frame.arguments):
            return None
        start, end = frame.arguments[index]
        # Look at the argument's length before its tokens: slicing a long argument for every
        # word inside it made semantic tokens quadratic in the argument's length.
        if end - start != 1:
            return None
        token = self.tokens[start]
        return token if token.kind in (TokenKind.WORD, TokenKind.STRING) else None

    def frames_at(self, offset: int) -> list[Frame]:
        """Frames whose parentheses enclose `offset` (after `(`, up to `)`), outermost first."""
        return [frame for frame in self.frames
                if frame.open.end <= offset and (frame.close is None or offset <= frame.close.start)]

    def token_index_at(self, offset: int) -> int | None:
        """The index of the significant token that contains or ends at `offset`."""
        tokens = self.tokens
        low, high = 0, len(tokens)
        while low < high:
            middle = (low + high) // 2
            if tokens[middle].end < offset:
                low = middle + 1
            else:
                high = middle
        if low < len(tokens) and tokens[low].start <= offset <= tokens[low].end:
            if low + 1 < len(tokens) and tokens[low + 1].start == offset and tokens[low + 1].kind is TokenKind.WORD:
                return low + 1
            return low
        return None


def name_text(token: Token) -> str:
    """The name a token spells: a word as written, a quoted string without its quotes."""
    if token.kind is TokenKind.STRING:
        body = token.text[1:]
        return body[:-1] if body.endswith(token.text[0]) else body
    return token.text


def name_span(token: Token) -> Span:
    return Span(token.start, token.end)


@functools.lru_cache(maxsize=16)
def build_outline(text: str, lexicon: Lexicon = OUTBOUND_LEXICON) -> Outline:
    """The outline of `text`. Cached: an editor asks for completion, signature
    help and hover on the same text one after the other. Outlines are not
    changed after they are built."""
    tokens: list[Token] = []
    comments: list[Token] = []
    for token in tokenize(text, trivia=False, lexicon=lexicon):
        (comments if token.kind is TokenKind.COMMENT else tokens).append(token)
    frames: list[Frame] = []
    stack: list[Frame] = []
    closed_by: dict[int, Frame] = {}
    enclosing: list[Frame | None] = []
    argument_of: list[int] = []
    for index, token in enumerate(tokens):
        top = stack[-1] if stack else None
        text_ = token.text
        if text_ == "(" and token.kind is TokenKind.PUNCTUATION:
            enclosing.append(top)
            argument_of.append(len(top.arguments) - 1 if top else 0)
            before = tokens[index - 1] if index else None
            name = before if before is not None and before.kind is TokenKind.WORD else None
            frame = Frame(open=token, name=name, parent=top, index=index,
                          query_level=top is None or (top.name is None and top.query_level),
                          arguments=[[index + 1, index + 1]])
            if (name is not None and index >= 3 and tokens[index - 2].text == "."
                    and tokens[index - 3].text == ")"):
                previous = closed_by.get(index - 3)
                if previous is not None and previous.parent is top:
                    frame.previous = previous
                    previous.following = frame
            stack.append(frame)
            frames.append(frame)
            continue
        if text_ == ")" and token.kind is TokenKind.PUNCTUATION and stack:
            frame = stack.pop()
            frame.close = token
            frame.arguments[-1][1] = index
            closed_by[index] = frame
            top = stack[-1] if stack else None
            enclosing.append(top)
            argument_of.append(len(top.arguments) - 1 if top else 0)
            continue
        enclosing.append(top)
        argument_of.append(len(top.arguments) - 1 if top else 0)
        if text_ == "," and top is not None:
            top.arguments[-1][1] = index
            top.arguments.append([index + 1, index + 1])
    for frame in stack:
        frame.arguments[-1][1] = len(tokens)
    return Outline(text, tokens, comments, frames, list(stack), enclosing, argument_of)
