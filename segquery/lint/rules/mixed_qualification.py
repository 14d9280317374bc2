"""L010 mixed-qualification: qualified and unqualified attributes in one aliased chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import relate_path
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, RuleInfo
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L010", name="mixed-qualification", category=Category.STYLE, severity=Severity.WARNING,
    summary="A chain with aliases mixes qualified and unqualified attributes.",
    what_it_does="In a chain that declares aliases, reports each unqualified attribute in a FILTER when "
                 "other attributes of the same chain are qualified with an alias. Bare words in the "
                 "arguments of a call the parser reported (`DAY` in `DATEDIF(DAY, ...)`) are not taken "
                 "for attributes, and a chain is read only up to a source or step the parser could not read. "
                 "In real-time journeys, where the profile takes no alias, each RELATE step and the steps "
                 "after it (up to the next RELATE) are checked on their own: there attributes of the related "
                 "records are qualified with the RELATE's alias, so an unqualified one beside them is reported; "
                 "the profile's own FILTERs, before any RELATE, are unqualified by design.",
    why="After a TRAVERSE, an unqualified name is read against the records the chain has reached, which is "
        "easy to get wrong when the rest of the chain says explicitly which records it means. The designer "
        "qualifies every attribute; a mix usually comes from hand edits.",
    example="PROFILE(contact, contact_1)\n    .FILTER(contact_1.address1_city == 'Seattle' && jobtitle == 'CEO')",
    use_instead="PROFILE(contact, contact_1)\n"
                "    .FILTER(contact_1.address1_city == 'Seattle' && contact_1.jobtitle == 'CEO')",
    fix_safety="No fix: which alias was meant is for the author to say."),
    fix_effect=FixEffect.NONE)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for source, steps in ctx.chains():
        if isinstance(source, ast.InvalidCall):
            continue  # the parser reported it: which aliases it declares is unknown
        for group in _groups(source, steps):
            yield from _mixed(ctx, group)


@dataclass
class _Group:
    """Steps whose attributes are read against the same declared aliases."""

    declared: bool
    scope: ast.Identifier | None
    qualified: ast.Attribute | None = None
    unqualified: list[tuple[ast.Attribute, ast.Identifier | None]] = field(default_factory=list)


def _groups(source: ast.Source | None, steps: tuple[ast.Step, ...]) -> Iterator[_Group]:
    """The whole chain is one group; a RELATE starts a new one, since what follows it reads its alias."""
    scope = getattr(source, "alias", None)
    group = _Group(scope is not None, scope)
    for step in steps:
        if isinstance(step, ast.InvalidCall):
            break  # the parser reported it: the records and aliases after it are unknown
        if isinstance(step, ast.Relate):
            yield group
            path = relate_path(step)
            group = _Group(True, path[0].alias if len(path) == 1 else None)
            continue
        if isinstance(step, ast.Traverse):
            group.scope = step.alias
            group.declared = group.declared or step.alias is not None
        if not isinstance(step, (ast.Filter, ast.Traverse)):
            continue
        for node in ast.attribute_references(step):
            if node.qualifier is not None:
                group.qualified = group.qualified or node
            else:
                group.unqualified.append((node, group.scope))
    yield group


def _mixed(ctx: LintContext, group: _Group) -> Iterator[Diagnostic]:
    qualified = group.qualified
    if not group.declared or qualified is None:
        return
    for attribute, alias in group.unqualified:
        hint = f": write `{alias.name}.{attribute.name.name}`" if alias is not None else ""
        yield ctx.report("L010", f"`{attribute.name.name}` is not qualified, but this chain qualifies other "
                         f"attributes (`{qualified.dotted}`){hint}", attribute.span.start, attribute.span.end,
                         related=[ctx.related("a qualified attribute", qualified.span)])
