"""The reference scan: exact results, and agreement with the parser's SegmentRef nodes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from segquery import parse_tolerant
from segquery.source import Span
from segquery.syntax import ast
from segquery.workspace.scan import FoundReference, scan_query
from workspace_helpers import EXAMPLE_WORKSPACE


def test_finds_plain_calls_with_their_name_and_call_spans():
    text = "SEGMENT(a) UNION SEGMENT(b_2)"
    assert scan_query(text).references == (
        FoundReference("a", Span(8, 9), Span(0, 10)),
        FoundReference("b_2", Span(25, 28), Span(17, 29)),
    )


def test_any_case_white_space_and_comments_inside_the_call():
    text = "segment /* x */ (\n  abc // c\n) EXCEPT Segment(d)"
    found = scan_query(text).references
    assert [(r.name, text[r.name_span.start:r.name_span.end], r.call_span) for r in found] == [
        ("abc", "abc", Span(0, 30)), ("d", "d", Span(38, 48))]


def test_quoted_names_are_unescaped_and_the_span_keeps_the_quotes():
    text = "SEGMENT('it\\'s') UNION SEGMENT(\"q\\\"x\")"
    found = scan_query(text).references
    assert [(r.name, text[r.name_span.start:r.name_span.end]) for r in found] == [
        ("it's", "'it\\'s'"), ('q"x', '"q\\"x"')]


def test_calls_inside_strings_comments_and_longer_words_are_not_references():
    text = ("PROFILE(contact).FILTER(fullname == 'SEGMENT(a)') // SEGMENT(b)\n"
            "/* SEGMENT(c) */ UNION MYSEGMENT(d) UNION SEGMENT_X(e)")
    assert scan_query(text).references == ()


def test_a_number_ends_before_letters_but_a_word_does_not():
    # The tokenizer reads `1SEGMENT` as the number 1 and the word SEGMENT, `x1SEGMENT` as one word.
    assert [r.name for r in scan_query("1SEGMENT(a) x1SEGMENT(b) _SEGMENT(c) 2.5segment(d)").references] == [
        "a", "d"]


def test_other_argument_shapes_are_not_references():
    for text in ("SEGMENT()", "SEGMENT(a, b)", "SEGMENT(a.b)", "SEGMENT(1)", "SEGMENT(a", "SEGMENT('a)",
                 "SEGMENT /* open (a)"):
        assert scan_query(text).references == (), text


def test_references_are_found_in_queries_that_do_not_parse():
    text = "SEGMENT(a) UNION UNION SEGMENT(b"
    assert [r.name for r in scan_query(text).references] == ["a"]
    assert parse_tolerant(text).query is None


def test_comments_are_returned_for_directives():
    text = "// segquery: name = x\nSEGMENT(a) /* b */"
    assert [(c.text, c.span) for c in scan_query(text).comments] == [
        ("// segquery: name = x", Span(0, 21)), ("/* b */", Span(33, 40))]


def test_a_text_with_a_lone_comment_or_call_of_any_case_is_scanned():
    assert [c.text for c in scan_query("PROFILE(contact) /* x */").comments] == ["/* x */"]
    assert [r.name for r in scan_query("PROFILE(contact) UNION sEgMeNt(b)").references] == ["b"]
    assert scan_query("PROFILE(contact).FILTER(a == 'b / c' && n / 2 > 1)") == scan_query("")


def _tree_references(text: str) -> list[tuple[str, Span, Span]]:
    query = parse_tolerant(text).query
    return [(node.name.name, node.name.span, node.span) for node in ast.walk(query)
            if isinstance(node, ast.SegmentRef)]


def _scan_references(text: str) -> list[tuple[str, Span, Span]]:
    return [(r.name, r.name_span, r.call_span) for r in scan_query(text).references]


def test_agrees_with_the_parser_on_the_example_workspace():
    for path in sorted(EXAMPLE_WORKSPACE.glob("*.segq")):
        text = path.read_text(encoding="utf-8")
        assert _scan_references(text) == _tree_references(text), path.name


_names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
    lambda name: name.upper() not in {"UNION", "INTERSECT", "EXCEPT", "MINUS", "AND", "OR", "TRUE", "FALSE",
                                      "ASC", "DESC", "CONTAINS", "STARTSWITH", "ENDSWITH"})
_trivia = st.sampled_from(["", " ", "\n  ", " /* SEGMENT(x) */ ", " // SEGMENT(y)\n"])


@st.composite
def _operands(draw) -> str:
    kind = draw(st.sampled_from(["segment", "segment", "profile"]))
    if kind == "profile":
        return f"PROFILE(contact).FILTER(fullname == '{draw(st.sampled_from(['SEGMENT(z)', 'a', 'segment']))}')"
    keyword = draw(st.sampled_from(["SEGMENT", "segment", "Segment"]))
    return f"{keyword}{draw(_trivia)}({draw(_trivia)}{draw(_names)}{draw(_trivia)})"


@st.composite
def _queries(draw) -> str:
    parts = [draw(_operands())]
    for _ in range(draw(st.integers(0, 4))):
        operator = draw(st.sampled_from(["UNION", "INTERSECT", "EXCEPT"]))
        operand = draw(_operands())
        if draw(st.booleans()):
            operand = f"({operand})"
        parts.append(f"{draw(_trivia) or ' '}{operator} {operand}")
    return "".join(parts)


@settings(max_examples=100, deadline=None)
@given(_queries())
def test_agrees_with_the_parser_on_generated_queries(text):
    assert parse_tolerant(text).query is not None
    assert _scan_references(text) == _tree_references(text)
