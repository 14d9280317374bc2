"""The layout rules one at a time: spelling, comments, blank lines, line
endings, options, errors (docs/formatter.md)."""

from __future__ import annotations

import pytest

from segquery import ParseError, parse
from segquery.format import format_query, format_text
from segquery.syntax import ast

# ---------------------------------------------------------------- spelling


def test_keywords_and_function_names_are_upper_case_and_names_keep_their_case() -> None:
    text = "Profile(Contact, c).filter(c.Name contains 'x' and NOT(c.Active == true) or c.n != False)"
    assert format_text(text) == (
        "PROFILE(Contact, c).FILTER(c.Name CONTAINS 'x' && NOT(c.Active == TRUE) || c.n != FALSE)\n")


def test_date_parts_aggregates_windows_and_directions_are_upper_case() -> None:
    text = ("interaction(a, b).having(count() > 0, utcdays(7))")
    assert format_text(text) == "INTERACTION(a, b).HAVING(COUNT() > 0, UTCDAYS(7))\n"
    assert format_text("profile(c).filter(datediff(day, x, datetimeutcnow()) < 1).orderby(x asc, y Desc)") == (
        "PROFILE(c).FILTER(DATEDIFF(DAY, x, DATETIMEUTCNOW()) < 1).ORDERBY(x ASC, y DESC)\n")


def test_words_named_like_functions_stay_names() -> None:
    assert format_text("PROFILE(date).FILTER(count == name)") == "PROFILE(date).FILTER(count == name)\n"


def test_minus_is_printed_as_except() -> None:
    assert format_text("SEGMENT(a) minus SEGMENT(b)") == "SEGMENT(a) EXCEPT SEGMENT(b)\n"


@pytest.mark.parametrize("written, printed", [
    ('"O\'Brien"', "'O\\'Brien'"),
    ("'say \\\"hi\\\"'", "'say \"hi\"'"),
    ('"say \\"hi\\""', "'say \"hi\"'"),
    ('"a\\\\b"', "'a\\\\b'"),
    ("''", "''"),
    ('"\\\'"', "'\\''"),
])
def test_strings_are_single_quoted_with_the_same_value(written: str, printed: str) -> None:
    text = f"PROFILE(c).FILTER(x == {written})"
    formatted = format_text(text)
    assert formatted == f"PROFILE(c).FILTER(x == {printed})\n"
    assert parse(formatted) == parse(text)


def test_numbers_are_kept_as_written() -> None:
    assert format_text("PROFILE(c).FILTER(x == 1.50 && y == -007)") == "PROFILE(c).FILTER(x == 1.50 && y == -007)\n"


def test_redundant_parentheses_are_kept() -> None:
    text = "((PROFILE(c).FILTER(((a == 1)) && (b)))) UNION (SEGMENT(s))"
    assert format_text(text) == "((PROFILE(c).FILTER(((a == 1)) && (b)))) UNION (SEGMENT(s))\n"


# ---------------------------------------------------------------- line breaking


def test_a_chain_that_fits_stays_on_one_line() -> None:
    text = "PROFILE(contact).FILTER(a == 1).TRAVERSE(r, c).DISTINCT()"
    assert format_text(text, line_length=len(text)) == text + "\n"


def test_a_chain_one_character_too_long_puts_each_step_on_its_own_line() -> None:
    text = "PROFILE(contact).FILTER(a == 1).TRAVERSE(r, c).DISTINCT()"
    assert format_text(text, line_length=len(text) - 1) == (
        "PROFILE(contact)\n"
        "    .FILTER(a == 1)\n"
        "    .TRAVERSE(r, c)\n"
        "    .DISTINCT()\n")


def test_the_indent_option_sets_the_width_of_one_level() -> None:
    assert format_text("PROFILE(c).FILTER(a == 1 && b == 2)", line_length=20, indent=2) == (
        "PROFILE(c)\n"
        "  .FILTER(\n"
        "    a == 1 && b == 2\n"
        "  )\n")


def test_set_operators_stand_on_their_own_lines_when_the_query_does_not_fit() -> None:
    assert format_text("SEGMENT(a) UNION SEGMENT(b) INTERSECT SEGMENT(c)", line_length=30) == (
        "SEGMENT(a)\nUNION\nSEGMENT(b)\nINTERSECT\nSEGMENT(c)\n")


def test_a_set_operation_needs_no_parentheses_only_as_the_whole_query() -> None:
    tree = ast.Query(body=ast.SetOperation(
        operands=(ast.SetOperation(operands=(ast.Chain(source=ast.SegmentRef(name=ast.Identifier(name="a"))),
                                             ast.Chain(source=ast.SegmentRef(name=ast.Identifier(name="b")))),
                                   operators=(ast.SetOp.UNION,)),
                  ast.Chain(source=ast.SegmentRef(name=ast.Identifier(name="c")))),
        operators=(ast.SetOp.EXCEPT,)))
    assert format_query(tree, None) == "(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)\n"


def test_a_tree_built_in_code_gets_the_parentheses_its_shape_needs() -> None:
    zero = ast.NumberLiteral(text="0")
    condition = ast.Logical(op=ast.LogicOp.AND, operands=(
        ast.Logical(op=ast.LogicOp.OR, operands=(zero, zero)),
        ast.Comparison(left=ast.Arithmetic(operands=(ast.Arithmetic(operands=(zero, zero), operators=("+",)), zero),
                                           operators=("-",)),
                       op=ast.CompareOp.EQ, right=ast.Comparison(left=zero, op=ast.CompareOp.LT, right=zero))))
    tree = ast.Query(body=ast.Chain(source=ast.Profile(table=ast.Identifier(name="c")),
                                    steps=(ast.Filter(condition=condition),)))
    formatted = format_query(tree, None)
    assert formatted == "PROFILE(c).FILTER((0 || 0) && (0 + 0) - 0 == (0 < 0))\n"
    assert parse(formatted) == tree


def test_the_deepest_nesting_the_parser_accepts_formats() -> None:
    text = "PROFILE(c).FILTER(" + "NOT(" * 62 + "a" + ")" * 62 + ")"
    formatted = format_text(text, line_length=200)
    assert parse(formatted) == parse(text)
    assert format_text(formatted, line_length=200) == formatted


# ---------------------------------------------------------------- comments


def test_a_header_comment_and_a_trailing_comment_do_not_break_a_short_query() -> None:
    text = "// header\nPROFILE(c).FILTER(a == 1) // why\n"
    assert format_text(text) == text


def test_a_comment_at_the_end_of_a_line_stays_after_its_token() -> None:
    text = "PROFILE(c) // all contacts\n.FILTER(a == 1)"
    assert format_text(text) == "PROFILE(c) // all contacts\n    .FILTER(a == 1)\n"


def test_a_comment_on_its_own_line_goes_before_the_next_token_at_its_indentation() -> None:
    text = "PROFILE(c)\n// only active ones\n.FILTER(a == 1)"
    assert format_text(text) == "PROFILE(c)\n    // only active ones\n    .FILTER(a == 1)\n"


def test_a_comment_before_a_closing_parenthesis_keeps_the_depth_of_the_lines_above() -> None:
    text = "PROFILE(c).FILTER(a == 1\n// more to come\n)"
    assert format_text(text) == "PROFILE(c)\n    .FILTER(\n        a == 1\n        // more to come\n    )\n"


def test_an_inline_comment_stays_before_its_token() -> None:
    assert format_text("PROFILE(c).FILTER(a /* the key */ == 1)") == "PROFILE(c).FILTER(a /* the key */ == 1)\n"


def test_an_inline_comment_before_a_closing_parenthesis_or_comma_follows_the_token_before_it() -> None:
    assert format_text("PROFILE(c /* all */ , x /* alias */)") == "PROFILE(c /* all */, x /* alias */)\n"


def test_a_comment_between_conditions_breaks_the_condition_before_each_operator() -> None:
    text = "PROFILE(c).FILTER(a == 1 // first\n && b == 2 && c == 3)"
    assert format_text(text) == (
        "PROFILE(c)\n"
        "    .FILTER(\n"
        "        a == 1 // first\n"
        "        && b == 2\n"
        "        && c == 3\n"
        "    )\n")


def test_one_blank_line_next_to_an_own_line_comment_is_kept() -> None:
    text = "// header\n\n\n\nPROFILE(c)\n\n\n// note\n\n.FILTER(a == 1)\n\n\n// footer\n\n\n"
    assert format_text(text) == "// header\n\nPROFILE(c)\n\n    // note\n\n    .FILTER(a == 1)\n\n// footer\n"


def test_blank_lines_without_comments_are_not_kept() -> None:
    assert format_text("PROFILE(c)\n\n\n.FILTER(a == 1)") == "PROFILE(c).FILTER(a == 1)\n"


def test_a_block_comment_of_several_lines_is_kept_verbatim() -> None:
    text = "/* one\n     two\n*/\nPROFILE(c)"
    assert format_text(text) == "/* one\n     two\n*/\nPROFILE(c)\n"


def test_trailing_white_space_of_line_comments_is_removed() -> None:
    assert format_text("PROFILE(c) // note   \t\n") == "PROFILE(c) // note\n"


def test_a_directive_comment_stays_on_the_line_of_its_code() -> None:
    text = ("PROFILE(contact).FILTER(fullname == 'Ann' // segquery: ignore[L001]\n"
            "&& a == 1 && b == 2 && c == 3 && d == 4 && e == 5 && f == 6 && g == 7 && h == 8)")
    assert format_text(text) == (
        "PROFILE(contact)\n"
        "    .FILTER(\n"
        "        fullname == 'Ann' // segquery: ignore[L001]\n"
        "        && a == 1\n"
        "        && b == 2\n"
        "        && c == 3\n"
        "        && d == 4\n"
        "        && e == 5\n"
        "        && f == 6\n"
        "        && g == 7\n"
        "        && h == 8\n"
        "    )\n")


def test_format_query_needs_the_source_of_a_query_with_comments() -> None:
    text = "PROFILE(c) // note"
    with pytest.raises(ValueError, match="the query has comments: pass the source text it was parsed from"):
        format_query(parse(text), None)
    assert format_query(parse(text), text) == "PROFILE(c) // note\n"


# ---------------------------------------------------------------- line endings and the end of the text


@pytest.mark.parametrize("text", ["PROFILE(c)", "PROFILE(c)\n", "PROFILE(c)\n\n\n", "\n\nPROFILE(c)  \n"])
def test_the_output_ends_with_exactly_one_newline(text: str) -> None:
    assert format_text(text) == "PROFILE(c)\n"


def test_windows_line_endings_are_kept_everywhere() -> None:
    text = "// a\r\nPROFILE(c) // b\r\n.FILTER(x == 1 /* c\r\n d */)\r\n"
    assert format_text(text, line_length=20) == (
        "// a\r\nPROFILE(c) // b\r\n    .FILTER(\r\n        x == 1 /* c\r\n d */\r\n    )\r\n")


def test_the_first_line_ending_decides_for_the_whole_text() -> None:
    assert format_text("PROFILE(c) // a\n.FILTER(x == 1) // b\r\n") == "PROFILE(c) // a\n    .FILTER(x == 1) // b\n"
    assert format_text("PROFILE(c) // a\r\n.FILTER(x == 1) // b\n") == (
        "PROFILE(c) // a\r\n    .FILTER(x == 1) // b\r\n")


# ---------------------------------------------------------------- errors and options


def test_text_with_syntax_errors_is_not_formatted() -> None:
    with pytest.raises(ParseError) as raised:
        format_text("PROFILE(contact).FILTER(a == )")
    assert [(d.code, d.range.start.column, d.message) for d in raised.value.diagnostics] == [
        ("S004", 30, "unexpected `)`: expected a value, a name or `(`")]


@pytest.mark.parametrize("options, message", [
    ({"line_length": 0}, "the line length must be at least 1, not 0"),
    ({"indent": -1}, "the indent must not be negative, not -1"),
])
def test_invalid_options_are_refused(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        format_text("PROFILE(c)", **options)
