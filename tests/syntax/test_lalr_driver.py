"""The lean LALR driver gives exactly what lark gives: the same tree (node for
node, with every span, parenthesis count and comment) and the same diagnostics
(code, range, message, fix), over every bundled example and random texts, in
every dialect. Texts with an error leave the driver for lark's recovery."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from lark.exceptions import LarkError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dialects"))

from realtime_strategies import realtime_query_texts  # noqa: E402
from strategies import EXAMPLE_TEXTS, mutated_examples, query_texts  # noqa: E402
from toy_dialect import TOY  # noqa: E402

from segquery.syntax import ast, parser  # noqa: E402
from segquery.syntax.builder import CURRENT, AstBuilder, BuildContext  # noqa: E402
from segquery.source import SourceText  # noqa: E402
from segquery.syntax.grammar import LEXER_CALLBACKS, lalr_driver, lalr_parser  # noqa: E402
from segquery.syntax.lalr_driver import LalrDriver, Unsupported  # noqa: E402
from segquery.syntax.lark_tables import canonical_states, tables_from_lark  # noqa: E402
from segquery.syntax.outbound import OUTBOUND  # noqa: E402
from segquery.syntax.realtime import REALTIME  # noqa: E402
from segquery.syntax.scanner import scan  # noqa: E402

# Drawing whole trees is the slow part; a third of the profile's examples for those.
TREES = settings(max_examples=max(settings().max_examples // 3, 1))
DIALECTS = {"outbound": OUTBOUND, "realtime": REALTIME, "toy": TOY}
REALTIME_EXAMPLES = [path.read_text(encoding="utf-8") for path in sorted(
    (Path(__file__).resolve().parents[2] / "examples" / "realtime").rglob("*.segq"))]


def layout(node: ast.Node) -> list[tuple]:
    """Every node in order with its span and the other fields tree equality leaves out
    (parentheses, the quote a string was written with)."""
    hidden = tuple(getattr(node, item.name) for item in fields(node) if not item.compare and item.name != "span")
    found = [(node.kind, node.span.start, node.span.end, hidden)]
    for child in node.children():
        found += layout(child)
    return found


def with_lark(text: str, dialect) -> parser.ParseResult:
    """The result when lark parses the text (the driver turned off)."""
    original = parser.lalr_driver
    parser.lalr_driver = lambda dialect: None
    try:
        return parser.parse_uncached(text, dialect=dialect)
    finally:
        parser.lalr_driver = original


def assert_same_as_lark(text: str, dialect) -> parser.ParseResult:
    driven = parser.parse_uncached(text, dialect=dialect)
    reference = with_lark(text, dialect)
    assert driven.diagnostics == reference.diagnostics
    assert driven.query == reference.query
    if reference.query is not None:
        assert layout(driven.query) == layout(reference.query)
    return driven


def lark_accepts(text: str) -> bool:
    """Whether the scanner finds nothing and lark parses the text without an error."""
    if scan(SourceText(text)).diagnostics:
        return False
    context = BuildContext(source=SourceText(text), dialect=OUTBOUND)
    token = CURRENT.set(context)
    try:
        lalr_parser(OUTBOUND).parse(text)
        return True
    except LarkError:
        return False
    finally:
        CURRENT.reset(token)


def drives(text: str, dialect) -> bool:
    """Whether the driver itself parses the text (rather than handing it to lark)."""
    context = BuildContext(source=SourceText(text), dialect=dialect)
    token = CURRENT.set(context)
    try:
        return lalr_driver(dialect).parse(text) is not None
    finally:
        CURRENT.reset(token)


@pytest.mark.parametrize("dialect", ["outbound", "toy"])
@pytest.mark.parametrize("index", range(len(EXAMPLE_TEXTS)))
def test_every_example_parses_as_lark_parses_it(index: int, dialect: str) -> None:
    assert_same_as_lark(EXAMPLE_TEXTS[index], DIALECTS[dialect])


@pytest.mark.parametrize("index", range(len(REALTIME_EXAMPLES)))
def test_every_realtime_example_parses_as_lark_parses_it(index: int) -> None:
    assert_same_as_lark(REALTIME_EXAMPLES[index], REALTIME)


def test_the_driver_parses_the_correct_examples_itself() -> None:
    """The comparison above is not empty: correct examples take the driver's path,
    broken ones (with their lexical or grammar errors) take lark's."""
    outcomes = {drives(text, OUTBOUND): text for text in EXAMPLE_TEXTS}
    for text in EXAMPLE_TEXTS:
        assert drives(text, OUTBOUND) == lark_accepts(text), text
    assert set(outcomes) == {True, False}


def test_builder_diagnostics_come_from_the_driver_too() -> None:
    text = "PROFILE(contact).FILTR(x == 1).FILTER(DATEDIFF(days, a, b) > 1)"
    assert drives(text, OUTBOUND)
    result = assert_same_as_lark(text, OUTBOUND)
    assert [(d.code, d.range.start.offset, d.range.end.offset) for d in result.diagnostics] == [
        ("S014", 17, 22), ("S019", 47, 51)]


@pytest.mark.parametrize("text", [
    "PROFILE(contact).FILTER(x == 1) /* open",        # lexes as `/` `*`: the scanner reports it
    "PROFILE(contact).FILTER(" + "(" * 70 + "x == 1" + ")" * 70 + ")",  # nested past the limit
    "PROFILE(contact).FILTER(x = 1)",                 # no terminal for a single `=`
    "PROFILE(contact).FILTER(x == 1 ORISNULL(y))",    # a glued keyword
    "PROFILE(contact).FILTER(x == 1",                 # unclosed
    "// only a comment",
])
def test_texts_with_errors_get_lark_s_diagnostics(text: str) -> None:
    result = assert_same_as_lark(text, OUTBOUND)
    assert result.diagnostics


def test_comments_and_keywords_as_names() -> None:
    text = "// lead\nPROFILE(contact).FILTER(desc == 1 /* note */ && asc CONTAINS 'a').ORDERBY(x DESC, y)"
    assert drives(text, OUTBOUND)
    result = assert_same_as_lark(text, OUTBOUND)
    assert [comment.text for comment in result.query.comments] == ["// lead", "/* note */"]


def test_a_grammar_the_driver_cannot_run_is_refused() -> None:
    from lark import Lark, v_args

    class Inline(AstBuilder):
        @v_args(inline=True)
        def number(self, token):
            return token

    with pytest.raises(Unsupported):
        LalrDriver(tables_from_lark(lalr_parser(OUTBOUND)), Inline(), LEXER_CALLBACKS)
    earley = Lark("start: NAME\nNAME: /[a-z]+/", parser="earley")
    with pytest.raises(Unsupported):
        tables_from_lark(earley)


@TREES
@given(text=query_texts())
def test_random_queries_parse_as_lark_parses_them(text: str) -> None:
    assert_same_as_lark(text, OUTBOUND)


@TREES
@given(text=realtime_query_texts())
def test_random_realtime_queries_parse_as_lark_parses_them(text: str) -> None:
    assert_same_as_lark(text, REALTIME)


@given(text=mutated_examples(), dialect=st.sampled_from(sorted(DIALECTS)))
def test_mutated_examples_parse_as_lark_parses_them(text: str, dialect: str) -> None:
    assert_same_as_lark(text, DIALECTS[dialect])


def lark_next_token(lexer, text: str, position: int) -> tuple | None:
    """The next token lark's lexer for a parser state finds from `position`, after the
    ignored terminals without a callback: (terminal, start, end), or ("$END",) at the end."""
    while position < len(text):
        (pattern,) = lexer.scanner._mres
        found = pattern.match(text, position)
        if found is None:
            return None
        if found.lastgroup in lexer.ignore_types and found.lastgroup not in lexer.callback:
            position = found.end()
            continue
        return found.lastgroup, position, found.end()
    return ("$END",)


def driver_next_token(match, text: str, position: int) -> tuple | None:
    found = match(text, position)
    if found is None:
        return None
    if found.lastgroup is None:
        return ("$END",) if found.end() == len(text) else ("no terminal",)
    return (found.lastgroup, *found.span(found.lastgroup))


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
@settings(max_examples=max(settings().max_examples // 5, 1))
@given(text=st.one_of(query_texts(), mutated_examples(), st.text(alphabet=" \t\r\n/*'\"\\(),.-+<=>!&|aAnNdDoOrR_01", max_size=40)))
def test_every_state_pattern_finds_the_tokens_lark_finds(dialect: str, text: str) -> None:
    """The driver's patterns (white space skipped inside, alternatives split by first
    character; segquery/syntax/state_lexers.py) give, in every parser state and from
    every offset, the token lark's own pattern for that state gives."""
    driver = lalr_driver(DIALECTS[dialect])
    frontend = lalr_parser(DIALECTS[dialect]).parser
    numbers = canonical_states(frontend.parser.parser.parse_table, "start")   # the driver's numbering
    for state, lexer in frontend.lexer.lexers.items():
        match, _retype = driver._lexers[numbers[state]]
        for position in range(len(text) + 1):
            assert driver_next_token(match, text, position) == lark_next_token(lexer, text, position), (state, position)


def test_white_space_is_skipped_inside_the_patterns() -> None:
    """The comparison above covers the skipping: every state's pattern of the language skips it."""
    driver = lalr_driver(OUTBOUND)
    for state in range(len(driver._actions)):
        match, _retype = driver._lexers[state]
        assert driver_next_token(match, "  \n\t x", 0) in {("NAME", 5, 6), None}
        assert driver_next_token(match, "  \n ", 0) == ("$END",)
