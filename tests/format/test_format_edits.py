"""Formatting as text edits: the whole document (`format_edits`) and a range
(`format_range`), exactly and as properties."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from format_helpers import apply_edits, comment_texts  # noqa: E402
from strategies import query_texts  # noqa: E402

from segquery import ParseError, TextEdit, parse  # noqa: E402
from segquery.format import format_edits, format_range, format_text  # noqa: E402

QUERY = "PROFILE(contact).FILTER(a==1&&b==2).TRAVERSE(r,x).FILTER(c==3)"


# ---------------------------------------------------------------- whole document


def test_the_edits_touch_only_what_changes() -> None:
    assert format_edits(QUERY) == [
        TextEdit(25, 25, " "), TextEdit(27, 27, " "), TextEdit(28, 28, " "), TextEdit(30, 30, " "), TextEdit(31, 31, " "), TextEdit(33, 33, " "),
        TextEdit(47, 47, " "), TextEdit(58, 58, " "), TextEdit(60, 60, " "), TextEdit(62, 62, "\n"),
    ]


def test_a_respelled_token_and_removed_white_space_are_single_edits() -> None:
    assert format_edits("profile(c)\n  .filter(a == 1)") == [
        TextEdit(0, 7, "PROFILE"), TextEdit(10, 13, ""), TextEdit(14, 20, "FILTER"), TextEdit(28, 28, "\n")]


def test_a_formatted_text_needs_no_edits() -> None:
    assert format_edits("PROFILE(c)\n    // note\n    .FILTER(a == 1)\n") == []


def test_edits_of_text_with_syntax_errors_are_refused() -> None:
    with pytest.raises(ParseError):
        format_edits("PROFILE(c).FILTER(a ==)")


# ---------------------------------------------------------------- ranges


def test_a_point_in_a_condition_formats_that_condition_with_the_operator_before_it() -> None:
    point = QUERY.index("b==2")
    assert format_range(QUERY, point, point) == [
        TextEdit(28, 28, " "), TextEdit(30, 30, " "), TextEdit(31, 31, " "), TextEdit(33, 33, " ")]


@pytest.mark.parametrize("operand", ["(b == 2 || c == 3)", "((b == 2) || c == 3)", "((b) == 2 || c == 3)",
                                     "(b == 2 || (c == 3))"])
def test_a_point_in_an_operand_in_parentheses_formats_the_whole_operand_and_the_operator_before_it(
        operand: str) -> None:
    spaced = operand[:-1] + "   )"
    text = f"PROFILE(contact).FILTER(a == 1   &&   {spaced})\n"
    point = text.index("&&") + 5
    assert apply_edits(text, format_range(text, point, point)) == f"PROFILE(contact).FILTER(a == 1 && {operand})\n"


def test_a_range_inside_a_step_formats_the_whole_step() -> None:
    start = QUERY.index("TRAVERSE") + 2
    assert format_range(QUERY, start, start + 3) == [TextEdit(47, 47, " ")]


def test_a_range_over_several_units_formats_from_the_first_to_the_last() -> None:
    start, end = QUERY.index("a==1") + 1, QUERY.index("TRAVERSE") + 1
    assert format_range(QUERY, start, end) == [
        TextEdit(25, 25, " "), TextEdit(27, 27, " "), TextEdit(28, 28, " "), TextEdit(30, 30, " "),
        TextEdit(31, 31, " "), TextEdit(33, 33, " "), TextEdit(47, 47, " ")]


def test_a_range_that_reaches_the_end_also_formats_the_end_of_the_text() -> None:
    point = QUERY.index("c==3")
    assert format_range(QUERY, point, point) == [TextEdit(58, 58, " "), TextEdit(60, 60, " "),
                                                  TextEdit(62, 62, "\n")]


def test_a_range_that_breaks_a_chain_moves_its_step_to_a_line_of_its_own() -> None:
    text = "PROFILE(contact).FILTER(a == 1 && b == 2 && c == 3).TRAVERSE(contact_account_parentcustomerid, c)"
    start = text.index(".FILTER")
    edits = format_range(text, start + 2, start + 2)
    assert edits == [TextEdit(start, start, "\n    ")]
    assert apply_edits(text, edits) == (
        "PROFILE(contact)\n    .FILTER(a == 1 && b == 2 && c == 3).TRAVERSE(contact_account_parentcustomerid, c)")


def test_a_comment_before_a_unit_belongs_to_it() -> None:
    text = "  // note\nPROFILE(c).FILTER(a==1)"
    assert format_range(text, 4, 4) == [TextEdit(0, 2, "")]


def test_a_range_on_formatted_text_needs_no_edits() -> None:
    text = "PROFILE(c).FILTER(a == 1)\n"
    assert format_range(text, 0, len(text)) == []


def test_ranges_of_text_with_syntax_errors_are_refused() -> None:
    with pytest.raises(ParseError):
        format_range("PROFILE(c).FILTER(a ==)", 0, 3)


# ---------------------------------------------------------------- properties


@settings(max_examples=60)
@given(query_texts(), st.sampled_from((40, 88)))
def test_applying_the_document_edits_gives_the_formatted_text(text: str, line_length: int) -> None:
    assert apply_edits(text, format_edits(text, line_length=line_length)) == format_text(text, line_length=line_length)


@settings(max_examples=60)
@given(st.data(), st.sampled_from((40, 88)))
def test_a_range_format_keeps_the_query_and_its_comments(data: st.DataObject, line_length: int) -> None:
    text = data.draw(query_texts())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    result = apply_edits(text, format_range(text, start, end, line_length=line_length))
    assert parse(result) == parse(text)
    assert comment_texts(result) == comment_texts(text)
    expected = format_text(text, line_length=line_length)
    if _mixes_line_endings(text) or "\n" not in result:
        # The first line ending decides; a range edit may remove that line break
        # (or the only one, and a text without one is formatted with "\n").
        assert format_text(result, line_length=line_length).replace("\r\n", "\n") == expected.replace("\r\n", "\n")
    else:
        assert format_text(result, line_length=line_length) == expected


def _mixes_line_endings(text: str) -> bool:
    return 0 < text.count("\r\n") < text.count("\n")


def test_a_range_format_that_removes_the_only_crlf_line_break():
    text = "PROFILE(contact\r\n).DISTINCT()"
    result = apply_edits(text, format_range(text, 0, 0, line_length=40))
    assert result == "PROFILE(contact).DISTINCT()"
    assert format_text(result, line_length=40) == "PROFILE(contact).DISTINCT()\n"
