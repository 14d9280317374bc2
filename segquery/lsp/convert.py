"""Conversions between library offsets and LSP positions.

The library counts code points from the start of the text. The protocol
counts lines (split on `\\n`, `\\r\\n` and `\\r`, and nothing else) and, within
a line, code units of the negotiated position encoding: UTF-16 by default,
where a character outside the Basic Multilingual Plane counts 2. Every
conversion in the server goes through `LineIndex`; nothing else in the
package does arithmetic on positions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from lsprotocol import types

from segquery.diagnostics import TextEdit
from segquery.source import LINE_BREAK

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value


def _char_units(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == UTF16:
        return 2 if code > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 1


def code_units(text: str, encoding: str = UTF16) -> int:
    """Length of `text` in code units of `encoding`."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    return sum(_char_units(char, encoding) for char in text)


class LineIndex:
    """The line starts of one text, for converting offsets and positions.

    Positions that point past the end of a line clamp to the end of that line,
    positions below the last line clamp to the end of the text, and a position
    inside a character (between the two UTF-16 units of an emoji) rounds down
    to the start of that character, so a client can send any position.
    """

    __slots__ = ("_ends", "_starts", "encoding", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        starts = [0]
        ends = []
        for match in LINE_BREAK.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self._starts: list[int] = starts
        self._ends: list[int] = ends

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_text(self, line: int) -> str:
        """The text of a 0-based line, without its line break."""
        return self.text[self._starts[line]:self._ends[line]]

    def position(self, offset: int) -> types.Position:
        """The LSP position of a code-point offset (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        # An offset between `\r` and `\n` belongs to the end of its line.
        offset = min(offset, self._ends[line])
        return types.Position(line=line, character=code_units(self.text[start:offset], self.encoding))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position (clamped into the text)."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self._ends[position.line]
        wanted = max(position.character, 0)
        if self.encoding == UTF32 or self.text[start:end].isascii():
            return min(start + wanted, end)
        units = 0
        for offset in range(start, end):
            units += _char_units(self.text[offset], self.encoding)
            if units > wanted:
                return offset
        return end

    def lsp_line(self, line: int) -> int:
        """The LSP line of a 1-based library line (both split lines alike), clamped into the text."""
        return max(0, min(line - 1, len(self._starts) - 1))

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of code-point offsets [start, end)."""
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offsets(self, lsp_range: types.Range) -> tuple[int, int]:
        """Code-point offsets of an LSP range, ordered."""
        start, end = self.offset(lsp_range.start), self.offset(lsp_range.end)
        return (start, end) if start <= end else (end, start)

    def full_range(self) -> types.Range:
        return self.range(0, len(self.text))

    def text_edit(self, edit: TextEdit) -> types.TextEdit:
        return types.TextEdit(range=self.range(edit.start, edit.end), new_text=edit.new_text)

    def text_edits(self, edits: Iterable[TextEdit]) -> list[types.TextEdit]:
        return [self.text_edit(edit) for edit in edits]


def apply_content_changes(index: LineIndex,
                          changes: Sequence[types.TextDocumentContentChangeEvent]) -> LineIndex:
    """The text after a didChange's content changes (applied in order), indexed."""
    for change in changes:
        if isinstance(change, types.TextDocumentContentChangePartial):
            start, end = index.offsets(change.range)
            text = index.text[:start] + change.text + index.text[end:]
        else:
            text = change.text
        index = LineIndex(text, index.encoding)
    return index
