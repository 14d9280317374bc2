"""V037: aggregates exist only in the condition of HAVING."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

AGGREGATE_OUTSIDE_HAVING = define(
    "V037", "aggregate-outside-having", "COUNT, SUM, AVG, MIN or MAX outside HAVING.",
    category=Category.VALIDATION,
    what="Reports aggregates in FILTER, ORDERBY, SELECT and other places than the condition of HAVING.",
    why="Aggregates summarize the interactions of a profile; they exist only in HAVING.",
    example="PROFILE(contact).FILTER(COUNT() > 1)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 1)")


def check(ctx: ValidationContext) -> None:
    for aggregate in ctx.nodes(ast.Aggregate):
        if ctx.clause(aggregate).role != "having":
            ctx.report_node(AGGREGATE_OUTSIDE_HAVING,
                            f"{aggregate.function.value} is an aggregate: it can only be used in the condition "
                            f"of HAVING", aggregate)


RULE = Rule((AGGREGATE_OUTSIDE_HAVING,), check, scope=RuleScope.STEP)
