"""`first_characters` never misses a character a match can start with (it may say more,
or None for "any")."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from segquery.syntax.dialects import DIALECTS
from segquery.syntax.first_characters import first_characters
from segquery.syntax.grammar import lalr_parser

TERMINALS = sorted({terminal.pattern.to_regexp() for dialect in DIALECTS.values()
                    for terminal in lalr_parser(dialect).terminals})
TRICKY = [r"a?b", r"(?:x|)y", r"(?i:k)", r"[^a]", r".", r"\s", r"(?>ab|c)", r"x*+z",
          r"(?i)[a-c]d", r"\d", r"[\u00e0]", r"(?i:\u00e9)"]


@pytest.mark.parametrize("regexp", TERMINALS + TRICKY)
@settings(max_examples=max(settings().max_examples // 4, 1))
@given(data=st.data())
def test_every_match_starts_with_one_of_them(regexp: str, data: st.DataObject) -> None:
    starts = first_characters(regexp)
    text = data.draw(st.from_regex(re.compile(regexp), fullmatch=True))
    if starts is not None and text:
        assert text[0] in starts


@pytest.mark.parametrize(("regexp", "expected"), [
    (r"[ \t]+", {" ", "\t"}), (r"(?i:or(?!x))|\|\|", {"o", "O", "|"}), (r"a?b", {"a", "b"}),
    (r"[0-9]+(\.[0-9]+)?", set("0123456789")), (r"(?=q)r", {"r"}), (r"\s", None), (r".", None), (r"[^a]", None),
    (r"(?i:\u00e9)", None), (r"(", None),
])
def test_what_it_reads(regexp: str, expected: set[str] | None) -> None:
    assert first_characters(regexp) == (None if expected is None else frozenset(expected))
