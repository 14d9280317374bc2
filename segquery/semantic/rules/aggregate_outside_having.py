"""V037: aggregates exist only in the condition of HAVING."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for aggregate in ctx.nodes(ast.Aggregate):
        if ctx.clause(aggregate).role != "having":
            ctx.report_node(codes.AGGREGATE_OUTSIDE_HAVING,
                            f"{aggregate.function.value} is an aggregate: it can only be used in the condition "
                            f"of HAVING", aggregate)


RULE = Rule("aggregate-outside-having", (codes.AGGREGATE_OUTSIDE_HAVING,), check)
