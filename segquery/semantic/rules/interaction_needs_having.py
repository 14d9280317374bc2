"""V004: an interaction query ends with HAVING (reference A.2)."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Interaction):
            continue
        # An unknown step (already reported by the parser) may be a misspelled HAVING.
        if any(isinstance(step, (ast.Having, ast.InvalidCall)) for step in chain.steps):
            continue
        ctx.report_node(codes.INTERACTION_NEEDS_HAVING,
                        "an interaction query needs HAVING: "
                        "INTERACTION(type, link)[.FILTER(condition)].HAVING(aggregate comparison number[, window])",
                        chain.source)


RULE = Rule("interaction-needs-having", (codes.INTERACTION_NEEDS_HAVING,), check)
