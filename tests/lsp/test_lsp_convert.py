"""Offsets <-> LSP positions, with the protocol's line breaks and encodings."""

import pytest
from lsprotocol import types
from segquery.lsp.convert import (
    UTF8,
    UTF16,
    UTF32,
    LineIndex,
    apply_content_changes,
    code_units,
)

from segquery.diagnostics import TextEdit

# line 0: "a😀b" (the emoji is one code point, two UTF-16 units, four UTF-8 bytes)
# line 1: "çé" ended by \r\n; line 2: "x" ended by a lone \r; line 3: "y"
TEXT = "a\U0001F600b\nçé\r\nx\ry"


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def as_tuple(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def test_code_units_per_encoding():
    assert code_units("a\U0001F600b", UTF16) == 4
    assert code_units("a\U0001F600b", UTF8) == 6
    assert code_units("a\U0001F600b", UTF32) == 3
    assert code_units("çé", UTF8) == 4
    assert code_units("çé", UTF16) == 2


def test_line_breaks_are_lf_crlf_and_cr_only():
    index = LineIndex(TEXT)
    assert index.line_count == 4
    assert [index.line_text(line) for line in range(4)] == ["a\U0001F600b", "çé", "x", "y"]
    # Other Unicode separators stay inside their line, as the protocol says.
    assert LineIndex("a\u2028b\x0cc\x85d").line_count == 1


@pytest.mark.parametrize(("offset", "expected"), [
    (0, (0, 0)), (1, (0, 1)), (2, (0, 3)), (3, (0, 4)),  # after the emoji: 3 UTF-16 units
    (4, (1, 0)), (5, (1, 1)), (6, (1, 2)),
    (7, (1, 2)),  # between \r and \n: still the end of line 1
    (8, (2, 0)), (9, (2, 1)), (10, (3, 0)), (11, (3, 1)),
    (-5, (0, 0)), (99, (3, 1)),  # clamped into the text
])
def test_offset_to_utf16_position(offset, expected):
    assert as_tuple(LineIndex(TEXT).position(offset)) == expected


@pytest.mark.parametrize(("position", "expected"), [
    ((0, 0), 0), ((0, 1), 1),
    ((0, 2), 1),  # inside the surrogate pair: rounds down to the emoji's start
    ((0, 3), 2), ((0, 4), 3), ((0, 99), 3),  # past the line's end: its end, before the break
    ((1, 2), 6), ((1, 50), 6), ((2, 1), 9), ((3, 1), 11),
    ((4, 0), 11), ((1000, 7), 11),  # lines below the text
])
def test_utf16_position_to_offset(position, expected):
    assert LineIndex(TEXT).offset(pos(*position)) == expected


def test_utf8_and_utf32_encodings():
    utf8 = LineIndex(TEXT, UTF8)
    assert as_tuple(utf8.position(2)) == (0, 5)
    assert as_tuple(utf8.position(6)) == (1, 4)
    assert utf8.offset(pos(0, 5)) == 2
    assert utf8.offset(pos(0, 3)) == 1  # inside the emoji's four bytes
    assert utf8.offset(pos(1, 2)) == 5
    utf32 = LineIndex(TEXT, UTF32)
    assert as_tuple(utf32.position(2)) == (0, 2)
    assert utf32.offset(pos(0, 2)) == 2


def test_unknown_encoding_falls_back_to_utf16():
    assert LineIndex(TEXT, "utf-7").encoding == UTF16


def test_ranges_and_text_edits():
    index = LineIndex(TEXT)
    lsp_range = index.range(1, 5)
    assert (as_tuple(lsp_range.start), as_tuple(lsp_range.end)) == ((0, 1), (1, 1))
    assert index.offsets(types.Range(start=pos(1, 1), end=pos(0, 1))) == (1, 5)
    edit = index.text_edit(TextEdit(2, 3, "B"))
    assert (as_tuple(edit.range.start), as_tuple(edit.range.end), edit.new_text) == ((0, 3), (0, 4), "B")
    full = index.full_range()
    assert (as_tuple(full.start), as_tuple(full.end)) == ((0, 0), (3, 1))


def test_empty_text():
    index = LineIndex("")
    assert index.line_count == 1
    assert as_tuple(index.position(0)) == (0, 0)
    assert index.offset(pos(3, 3)) == 0


def test_apply_incremental_and_full_changes():
    index = LineIndex(TEXT)
    changes = [
        # Replace the emoji (UTF-16 columns 1..3) by "é".
        types.TextDocumentContentChangePartial(range=types.Range(start=pos(0, 1), end=pos(0, 3)), text="é"),
        # Then, in the new text, join lines 1 and 2 across the \r\n.
        types.TextDocumentContentChangePartial(range=types.Range(start=pos(1, 2), end=pos(2, 0)), text=" "),
        # An insertion past the end lands at the end.
        types.TextDocumentContentChangePartial(range=types.Range(start=pos(9, 0), end=pos(9, 0)), text="!"),
    ]
    assert apply_content_changes(index, changes).text == "aéb\nçé x\ry!"
    whole = [types.TextDocumentContentChangeWholeDocument(text="new")]
    assert apply_content_changes(index, whole).text == "new"
