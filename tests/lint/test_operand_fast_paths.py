"""The rules that read every operand of a condition take shortcuts; each gives what the plain walk gives.

L012 and L030 look for a word after an operand only where the text after the operand is not white
space and `)` up to `&` or `|`; L020 compares normal forms only where their hashes repeat; L029
compares only the constraints on attributes that have one other than `==`; L009 reads the qualifiers
of a FILTER's first operand before its whole step; V016 reads a step's qualifiers only when one of
its clauses does not bind an alias its chain declares. Each shortcut is replaced here by the plain
walk, and the findings (codes, ranges, messages, fixes, related locations) must not change, on
random queries (with `AND`/`OR` words, comments and parentheses), on texts with errors, and on long
conditions checked operand by operand by the language server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import query_texts

from segquery.lint import lint
from segquery.lint.operand_facts import operand_facts
from segquery.lint.rules import duplicate_condition, logic_word_operator, tautological_disjunction, unused_alias
from segquery.semantic import validate
from segquery.semantic.rules import alias_references
from segquery.step_findings import StepFindings
from segquery.step_units import SPLIT_OPERANDS
from segquery.syntax.dialects import dialect_named
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.step_facts import qualifiers

RULES = ("L009", "L010", "L012", "L020", "L021", "L029", "L030", "V016")


def _plain_repeats(facts):
    seen: dict = {}
    repeated = []
    for index, fact in enumerate(facts):
        if fact.form in seen:
            repeated.append((index, seen[fact.form]))
        else:
            seen[fact.form] = index
    return repeated


def _all_keys(facts):
    return {current.key for fact in facts for current in fact.or_constraints if current is not None}


def _plain_before_declaration(ctx) -> None:
    candidates = []
    for owner in ctx.owners:
        declared = {binding.name.casefold() for binding in ctx.tables.declared(owner)}
        for step in owner.steps:
            used = ctx.step_fact(qualifiers, step) & declared
            if used and any(scope is None or scope.binding(name) is None
                            for scope in ctx.tables.clause_scopes(step) for name in used):
                candidates.append(step)
    if candidates:
        alias_references._check(ctx.for_steps(candidates), before_declaration=True)


@contextmanager
def _replaced_check(rule, check) -> Iterator[None]:
    """A frozen rule's check replaced for a while."""
    original = rule.check
    object.__setattr__(rule, "check", check)
    try:
        yield
    finally:
        object.__setattr__(rule, "check", original)


@contextmanager
def plain_walks(colliding_hashes: bool = False) -> Iterator[None]:
    """The rules without their shortcuts: every operand looked at, every form and constraint compared."""
    with ExitStack() as stack:
        stack.enter_context(patch.object(logic_word_operator, "_maybe_followed_by_word",
                                         lambda text, operands: operands[:-1]))
        stack.enter_context(patch.object(duplicate_condition, "repeated_forms", _plain_repeats))
        stack.enter_context(patch.object(tautological_disjunction, "compared_keys", _all_keys))
        stack.enter_context(patch.object(unused_alias, "_first_operand_qualifiers", lambda ctx, step: frozenset()))
        stack.enter_context(_replaced_check(alias_references.BEFORE_DECLARATION_RULE, _plain_before_declaration))
        if colliding_hashes:   # the fast path of L020 with every hash equal: only the forms tell them apart
            stack.enter_context(patch.object(duplicate_condition, "operand_facts",
                                             lambda node: replace(operand_facts(node), digest=0)))
        yield


def _findings(text: str, dialect_name: str = "outbound") -> list:
    dialect = dialect_named(dialect_name)
    result = parse_tolerant(text, dialect=dialect)
    if result.query is None:
        return []
    found = (validate(result.query, result.source, dialect=dialect.name)
             + lint(result.query, result.source, dialect=dialect, enabled=lambda code: True))
    return [finding for finding in found if finding.code in RULES]


def _incremental(steps: StepFindings, text: str) -> list:
    result = parse_tolerant(text)
    assert result.query is not None and not result.diagnostics
    found = steps.check(result.query, result.source, line_length=88, enabled=lambda code: True)
    return [finding for finding in found if finding.code in RULES]


def _same_as_plain(text: str, dialect_name: str = "outbound") -> list:
    fast = _findings(text, dialect_name)
    with plain_walks():
        assert _findings(text, dialect_name) == fast
    with plain_walks(colliding_hashes=True):
        assert _findings(text, dialect_name) == fast
    return fast


@settings(max_examples=150, deadline=None)
@given(query_texts())
def test_random_queries_have_the_plain_walks_findings(text: str) -> None:
    _same_as_plain(text)


BREAKS = ("(", ")", "'", "||", " or ", "AND", "&", "|", "/*", "//", ".", ",", "\n")


@settings(max_examples=100, deadline=None)
@given(query_texts(), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(BREAKS)), min_size=1, max_size=3))
def test_queries_with_errors_have_the_plain_walks_findings(text: str, breaks) -> None:
    for where, piece in breaks:
        at = int(where * len(text))
        text = text[:at] + piece + text[at:]
    _same_as_plain(text)


@pytest.mark.parametrize("text, words", [
    # words in strings, comments and names; a word right after `)`, a string or a number; mixed case
    ("PROFILE(contact, c).FILTER(c.orders == 'a or b' /* and */ || c.android == 1 OR c.x == 2)", ["OR"]),
    ("PROFILE(contact).FILTER((a == 1)or b == 2 AnD (c == 'x')and d == 1)", ["or", "AnD", "and"]),
    ("PROFILE(contact).FILTER(a == 'x'or b == 1 || c == 1 // or\n || d == 2)", ["or"]),
    ("PROFILE(contact).FILTER(a == 1or b == 2)", ["or"]),
    ("PROFILE(contact).FILTER(((a == 1) /* || */) Or b == 2 || NOT(c == 1) oR d == 3)", ["Or", "oR"]),
    ("PROFILE(contact).FILTER(a == 1 || (b == 2 or c == 3) && d == 4 and e == 5)", ["or", "and"]),
    ("PROFILE(contact).FILTER(a == 1 ||\n b == 2 &&\n\t(c == 3))", []),
])
def test_word_operators_next_to_strings_comments_and_names(text: str, words: list[str]) -> None:
    found = [finding for finding in _same_as_plain(text) if finding.code == "L012"]
    assert [text[finding.start:finding.end] for finding in found] == words


def test_word_operators_in_real_time_queries() -> None:
    found = _same_as_plain("PROFILE(contact).FILTER(fullname == 'or' OR (address1_city == 'x')and jobtitle == 'y')",
                           "realtime")
    assert [(finding.code, finding.message) for finding in found] == [
        ("L030", "`OR` joins conditions: write `||` (a live real-time journeys service rejected the words)"),
        ("L030", "`and` joins conditions: write `&&` (a live real-time journeys service rejected the words)")]


def _long(conditions: list[str], joiner: str = " ||\n    ") -> str:
    return "PROFILE(contact, c).FILTER(\n    " + joiner.join(conditions) + ")"


FILLER = [f"c.address1_city == 'City {number}'" for number in range(SPLIT_OPERANDS + 8)]
NOT_FILLER = [condition.replace("==", "!=") for condition in FILLER]     # for `&&`: no two contradict


@pytest.mark.parametrize("text, codes", [
    (_long(["c.fullname == 'a'", *FILLER, "c.fullname == 'a'"]), ["L020"]),
    (_long(["c.fullname != 'a'", *FILLER, "c.fullname != 'b'"]), ["L029"]),
    (_long(["ISNULL(c.fullname)", *FILLER, "(ISNOTNULL(c.fullname))"]), ["L029"]),
    (_long([*FILLER, "c.revenue > 5", "(c.revenue <= 5 || c.x == 1)"]), ["L029"]),
    (_long([*FILLER[:5], "c.address1_city == 'City 1'", *FILLER[5:]]), ["L020"]),
    (_long([*NOT_FILLER[:5], "c.address1_city != 'City 1'", *NOT_FILLER[5:]], " &&\n    "), ["L020"]),
    (_long(["c.revenue < 1", *NOT_FILLER, "c.revenue >= 1"], " &&\n    "), ["L021"]),
    (_long([*FILLER[:20], "c.fullname == 'x' or c.jobtitle == 'y'", *FILLER[20:]]), ["L012"]),
    (_long([condition.replace("c.", "x.") for condition in FILLER] + ["c.fullname == 'y'"]).replace(
        "PROFILE(contact, c)", "PROFILE(contact, x)") + ".TRAVERSE(contact_account_parentcustomerid, c)", ["V016"]),
    (_long(["fullname == 'x'", *FILLER[1:]]).replace("c.", ""), ["L009"]),
    (_long(["fullname == 'x'", *FILLER[1:]]), ["L010"]),
    (_long([*FILLER[:30], "fullname == 'x'", *FILLER[30:], "jobtitle == 'y'"]), ["L010", "L010"]),
])
def test_long_conditions_checked_operand_by_operand(text: str, codes: list[str]) -> None:
    whole = _same_as_plain(text)
    assert [finding.code for finding in whole] == codes
    steps = StepFindings()
    assert _incremental(steps, text) == whole
    # an edit in the middle of the condition, then one outside it, then back to the first text
    middle = text.replace("'City 17'", "'City 17x'")
    assert _incremental(steps, middle) == _same_as_plain(middle)
    outside = middle.replace("PROFILE(contact,", "PROFILE( contact,")
    assert _incremental(steps, outside) == _same_as_plain(outside)
    assert _incremental(steps, text) == whole
