"""V003: a static segment's query is PROFILE(t)[.FILTER(c)] with optional paging (reference A.2)."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule, is_paging, keyword
from segquery.syntax import ast

STATIC_SHAPE = define(
    "V003", "static-shape", "A static segment's query is not `PROFILE(t)[.FILTER(c)]` plus paging.",
    category=Category.VALIDATION,
    what="For queries checked as static segments, reports anything but one PROFILE source, at most one "
         "FILTER and the paging steps: TRAVERSE, HAVING, DISTINCT, a second FILTER, SEGMENT, INTERACTION, "
         "set operations and groups.",
    why="Part A.2 defines a static query as `profile`, `profile.filter`, or either followed by paging.",
    example="// segquery: kind = static\nPROFILE(account).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="// segquery: kind = static\nPROFILE(contact).FILTER(statecode == 0)")


SHAPE = "a static segment's query is PROFILE(table) with at most one FILTER and optional paging"


def check(ctx: ValidationContext) -> None:
    if ctx.kind is not QueryKind.STATIC:
        return
    body = ctx.query.body
    if isinstance(body, ast.SetOperation):
        ctx.report_node(STATIC_SHAPE, f"{SHAPE}, not a set operation", body)
        return
    if isinstance(body, ast.Grouped):
        ctx.report_node(STATIC_SHAPE, f"{SHAPE}, not a parenthesized query", body)
        return
    body = cast(ast.Chain, body)  # neither a set operation nor a group: a chain
    source = body.source
    if isinstance(source, (ast.SegmentRef, ast.Interaction)):
        ctx.report_node(STATIC_SHAPE, f"{SHAPE}; it cannot start with {keyword(source)}", source)
    filters = 0
    for step in body.steps:
        if is_paging(step) or isinstance(step, ast.InvalidCall):
            continue
        if isinstance(step, ast.Filter):
            filters += 1
            if filters > 1:
                ctx.report_node(STATIC_SHAPE, f"{SHAPE}; join the conditions of both FILTERs with &&", step)
        else:
            ctx.report_node(STATIC_SHAPE, f"{SHAPE}; {keyword(step)} is not allowed", step)


RULE = Rule((STATIC_SHAPE,), check)
