"""V006: INTERACTION may not be followed by TRAVERSE (reference A.3)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

TRAVERSE_AFTER_INTERACTION = define(
    "V006", "traverse-after-interaction", "TRAVERSE in an INTERACTION query.",
    category=Category.VALIDATION,
    what="Reports TRAVERSE anywhere in a chain that starts with INTERACTION(...).",
    why="Part A.3: INTERACTION may not be followed by TRAVERSE. Save the interaction query as a segment "
        "and combine it with the profile query instead.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
            ".TRAVERSE(contact_account_parentcustomerid)",
    use_instead="SEGMENT(email_openers) INTERSECT SEGMENT(account_contacts)")


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Interaction):
            continue
        for step in chain.steps:
            if isinstance(step, ast.Traverse):
                ctx.report_node(TRAVERSE_AFTER_INTERACTION,
                                "INTERACTION cannot be followed by TRAVERSE; save the interaction query as a "
                                "segment and combine it with a set operator", step)


RULE = Rule((TRAVERSE_AFTER_INTERACTION,), check)
