"""Document symbols, folding ranges and semantic tokens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategies import mutated_examples  # noqa: E402

from segquery.ide import (FoldingKind, FoldingRange, SemanticToken, Symbol, SymbolKind, TOKEN_TYPES,
                          document_symbols, folding_ranges, semantic_tokens)  # noqa: E402
from segquery.source import Span  # noqa: E402
from segquery.syntax.parser import parse  # noqa: E402

LEADS = """PROFILE(lead, lead_1)
    .FILTER(lead_1.estimatedvalue > 5000)
    .TRAVERSE(lead_contact_parentcontactid, contact_1)
"""


def test_symbols_of_a_chain_with_source_steps_and_aliases():
    assert document_symbols(LEADS) == [Symbol("dynamic query", SymbolKind.QUERY, Span(0, 118), Span(0, 7), children=(
        Symbol("PROFILE(lead)", SymbolKind.CHAIN, Span(0, 118), Span(0, 7), detail="2 steps", children=(
            Symbol("PROFILE(lead)", SymbolKind.SOURCE, Span(0, 21), Span(0, 7), children=(
                Symbol("lead_1", SymbolKind.ALIAS, Span(14, 20), Span(14, 20), detail="alias of lead"),)),
            Symbol("FILTER", SymbolKind.STEP, Span(27, 63), Span(27, 33)),
            Symbol("TRAVERSE(lead_contact_parentcontactid)", SymbolKind.STEP, Span(69, 118), Span(69, 77),
                   children=(Symbol("contact_1", SymbolKind.ALIAS, Span(108, 117), Span(108, 117),
                                    detail="alias of the related records"),)),
        )),
    ))]


def test_symbols_of_set_operations_and_groups():
    text = "(SEGMENT(a) UNION SEGMENT(b)).ORDERBY(fullname).TAKE(5)"
    [query] = document_symbols(parse(text))
    assert query.name == "fetch query"
    [group] = query.children
    assert (group.name, group.kind, group.detail) == ("( )", SymbolKind.CHAIN, "2 steps")
    union, orderby, take = group.children
    assert (union.name, union.kind, union.detail) == ("UNION", SymbolKind.SET_OPERATION, "2 operands")
    assert [child.name for child in union.children] == ["SEGMENT(a)", "SEGMENT(b)"]
    assert [(orderby.name, orderby.selection), (take.name, take.selection)] == [
        ("ORDERBY", Span(30, 37)), ("TAKE", Span(48, 52))]


def test_no_symbols_when_the_text_does_not_parse():
    assert document_symbols("PROFILE(contact).FILTER(") == []


def test_folding_chains_conditions_and_comments():
    text = """/* A segment
   of contacts. */
// first
// second
PROFILE(contact, c)
    .FILTER(
        c.fullname == 'x'
        && c.statecode == 0
    )
    .DISTINCT()
"""
    assert folding_ranges(text) == [
        FoldingRange(1, 2, FoldingKind.COMMENT),
        FoldingRange(3, 4, FoldingKind.COMMENT),
        FoldingRange(5, 10, FoldingKind.REGION),
        FoldingRange(6, 8, FoldingKind.REGION),
    ]


def test_no_folding_on_one_line_or_unclosed_text():
    assert folding_ranges("PROFILE(contact).FILTER(a == 1)") == []
    assert folding_ranges("PROFILE(contact)\n.FILTER(\na == 1") == []


def test_semantic_tokens_classify_every_kind():
    text = ("PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c, FILTER(c.jobtitle CONTAINS 'x'))"
            " UNION INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 2, UTCDAYS(7))"
            " EXCEPT SEGMENT(other) // done")
    shown = [(text[t.start:t.start + t.length], t.type, t.modifiers) for t in semantic_tokens(text)]
    assert shown == [
        ("PROFILE", "step", ()), ("account", "table", ()), ("a", "alias", ("declaration",)),
        ("TRAVERSE", "step", ()), ("contact_account_parentcustomerid", "relationship", ()),
        ("c", "alias", ("declaration",)), ("FILTER", "step", ()), ("c", "alias", ()),
        ("jobtitle", "attribute", ()), ("CONTAINS", "keyword", ()), ("'x'", "string", ()),
        ("UNION", "keyword", ()), ("INTERACTION", "step", ()), ("EmailOpened", "interaction", ()),
        ("EmailOpened_ContactLink", "linkType", ()), ("HAVING", "step", ()), ("COUNT", "function", ()),
        (">", "operator", ()), ("2", "number", ()), ("UTCDAYS", "function", ()), ("7", "number", ()),
        ("EXCEPT", "keyword", ()), ("SEGMENT", "step", ()), ("other", "segment", ()),
        ("// done", "comment", ()),
    ]
    assert {token.type for token in semantic_tokens(text)} <= set(TOKEN_TYPES)


def test_semantic_tokens_split_block_comments_per_line_and_need_no_parse():
    text = "/* a\n  b */ PROFILE(contact).FILTER(DATEDIFF(day, "
    assert semantic_tokens(text) == [
        SemanticToken(0, 4, "comment"), SemanticToken(5, 6, "comment"), SemanticToken(12, 7, "step"),
        SemanticToken(20, 7, "table"), SemanticToken(29, 6, "step"), SemanticToken(36, 8, "function"),
        SemanticToken(45, 3, "keyword"),
    ]


def test_the_tree_decides_when_a_keyword_word_is_a_name():
    text = "PROFILE(contact).FILTER(contains == 1)"
    kinds = {text[t.start:t.start + t.length]: t.type for t in semantic_tokens(text)}
    assert kinds["contains"] == "attribute"


@pytest.mark.parametrize("text, expected", [
    ("SEGMENT(-1)", [("SEGMENT", "step"), ("-", "segment"), ("1", "segment")]),
    ("SEGMENT(a.b)", [("SEGMENT", "step"), ("a", "segment"), (".", "segment"), ("b", "segment")]),
    ("SEGMENT(a /* x\ny */ - b)", [("SEGMENT", "step"), ("a", "segment"), ("/* x", "comment"), ("y */", "comment"),
                                   ("-", "segment"), ("b", "segment")]),
])
def test_a_name_of_several_tokens_colours_each_token_once(text, expected):
    # The parser reads `-1` and `a.b` as one segment name; its tokens must not overlap the name's.
    assert [(text[t.start:t.start + t.length], t.type) for t in semantic_tokens(text)] == expected


@given(mutated_examples())
def test_semantic_tokens_are_sorted_non_empty_and_never_overlap(text):
    previous_end = 0
    for token in semantic_tokens(text):
        assert token.length > 0 and token.start >= previous_end, (token, text)
        assert "\n" not in text[token.start:token.start + token.length]
        previous_end = token.start + token.length
    assert previous_end <= len(text)
