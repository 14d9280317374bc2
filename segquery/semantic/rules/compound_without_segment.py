"""V009: a compound segment combines other segments."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.COMPOUND:
        return
    if any(isinstance(chain.source, ast.SegmentRef) for chain in ctx.chains):
        return
    ctx.report_node(codes.COMPOUND_WITHOUT_SEGMENT,
                    "a compound segment combines other segments, but this query references none; "
                    "use SEGMENT(name)", ctx.query.body)


RULE = Rule("compound-without-segment", (codes.COMPOUND_WITHOUT_SEGMENT,), check)
