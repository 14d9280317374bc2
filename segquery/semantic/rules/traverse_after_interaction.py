"""V006: INTERACTION may not be followed by TRAVERSE (reference A.3)."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Interaction):
            continue
        for step in chain.steps:
            if isinstance(step, ast.Traverse):
                ctx.report_node(codes.TRAVERSE_AFTER_INTERACTION,
                                "INTERACTION cannot be followed by TRAVERSE; save the interaction query as a "
                                "segment and combine it with a set operator", step)


RULE = Rule("traverse-after-interaction", (codes.TRAVERSE_AFTER_INTERACTION,), check)
