"""Source text with fast offset <-> line/column conversion.

Offsets are indexes into the Python string (code points). Lines and columns
are 1-based, as people read them; the language server converts them to its
own 0-based UTF-16 positions at the boundary.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Position:
    """A point in a source: offset plus 1-based line and column."""

    offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Range:
    """A half-open span [start, end) in a source."""

    start: Position
    end: Position

    def to_dict(self) -> dict:
        return {
            "start": {"line": self.start.line, "column": self.start.column, "offset": self.start.offset},
            "end": {"line": self.end.line, "column": self.end.column, "offset": self.end.offset},
        }


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets of a node in its source; line/column are computed on demand."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset <= self.end


@dataclass(frozen=True)
class SourceText:
    """A text and the table of its line starts."""

    text: str
    path: str | None = None
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        index = find("\n")
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect_right(self._line_starts, offset) - 1
        return Position(offset, line_index + 1, offset - self._line_starts[line_index] + 1)

    def range(self, start: int, end: int) -> Range:
        return Range(self.position(start), self.position(max(start, end)))

    def span_range(self, span: Span) -> Range:
        return self.range(span.start, span.end)

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column, clamped into the text."""
        if line < 1:
            return 0
        if line > len(self._line_starts):
            return len(self.text)
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return min(start + max(column - 1, 0), end)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")
