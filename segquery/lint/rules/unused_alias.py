"""L009 unused-alias: an alias that no attribute refers to."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import referenced_qualifiers
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.syntax.step_facts import qualifiers
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.source import Span
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L009", name="unused-alias", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="An alias is declared but no attribute is qualified with it.",
    what_it_does="Reports the alias argument of PROFILE, TRAVERSE or INTERACTION when no attribute in the "
                 "query is written `alias.attribute`, and removes it. Outbound queries only: in real-time "
                 "journeys PROFILE and INTERACTION take no alias (S030) and RELATE requires one; the validator "
                 "makes every attribute after a RELATE use it (V054), so an alias left unused there is either "
                 "reported already or belongs to a RELATE whose FILTER reads no attribute.",
    why="An alias exists to qualify attributes. One that is never used is noise, often left behind when a "
        "condition was removed, and it suggests a reference that is not there.",
    example="PROFILE(account, account_1)\n    .TRAVERSE(contact_account_parentcustomerid, contact_1)",
    use_instead="PROFILE(account)\n    .TRAVERSE(contact_account_parentcustomerid)",
    fix_safety="Safe: it is offered only when nothing refers to the alias (compared without regard to case), "
               "so removing it changes nothing.",
    dialects=("outbound",)),
    fix_effect=FixEffect.KEEPS_MEANING)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    declaring = list(_declaring(ctx))
    if not declaring:
        return
    used = _used_qualifiers(ctx, {alias.name.casefold() for _, alias in declaring})
    for node, alias in declaring:
        if alias.name.casefold() in used:
            continue
        previous = {ast.Profile: lambda n: n.table, ast.Traverse: lambda n: n.relationship,
                    ast.Interaction: lambda n: n.link_type}[type(node)](node)
        removal = Span(ctx.outer_span(previous).end, alias.span.end)
        yield ctx.report("L009", f"alias `{alias.name}` is never used: no attribute is written "
                         f"`{alias.name}.<attribute>`", alias.span.start, alias.span.end,
                         fix=ctx.fix(f"Remove the alias `{alias.name}`", ctx.deletion_edits(removal)))


def _used_qualifiers(ctx: LintContext, declared: set[str]) -> set[str]:
    """`referenced_qualifiers` of the query, step by step (attributes are written in sources and steps
    only), read until every declared alias is among them: then the rest cannot change a finding."""
    used: set[str] = set()
    for source, steps in ctx.chains():
        if source is not None:
            used |= referenced_qualifiers(source)
        for step in steps:
            if declared <= used:
                return used
            used |= _first_operand_qualifiers(ctx, step)
            if not declared <= used:
                used |= ctx.step_fact(qualifiers, step)
    return used


def _first_operand_qualifiers(ctx: LintContext, step: ast.Node) -> frozenset[str]:
    """The qualifiers of the first operand of a FILTER's `&&` or `||`: in most queries they name every
    alias already, and the step's whole fact (joined from thousands of operands in a long condition)
    is not needed."""
    condition = step.condition if isinstance(step, ast.Filter) else None
    if isinstance(condition, ast.Logical):
        return ctx.step_fact(qualifiers, condition.operands[0])
    return frozenset()


def _declaring(ctx: LintContext) -> Iterator[tuple[ast.Profile | ast.Traverse | ast.Interaction, ast.Identifier]]:
    """The sources and steps that declare an alias (no other node may), with the alias, read from the
    chains alone: the rule looks at no node inside a condition but the attributes."""
    for source, steps in ctx.chains():
        for node in (source, *steps):
            if isinstance(node, (ast.Profile, ast.Traverse, ast.Interaction)) and node.alias is not None:
                yield node, node.alias
