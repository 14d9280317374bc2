"""Source text with fast offset <-> line/column conversion.

Offsets are indexes into the Python string (code points). Lines and columns
are 1-based, as people read them; the language server converts them to its
own 0-based UTF-16 positions at the boundary. A line ends at `\n`, `\r\n` or
a lone `\r`, as in every editor; the helpers below are the one place that
knows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from bisect import bisect_right
from functools import cached_property

from segquery.fast_dataclass import dataclass

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def has_line_break(text: str) -> bool:
    return "\n" in text or "\r" in text


def count_line_breaks(text: str) -> int:
    """Line breaks in `text`; `\r\n` counts once."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def line_start(text: str, offset: int) -> int:
    """The offset where the line holding `offset` starts."""
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def line_end(text: str, offset: int) -> int:
    """The offset of the line break that ends the line holding `offset` (or the text's end)."""
    match = LINE_BREAK.search(text, offset)
    return match.start() if match else len(text)


def line_break_length(text: str, offset: int) -> int:
    """The length of the line break at `offset`: 2 for `\r\n`, 1 for `\n` or `\r`, else 0."""
    if text.startswith("\r\n", offset):
        return 2
    return 1 if text[offset:offset + 1] in ("\n", "\r") else 0


def first_line_ending(text: str, default: str = "\n") -> str:
    """The line ending of the first line (`\n`, `\r\n` or `\r`), or `default`."""
    match = LINE_BREAK.search(text)
    return match.group() if match else default


def normalize_line_breaks(text: str) -> str:
    """Every line break written as `\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


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
    """A text and the table of its line starts (made when a position is first asked for: many
    texts, such as the one the directives are read from before a parse, are never asked)."""

    text: str
    path: str | None = None

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        return _starts_of_lines(self.text, 0, len(self.text))

    def edited(self, text: str) -> SourceText:
        """The source of `text` (same path), most likely this text edited in one place: the line
        starts before and after the characters that differ are this text's, moved by the length
        the edit added, and only those between are looked for (an editor sends a 2,000-line text
        on every keystroke)."""
        before = self.text
        if "_line_starts" not in self.__dict__ or "\r" in before or "\r" in text:
            # (Nothing to take from a table not made; a `\r` before an inserted `\n` makes one break of two.)
            return SourceText(text, self.path)
        start = common_prefix_length(before, text)
        suffix = common_suffix_length(before, text, min(len(before), len(text)) - start)
        old_end, new_end, delta = len(before) - suffix, len(text) - suffix, len(text) - len(before)
        starts = self._line_starts
        kept, moved = bisect_right(starts, start), bisect_right(starts, old_end)
        later = starts[moved:]
        made = SourceText(text, self.path)
        # The lazily made table, made now: a frozen dataclass keeps it where cached_property does.
        made.__dict__["_line_starts"] = (starts[:kept] + _starts_of_lines(text, start, new_end)[1:]
                                         + (tuple([offset + delta for offset in later]) if delta else later))
        return made

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect_right(self._line_starts, offset) - 1
        return Position(offset, line_index + 1, offset - self._line_starts[line_index] + 1)

    def line_columns(self, offsets: Iterable[int]) -> list[tuple[int, int]]:
        """The line and column of each offset, as `position` gives them, for many offsets in one call."""
        starts, length = self._line_starts, len(self.text)
        found = []
        for offset in offsets:
            offset = max(0, min(offset, length))
            line = bisect_right(starts, offset)
            found.append((line, offset - starts[line - 1] + 1))
        return found

    def range(self, start: int, end: int) -> Range:
        return Range(self.position(start), self.position(max(start, end)))

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column, clamped into the text."""
        if line < 1:
            return 0
        if line > len(self._line_starts):
            return len(self.text)
        start, end = self._line_bounds(line)
        return min(start + max(column - 1, 0), end)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start, end = self._line_bounds(line)
        return self.text[start:end]

    def _line_bounds(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line, its line break excluded."""
        start = self._line_starts[line - 1]
        if line >= len(self._line_starts):
            return start, len(self.text)
        end = self._line_starts[line]
        if self.text[end - 1] == "\n":
            end -= 1
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end


def _starts_of_lines(text: str, start: int, end: int) -> tuple[int, ...]:
    """0 and the offsets after the line breaks of `text` from `start` to `end` (a text without
    `\r`, or the whole of one)."""
    starts = [0]
    if "\r" in text:
        starts += [match.end() for match in LINE_BREAK.finditer(text, start, end)]
    else:
        find = text.find
        index = find("\n", start, end)
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1, end)
    return tuple(starts)


def common_prefix_length(first: str, second: str) -> int:
    """How many characters the two texts share at their start."""
    low, high = 0, min(len(first), len(second))
    while low < high:  # a binary search; the comparisons run in C, over the part not known yet
        middle = (low + high + 1) // 2
        if first.startswith(second[low:middle], low):
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix_length(first: str, second: str, limit: int) -> int:
    """How many characters (at most `limit`) the two texts share at their end."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if first.endswith(second[len(second) - middle:len(second) - low], 0, len(first) - low):
            low = middle
        else:
            high = middle - 1
    return low
