"""V001: paging steps belong to static segments and member fetches."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, is_paging, keyword

PAGING_NOT_ALLOWED = define(
    "V001", "paging-not-allowed", "Paging steps in a dynamic or compound segment.",
    category=Category.VALIDATION,
    what="Reports ORDERBY, SKIP, TAKE and SELECT in a query checked as a dynamic or compound segment.",
    why="Paging belongs to static segments and member fetches (reference A.1 and A.2); a dynamic or "
        "compound segment's query defines its members, and the service rejects paging there.",
    example="// segquery: kind = dynamic\nPROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(10).SELECT(contactid)",
    use_instead="PROFILE(contact)")


def check(ctx: ValidationContext) -> None:
    if ctx.kind.allows_paging:
        return
    for owner in ctx.owners:
        for step in owner.steps:
            if is_paging(step):
                ctx.report_node(PAGING_NOT_ALLOWED,
                                f"{keyword(step)} is allowed only in static segments and member fetches, "
                                f"not in a {ctx.kind.label} segment", step)


RULE = Rule((PAGING_NOT_ALLOWED,), check)
