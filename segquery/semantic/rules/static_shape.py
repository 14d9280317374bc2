"""V003: a static segment's query is PROFILE(t)[.FILTER(c)] with optional paging (reference A.2)."""

from typing import cast


from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule, is_paging, keyword
from segquery.syntax import ast

SHAPE = "a static segment's query is PROFILE(table) with at most one FILTER and optional paging"


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.STATIC:
        return
    body = ctx.query.body
    if isinstance(body, ast.SetOperation):
        ctx.report_node(codes.STATIC_SHAPE, f"{SHAPE}, not a set operation", body)
        return
    if isinstance(body, ast.Grouped):
        ctx.report_node(codes.STATIC_SHAPE, f"{SHAPE}, not a parenthesized query", body)
        return
    body = cast(ast.Chain, body)  # neither a set operation nor a group: a chain
    source = body.source
    if isinstance(source, (ast.SegmentRef, ast.Interaction)):
        ctx.report_node(codes.STATIC_SHAPE, f"{SHAPE}; it cannot start with {keyword(source)}", source)
    filters = 0
    for step in body.steps:
        if is_paging(step) or isinstance(step, ast.InvalidCall):
            continue
        if isinstance(step, ast.Filter):
            filters += 1
            if filters > 1:
                ctx.report_node(codes.STATIC_SHAPE, f"{SHAPE}; join the conditions of both FILTERs with &&", step)
        else:
            ctx.report_node(codes.STATIC_SHAPE, f"{SHAPE}; {keyword(step)} is not allowed", step)


RULE = Rule("static-shape", (codes.STATIC_SHAPE,), check)
