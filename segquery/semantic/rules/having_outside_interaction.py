"""V007: HAVING aggregates interactions, so only an INTERACTION chain has it (reference A.2)."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for owner in ctx.owners:
        source = owner.source if isinstance(owner, ast.Chain) else None
        if isinstance(source, (ast.Interaction, ast.InvalidCall)):
            continue
        for step in owner.steps:
            if isinstance(step, ast.Having):
                ctx.report_node(codes.HAVING_OUTSIDE_INTERACTION,
                                "HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER",
                                step)


RULE = Rule("having-outside-interaction", (codes.HAVING_OUTSIDE_INTERACTION,), check)
