"""V010: referencing another segment makes a segment compound."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

SEGMENT_IN_DYNAMIC = define(
    "V010", "segment-in-dynamic", "A dynamic segment that references other segments.",
    category=Category.VALIDATION,
    what="For queries checked as dynamic segments, reports each `SEGMENT(name)`.",
    why="Referencing segments is what makes a segment compound (reference A.1); the service expects "
        "the compound segment type for such a query.",
    example="// segquery: kind = dynamic\nSEGMENT(a) UNION SEGMENT(b)",
    use_instead="// segquery: kind = compound\nSEGMENT(a) UNION SEGMENT(b)")


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.DYNAMIC:
        return
    for chain in ctx.chains:
        if isinstance(chain.source, ast.SegmentRef):
            ctx.report_node(SEGMENT_IN_DYNAMIC,
                            "a dynamic segment cannot reference other segments; a query with SEGMENT(...) "
                            "is a compound segment", chain.source)


RULE = Rule((SEGMENT_IN_DYNAMIC,), check)
