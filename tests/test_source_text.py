"""The line index of a source: a source made from the one before an edit (`SourceText.edited`, which
takes the line starts away from the edit from that one) has the index a source made from scratch
has, and `line_columns` gives, for many offsets at once, what `position` gives for each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from segquery.source import SourceText, common_prefix_length, common_suffix_length

TEXTS = st.text(alphabet="ab \n\r", max_size=40)


def _index(source: SourceText) -> tuple[object, ...]:
    """Everything the line index answers: each line's start and text, each offset's position."""
    return (source.line_count, [source.offset(line, 1) for line in range(1, source.line_count + 1)],
            [source.line_text(line) for line in range(1, source.line_count + 1)],
            [source.position(offset) for offset in range(len(source.text) + 1)])


@given(before=TEXTS, start=st.floats(0, 1), length=st.integers(0, 6), piece=TEXTS, index_made=st.booleans())
def test_an_edited_source_has_the_line_index_of_a_fresh_one(before: str, start: float, length: int, piece: str,
                                                            index_made: bool) -> None:
    at = round(start * len(before))
    text = before[:at] + piece + before[at + length:]
    previous = SourceText(before, "edited.segq")
    if index_made:
        previous.position(0)
    edited = previous.edited(text)
    fresh = SourceText(text, "edited.segq")
    assert edited == fresh and edited.path == "edited.segq"
    assert _index(edited) == _index(fresh)


def test_the_line_starts_away_from_the_edit_are_taken_from_the_source_before() -> None:
    before = "".join(f"line {number}\n" for number in range(100))
    previous = SourceText(before)
    previous.position(0)
    edited = previous.edited(before.replace("line 50\n", "line 50 and more\nand a new line\n"))
    assert "_line_starts" in vars(edited)  # made with the source, from the table before the edit
    assert edited.line_count == previous.line_count + 1
    assert [edited.line_text(line) for line in (51, 52, 53)] == ["line 50 and more", "and a new line", "line 51"]
    assert _index(edited) == _index(SourceText(edited.text))


@given(first=TEXTS, second=TEXTS)
def test_the_common_prefix_and_suffix_are_the_longest(first: str, second: str) -> None:
    prefix = common_prefix_length(first, second)
    assert first[:prefix] == second[:prefix]
    assert prefix == min(len(first), len(second)) or first[prefix] != second[prefix]
    limit = min(len(first), len(second)) - prefix
    suffix = common_suffix_length(first, second, limit)
    assert first[len(first) - suffix:] == second[len(second) - suffix:]
    assert suffix == limit or first[len(first) - suffix - 1] != second[len(second) - suffix - 1]


def test_line_columns_of_a_text_with_every_kind_of_line_break() -> None:
    source = SourceText("ab\ncd\r\nef\rg")
    offsets = [-3, 0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 99]
    assert source.line_columns(offsets) == [(1, 1), (1, 1), (1, 2), (1, 3), (2, 1), (2, 3), (2, 4), (3, 1),
                                            (3, 3), (4, 1), (4, 2), (4, 2)]


@given(text=st.text(alphabet="ab \n\r\t'é", max_size=40), offsets=st.lists(st.integers(-5, 50), max_size=20))
def test_line_columns_equal_position(text: str, offsets: list[int]) -> None:
    source = SourceText(text)
    assert source.line_columns(offsets) == [(source.position(offset).line, source.position(offset).column)
                                            for offset in offsets]
