"""V012: DISTINCT() only matters after a TRAVERSE."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule, strip_step
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    if ctx.kind is QueryKind.STATIC:
        return  # V003 reports any DISTINCT in a static query.
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Profile):
            continue
        traversed = False
        previous = None
        for step in chain.steps:
            if isinstance(step, (ast.Traverse, ast.InvalidCall)):
                traversed = True  # a step the parser could not read may have been a TRAVERSE
            elif isinstance(step, ast.Distinct):
                if isinstance(previous, ast.Distinct):
                    message = "DISTINCT() is repeated: the records are already distinct"
                elif not traversed:
                    message = (f"DISTINCT() has no effect before a TRAVERSE: the records of "
                               f"PROFILE({chain.source.table.name}) are already distinct")
                else:
                    message = None
                if message is not None:
                    ctx.report_node(codes.DISTINCT_PLACEMENT, message, step,
                                    fix=strip_step(ctx, step, "Remove DISTINCT()"))
            previous = step


RULE = Rule("distinct-placement", (codes.DISTINCT_PLACEMENT,), check)
