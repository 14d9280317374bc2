"""L020 duplicate-condition: the same condition twice in one `&&`/`||` chain."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import Iterator, Sequence

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.lint.operand_facts import OperandFacts, operand_facts
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L020", name="duplicate-condition", category=Category.CORRECTNESS, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="The same condition appears twice in one `&&` or `||` chain.",
    what_it_does="Reports an operand of a `&&` or `||` chain that repeats an earlier operand of the same "
                 "chain (ignoring layout, comments and redundant parentheses), and removes the repetition.",
    why="`a && a` is just `a`. The repetition is usually a copy-paste slip where another attribute or value "
        "was meant, so the query probably does not select what its author intended.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle' && statecode == 0 && address1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle' && statecode == 0)",
    fix_safety="Safe: `a && a` is `a` and `a || a` is `a`, so removing the repetition keeps the meaning. It is "
               "unsafe when the removed text holds a comment. If another condition was meant, write it "
               "instead of applying the fix."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP_POSITIONED)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Logical):
        for index, first_index in repeated_forms(ctx.step_facts_of(operand_facts, node.operands)):
            operand, first = node.operands[index], node.operands[first_index]
            position = ctx.source.position(ctx.outer_span(first).start)
            span = ctx.outer_span(operand)
            removal = ctx.removal_after(node.operands, index)
            yield ctx.report("L020", f"`{ctx.snippet(operand)}` repeats a condition of this `{node.op.value}` "
                             f"chain (line {position.line}, column {position.column}); the repetition has no "
                             "effect", span.start, span.end,
                             fix=ctx.fix("Remove the repeated condition", ctx.deletion_edits(removal)),
                             related=[ctx.related("first written here", ctx.outer_span(first))])


def repeated_forms(facts: Sequence[OperandFacts]) -> list[tuple[int, int]]:
    """(index, index of the first equal form) of each operand whose normal form equals an earlier one's.

    The hashes are compared first, as a set: the operands of a long condition nearly always all
    differ, and then no form is looked at. Otherwise only the forms whose hash repeats are compared.
    """
    hashes = list(map(attrgetter("digest"), facts))
    if len(set(hashes)) == len(hashes):
        return []
    shared = {digest for digest, count in Counter(hashes).items() if count > 1}
    distinct: dict[int, list[int]] = {}     # hash -> the index of each different form with it, in order
    repeated: list[tuple[int, int]] = []
    for index, fact in enumerate(facts):
        if fact.digest not in shared:
            continue
        earlier = distinct.setdefault(fact.digest, [])
        first = next((other for other in earlier if facts[other].form == fact.form), None)
        if first is None:
            earlier.append(index)
        else:
            repeated.append((index, first))
    return repeated
