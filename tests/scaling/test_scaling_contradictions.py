"""L021 stays linear on long `&&` chains: repeated conditions, and chains of bounds."""

from __future__ import annotations

from work import assert_linear

from segquery.lint import lint
from segquery.lint.rules.contradictory_conditions import MAX_COMPARED
from segquery.syntax.parser import parse_tolerant


def _chain(terms: list[str]) -> str:
    return "PROFILE(contact).FILTER(" + " && ".join(terms) + ")"


def _work(terms):
    def work(size: int):
        result = parse_tolerant(_chain(terms(size)))
        return lambda: lint(result.query, result.source, enabled=lambda code: code == "L021")
    return work


def test_a_condition_repeated_thousands_of_times_is_compared_once():
    assert_linear(_work(lambda size: ["x == 1"] * size), 150)


def test_distinct_bounds_are_compared_with_a_bounded_number_of_earlier_ones():
    # Lower and upper bounds that never contradict: each is compared with at most
    # MAX_COMPARED earlier ones, so beyond that size the work is linear (the
    # factor covers the first MAX_COMPARED conditions of the smaller chain).
    bounds = lambda size: [f"x {'>' if i % 2 else '<'} {i if i % 2 else 10**6 - i}" for i in range(size)]
    assert MAX_COMPARED == 100
    assert_linear(_work(bounds), 1000, factor=1.1)


def test_a_contradiction_late_in_a_long_chain_is_still_reported():
    text = _chain(["x == 1"] * 500 + ["x == 2"])
    result = parse_tolerant(text)
    found = lint(result.query, result.source, enabled=lambda code: code == "L021")
    assert [(d.code, d.message) for d in found] == [
        ("L021", "`x == 2` contradicts `x == 1`: a value cannot equal both, so this `&&` chain is never true")]
