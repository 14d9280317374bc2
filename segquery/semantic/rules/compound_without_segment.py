"""V009: a compound segment combines other segments."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

COMPOUND_WITHOUT_SEGMENT = define(
    "V009", "compound-without-segment", "A compound segment that references no segment.",
    category=Category.VALIDATION,
    what="For queries checked as compound segments, reports a query with no `SEGMENT(name)`.",
    why="A compound segment is made of other segments; a query of profiles only is a dynamic segment.",
    example="// segquery: kind = compound\nPROFILE(contact)",
    use_instead="// segquery: kind = compound\nSEGMENT(contacts_in_seattle) UNION SEGMENT(account_contacts)")


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.COMPOUND:
        return
    if any(isinstance(chain.source, ast.SegmentRef) for chain in ctx.chains):
        return
    ctx.report_node(COMPOUND_WITHOUT_SEGMENT,
                    "a compound segment combines other segments, but this query references none; "
                    "use SEGMENT(name)", ctx.query.body)


RULE = Rule((COMPOUND_WITHOUT_SEGMENT,), check)
