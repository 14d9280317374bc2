"""V004: an interaction query ends with HAVING (reference A.2)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

INTERACTION_NEEDS_HAVING = define(
    "V004", "interaction-needs-having", "An INTERACTION query without HAVING.",
    category=Category.VALIDATION,
    what="Reports an INTERACTION(...) chain that has no HAVING step.",
    why="Part A.2: an interaction query is `interaction.having` or `interaction.filter.having`; without "
        "HAVING the service cannot tell which profiles qualify.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Interaction):
            continue
        # An unknown step (already reported by the parser) may be a misspelled HAVING.
        if any(isinstance(step, (ast.Having, ast.InvalidCall)) for step in chain.steps):
            continue
        ctx.report_node(INTERACTION_NEEDS_HAVING,
                        "an interaction query needs HAVING: "
                        "INTERACTION(type, link)[.FILTER(condition)].HAVING(aggregate comparison number[, window])",
                        chain.source)


RULE = Rule((INTERACTION_NEEDS_HAVING,), check)
