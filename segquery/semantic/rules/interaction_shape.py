"""V005: an interaction query has at most one FILTER, one HAVING, and no DISTINCT (reference A.2)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

INTERACTION_SHAPE = define(
    "V005", "interaction-shape", "An INTERACTION query with steps beyond one FILTER and one HAVING.",
    category=Category.VALIDATION,
    what="Reports a second FILTER, a second HAVING, DISTINCT, and steps other than paging after HAVING "
         "in an INTERACTION chain. (FILTER after HAVING is reported by the parser, S015.)",
    why="Part A.2: an interaction query is INTERACTION[.FILTER].HAVING and nothing else.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
            ".FILTER(emailDomain != 'b.com').HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink)"
                ".FILTER(emailDomain == 'a.com' && emailDomain != 'b.com').HAVING(COUNT() > 0)")


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Interaction):
            continue
        filters = 0
        having = None
        for step in chain.steps:
            if isinstance(step, ast.Filter):
                if having is not None:
                    continue  # FILTER after HAVING: the parser reports it (S015) with a fix.
                filters += 1
                if filters > 1:
                    ctx.report_node(INTERACTION_SHAPE,
                                    "an interaction query has at most one FILTER; join the conditions with &&", step)
            elif isinstance(step, ast.Having):
                if having is not None:
                    ctx.report_node(INTERACTION_SHAPE, "an interaction query has one HAVING", step,
                                    related=[ctx.related("the first HAVING", having)])
                having = having or step
            elif isinstance(step, ast.Distinct):
                ctx.report_node(INTERACTION_SHAPE, "DISTINCT cannot be used in an interaction query", step)


RULE = Rule((INTERACTION_SHAPE,), check)
