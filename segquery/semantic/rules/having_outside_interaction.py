"""V007: HAVING aggregates interactions, so only an INTERACTION chain has it (reference A.2)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

HAVING_OUTSIDE_INTERACTION = define(
    "V007", "having-outside-interaction", "HAVING in a query that does not start with INTERACTION.",
    category=Category.VALIDATION,
    what="Reports HAVING after PROFILE, SEGMENT or a parenthesized query.",
    why="HAVING aggregates interactions; part A.2 allows it only in `interaction.having` and "
        "`interaction.filter.having`.",
    example="PROFILE(contact).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)")


def check(ctx: ValidationContext) -> None:
    for owner in ctx.owners:
        source = owner.source if isinstance(owner, ast.Chain) else None
        if isinstance(source, (ast.Interaction, ast.InvalidCall)):
            continue
        for step in owner.steps:
            if isinstance(step, ast.Having):
                ctx.report_node(HAVING_OUTSIDE_INTERACTION,
                                "HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER",
                                step)


RULE = Rule((HAVING_OUTSIDE_INTERACTION,), check)
