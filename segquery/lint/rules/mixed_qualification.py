"""L010 mixed-qualification: qualified and unqualified attributes in one aliased chain."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.syntax.step_facts import AttributeReference, qualification
from segquery.rules.registry import Category, RuleInfo
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L010", name="mixed-qualification", category=Category.STYLE, severity=Severity.WARNING,
    summary="A chain with aliases mixes qualified and unqualified attributes.",
    what_it_does="In a chain that declares aliases, reports each unqualified attribute in a FILTER when "
                 "other attributes of the same chain are qualified with an alias. Bare words in the "
                 "arguments of a call the parser reported (`DAY` in `DATEDIF(DAY, ...)`) are not taken "
                 "for attributes, and a chain is read only up to a source or step the parser could not read. "
                 "Outbound queries only: in real-time journeys qualification is a rule of the dialect, not a "
                 "style, and the validator reports it (V053, V054): the profile's attributes are written alone "
                 "and those of the FILTER after a RELATE always with its alias.",
    why="After a TRAVERSE, an unqualified name is read against the records the chain has reached, which is "
        "easy to get wrong when the rest of the chain says explicitly which records it means. The designer "
        "qualifies every attribute; a mix usually comes from hand edits.",
    example="PROFILE(contact, contact_1)\n    .FILTER(contact_1.address1_city == 'Seattle' && jobtitle == 'CEO')",
    use_instead="PROFILE(contact, contact_1)\n"
                "    .FILTER(contact_1.address1_city == 'Seattle' && contact_1.jobtitle == 'CEO')",
    fix_safety="No fix: which alias was meant is for the author to say.",
    dialects=("outbound",)),
    fix_effect=FixEffect.NONE)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for source, steps in ctx.chains():
        if isinstance(source, ast.InvalidCall):
            continue  # the parser reported it: which aliases it declares is unknown
        scope = getattr(source, "alias", None)
        declared = scope is not None
        read: list[tuple[ast.Step, ast.Identifier | None]] = []    # each step with attributes, and its alias
        for step in steps:
            if isinstance(step, ast.InvalidCall):
                break  # the parser reported it: the records and aliases after it are unknown
            if isinstance(step, ast.Traverse):
                scope = step.alias
                declared = declared or scope is not None
            if isinstance(step, (ast.Filter, ast.Traverse)):
                read.append((step, scope))
        if not declared:
            continue
        qualified: tuple[AttributeReference, ast.Node] | None = None
        unqualified: list[tuple[AttributeReference, ast.Node, ast.Identifier | None]] = []
        for step, alias in read:
            found = ctx.step_fact(qualification, step)
            if qualified is None and found.first_qualified is not None:
                qualified = (found.first_qualified, step)
            unqualified += [(reference, step, alias) for reference in found.unqualified]
        if qualified is None:
            continue
        first, first_step = qualified
        for attribute, where, alias in unqualified:
            hint = f": write `{alias.name}.{attribute.name}`" if alias is not None else ""
            span = attribute.span(where)
            yield ctx.report("L010", f"`{attribute.name}` is not qualified, but this chain qualifies other "
                             f"attributes (`{first.dotted}`){hint}", span.start, span.end,
                             related=[ctx.related("a qualified attribute", first.span(first_step))])
