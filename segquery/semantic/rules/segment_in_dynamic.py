"""V010: referencing another segment makes a segment compound."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.DYNAMIC:
        return
    for chain in ctx.chains:
        if isinstance(chain.source, ast.SegmentRef):
            ctx.report_node(codes.SEGMENT_IN_DYNAMIC,
                            "a dynamic segment cannot reference other segments; a query with SEGMENT(...) "
                            "is a compound segment", chain.source)


RULE = Rule("segment-in-dynamic", (codes.SEGMENT_IN_DYNAMIC,), check)
