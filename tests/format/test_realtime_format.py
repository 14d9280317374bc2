"""The formatter in the real-time journeys dialect: RELATE chains and IN lists.

Each directory under fixtures_realtime/ holds `input.segq` and the expected
layout at line lengths 88 and 40, parsed and formatted in the real-time dialect.
The outbound fixtures (test_format_fixtures.py) cover every other construct.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from format_helpers import apply_edits, comment_texts, overlong_lines
from segquery.format import format_edits, format_range, format_text
from segquery.syntax import ast
from segquery.syntax.parser import parse
from segquery.syntax.realtime import REALTIME
from test_format_fixtures import LINE_LENGTHS, REALTIME_ONLY_NODES, _read

FIXTURES = Path(__file__).parent / "fixtures_realtime"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())


def _format(text: str, line_length: int = 88) -> str:
    return format_text(text, line_length=line_length, dialect=REALTIME)


@pytest.mark.parametrize("line_length", LINE_LENGTHS)
@pytest.mark.parametrize("case", CASES)
def test_fixture_output(case: str, line_length: int) -> None:
    source = _read(FIXTURES / case / "input.segq")
    assert _format(source, line_length) == _read(FIXTURES / case / f"{line_length}.segq")


@pytest.mark.parametrize("line_length", LINE_LENGTHS)
@pytest.mark.parametrize("case", CASES)
def test_expected_output_is_already_formatted_and_keeps_tree_and_comments(case: str, line_length: int) -> None:
    source = _read(FIXTURES / case / "input.segq")
    expected = _read(FIXTURES / case / f"{line_length}.segq")
    assert _format(expected, line_length) == expected
    assert parse(expected, dialect=REALTIME) == parse(source, dialect=REALTIME)
    assert comment_texts(expected) == comment_texts(source)


@pytest.mark.parametrize("line_length", LINE_LENGTHS)
@pytest.mark.parametrize("case", CASES)
def test_lines_fit_the_width_unless_a_single_token_is_longer(case: str, line_length: int) -> None:
    for line in _read(FIXTURES / case / f"{line_length}.segq").splitlines():
        code = re.sub(r"//.*|/\*.*?\*/", "", line).rstrip()  # comments stand where the author put them
        # `subject IN [` stays together, as `NAME(` does.
        pieces = re.sub(r"\S+ IN \[$", "head", code).split()
        assert len(code) <= line_length or len(pieces) == 1, line


def test_every_case_has_an_input_and_both_outputs() -> None:
    files = {case: sorted(path.name for path in (FIXTURES / case).iterdir()) for case in CASES}
    assert {case: names for case, names in files.items() if names != ["40.segq", "88.segq", "input.segq"]} == {}


def test_fixtures_cover_every_real_time_construct() -> None:
    """Every real-time node kind, both RELATE spellings, a nested path, lists of one and many values,
    and comments inside both constructs appear in some input."""
    found: set[str] = set()
    for case in CASES:
        source = _read(FIXTURES / case / "input.segq")
        for node in ast.walk(parse(source, dialect=REALTIME)):
            found.add(type(node).__name__)
            if isinstance(node, ast.Relate):
                found.add(node.call_name)
                found |= {"nested"} if node.nested is not None else set()
            if isinstance(node, ast.InList):
                found.add("one value" if len(node.values) == 1 else "many values")
    wanted = {cls.__name__ for cls in REALTIME_ONLY_NODES}
    wanted |= {"RELATE", "RELATEOPTIONAL", "nested", "one value", "many values"}
    assert sorted(wanted - found) == []
    commented = _read(FIXTURES / "comments_inside" / "input.segq")
    assert "IN [ // industries" in commented and "contact_2 /* back */))" in commented


def test_a_short_list_stays_on_one_line_and_a_long_one_takes_a_line_per_value() -> None:
    text = "PROFILE(contact).FILTER(industrycode in [16,24] && city IN ['Seattle', 'Redmond'])"
    assert _format(text) == "PROFILE(contact).FILTER(industrycode IN [16, 24] && city IN ['Seattle', 'Redmond'])\n"
    assert _format("PROFILE(contact).FILTER(city IN ['Seattle', 'Redmond'])", 30) == (
        "PROFILE(contact)\n"
        "    .FILTER(\n"
        "        city IN [\n"
        "            'Seattle',\n"
        "            'Redmond'\n"
        "        ]\n"
        "    )\n")


def test_a_comment_before_the_closing_bracket_keeps_the_depth_of_the_values() -> None:
    text = "PROFILE(contact).FILTER(a IN [1 /* one */\n// end\n])"
    assert _format(text) == (
        "PROFILE(contact)\n"
        "    .FILTER(\n"
        "        a IN [\n"
        "            1 /* one */\n"
        "            // end\n"
        "        ]\n"
        "    )\n")


def test_editor_edits_format_real_time_text() -> None:
    text = "PROFILE(contact).RELATE(r,a).FILTER(a.x in [1,2])"
    edits = format_edits(text, dialect=REALTIME)
    assert apply_edits(text, edits) == _format(text)
    assert apply_edits(text, edits) == "PROFILE(contact).RELATE(r, a).FILTER(a.x IN [1, 2])\n"
    inside_list = text.index("2]")
    # The smallest unit around the offset is the FILTER step; it reaches the end of the text.
    assert apply_edits(text, format_range(text, inside_list, inside_list, dialect=REALTIME)) == \
        "PROFILE(contact).RELATE(r,a).FILTER(a.x IN [1, 2])\n"


def test_the_line_length_check_knows_where_a_list_may_break() -> None:
    assert overlong_lines("PROFILE(c).FILTER(a IN [1, 2])\n", 20, REALTIME.lexicon) == [
        "'PROFILE(c).FILTER(a IN [1, 2])' (30 > 20) could break after an opening parenthesis: `(` `c`; "
        "before a closing parenthesis: `c` `)`; before a step: `)` `.`; after an opening parenthesis: `(` `a`; "
        "after an opening bracket: `[` `1`; after a comma: `,` `2`; before a closing bracket: `2` `]`; "
        "before a closing parenthesis: `]` `)`"]
