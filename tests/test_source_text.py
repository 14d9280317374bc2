"""`SourceText.line_columns` gives, for many offsets at once, what `position` gives for each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from segquery.source import SourceText


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
