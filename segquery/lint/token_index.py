"""The tokens of a text, looked up by offset, made of pieces tokenized apart.

A valid query's text splits at the edges of its units (chain steps, operands
of a long FILTER condition: segquery/step_units.py) into pieces that tokenize
alone exactly as they do within the whole text (a unit's span starts with its
first token and ends with its last, so no token, comment or string crosses an
edge). The tokens of a piece are kept by its text from one check to the next,
with offsets relative to the piece's start; a token is shifted to the text's
offsets only when a rule asks for it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from segquery.fast_dataclass import dataclass
from collections.abc import Iterator, Sequence

from segquery.syntax.tokens import Token, TokenKind

TRIVIA = (TokenKind.WHITESPACE, TokenKind.COMMENT)


@dataclass(frozen=True, slots=True)
class TokenPiece:
    """The tokens of a piece of text, with offsets relative to the piece's start."""

    tokens: tuple[Token, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> TokenPiece:
        return cls(tuple(tokens), tuple(token.start for token in tokens))


class TokenIndex:
    """Token look-ups over pieces placed at offsets that follow each other and cover the text."""

    def __init__(self, placed: Sequence[tuple[int, TokenPiece]]) -> None:
        self._offsets = [offset for offset, _ in placed]
        self._pieces = [piece for _, piece in placed]

    @classmethod
    def whole(cls, tokens: Sequence[Token]) -> TokenIndex:
        return cls([(0, TokenPiece.of(tokens))])

    def _placed(self, number: int, token: Token) -> Token:
        offset = self._offsets[number]
        return token if offset == 0 else Token(token.kind, token.text, token.start + offset, token.end + offset)

    def _piece_at(self, offset: int) -> int:
        return max(0, bisect_right(self._offsets, offset) - 1)

    def token_at(self, offset: int) -> Token | None:
        """The token that starts exactly at `offset`."""
        number = self._piece_at(offset)
        piece, relative = self._pieces[number], offset - self._offsets[number]
        index = bisect_left(piece.starts, relative)
        if index < len(piece.tokens) and piece.starts[index] == relative:
            return self._placed(number, piece.tokens[index])
        return None

    def previous_token(self, offset: int) -> Token | None:
        """The last significant token that ends at or before `offset`."""
        number = self._piece_at(offset)
        while number >= 0:
            piece, relative = self._pieces[number], offset - self._offsets[number]
            index = bisect_left(piece.starts, relative) - 1
            while index >= 0:
                token = piece.tokens[index]
                if token.kind not in TRIVIA and token.end <= relative:
                    return self._placed(number, token)
                index -= 1
            number -= 1
        return None

    def next_token(self, offset: int) -> Token | None:
        """The first significant token that starts at or after `offset`."""
        number = self._piece_at(offset)
        index = bisect_left(self._pieces[number].starts, offset - self._offsets[number])
        while number < len(self._pieces):
            piece = self._pieces[number]
            while index < len(piece.tokens):
                token = piece.tokens[index]
                if token.kind not in TRIVIA:
                    return self._placed(number, token)
                index += 1
            number, index = number + 1, 0
        return None

    def tokens_between(self, start: int, end: int) -> Iterator[Token]:
        """The tokens that start in [start, end)."""
        number = self._piece_at(start)
        index = bisect_left(self._pieces[number].starts, start - self._offsets[number])
        while number < len(self._pieces):
            piece, offset = self._pieces[number], self._offsets[number]
            while index < len(piece.tokens):
                token = piece.tokens[index]
                if token.start + offset >= end:
                    return
                yield self._placed(number, token)
                index += 1
            number, index = number + 1, 0
