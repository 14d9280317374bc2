"""Work grows linearly: repeated operands (L023), long lines in text reports."""

from __future__ import annotations

import importlib

from work import assert_linear

from segquery.report import FileReport
from segquery.lint import lint
from segquery.output.excerpt import WINDOW, excerpt
from segquery.output.text import render_text
from segquery.source import SourceText
from segquery.syntax.parser import parse_tolerant


def _union(size: int) -> str:
    return " UNION ".join(f"SEGMENT(s{index})" for index in range(size))


def test_repeated_union_operands_are_found_with_hash_look_ups():
    def work(size: int):
        result = parse_tolerant(_union(size))
        return lambda: lint(result.query, result.source, enabled=lambda code: code == "L023")
    assert_linear(work, 50)


def test_a_long_line_is_cut_to_a_window_around_the_finding():
    source = SourceText("a" * 300 + "\n")
    shown = excerpt(source, source.position(200), source.position(203))
    assert shown.text == "…" + "a" * WINDOW + "…"
    assert (shown.caret_start, shown.caret_width) == (1 + 40, 3)


def test_a_short_line_is_shown_whole():
    source = SourceText("PROFILE(contact)\n")
    shown = excerpt(source, source.position(8), source.position(15))
    assert (shown.text, shown.caret_start, shown.caret_width) == ("PROFILE(contact)", 8, 7)


def test_text_report_size_does_not_grow_with_the_line_length():
    def printed(size: int) -> int:
        text = "PROFILE(contact).FILTER(" + " || ".join("x == 1" for _ in range(size)) + ")"
        result = parse_tolerant(text)
        found = lint(result.query, result.source, enabled=lambda code: code == "L020")
        return len(render_text([FileReport("q.segq", result.source, found)]))
    small, large = printed(50), printed(200)
    assert small > 0 and large <= 4 * small + 1000


def test_the_references_of_an_alias_used_in_every_step_of_a_long_chain_are_found_in_linear_work():
    from segquery.ide.navigation import references

    def work(size: int):
        text = "PROFILE(contact, c)" + ".FILTER(c.address1_city == 'x')" * size
        return lambda: references(text, text.index("c)"))
    assert_linear(work, 50)


def test_semantic_tokens_of_one_long_argument_copy_no_slice_per_word(monkeypatch):
    """A FILTER of 100 kB took seconds: each word inside it sliced the whole argument's tokens."""
    module = importlib.import_module("segquery.ide.semantic_tokens")
    from work import assert_linear_measure

    copied = 0

    class CountingTokens(list):
        def __getitem__(self, key):
            nonlocal copied
            if isinstance(key, slice):
                copied += len(range(*key.indices(len(self))))
            return list.__getitem__(self, key)

    build_outline = module.build_outline

    def outline_counting_slices(*args, **kwargs):
        outline = build_outline(*args, **kwargs)
        outline.tokens = CountingTokens(outline.tokens)
        return outline

    monkeypatch.setattr(module, "build_outline", outline_counting_slices)

    def elements_copied(size: int) -> int:
        nonlocal copied
        copied = 0
        text = "PROFILE(account).FILTER(" + " && ".join(["x == 1"] * size) + ")"
        assert len(module.semantic_tokens(text)) == 2 + 4 * size  # PROFILE, account, FILTER; x, ==, 1 and && per term
        return copied

    assert_linear_measure(elements_copied, 100, unit="token copies")
