"""V001: paging steps belong to static segments and member fetches."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, is_paging, keyword


def check(ctx: ValidationContext) -> None:
    if ctx.kind.allows_paging:
        return
    for owner in ctx.owners:
        for step in owner.steps:
            if is_paging(step):
                ctx.report_node(codes.PAGING_NOT_ALLOWED,
                                f"{keyword(step)} is allowed only in static segments and member fetches, "
                                f"not in a {ctx.kind.label} segment", step)


RULE = Rule("paging-not-allowed", (codes.PAGING_NOT_ALLOWED,), check)
