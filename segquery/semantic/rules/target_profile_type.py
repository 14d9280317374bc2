"""V013: a segment's members are of the target profile type, `contact` by default (reference A.3)."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    if not ctx.kind.is_segment:
        return
    table = ctx.tables.result
    if table is None or table.casefold() == ctx.target.casefold():
        return
    if ctx.schema is not None and ctx.schema.table(table) is None:
        return  # an unknown table: V020 says so, and its profile type is anyone's guess
    ctx.report_node(codes.TARGET_PROFILE_TYPE,
                    f"a {ctx.kind.label} segment must end on the `{ctx.target}` profile type, but this query "
                    f"ends on `{table}`", _decider(ctx.query.body))


def _decider(node: ast.QueryExpr) -> ast.Node:
    """The part of the query that decides its final table."""
    while isinstance(node, ast.Grouped):
        node = node.body
    if not isinstance(node, ast.Chain):
        return node
    source = node.source
    for step in reversed(node.steps):
        if isinstance(step, ast.Traverse):
            return step
    if isinstance(source, ast.Interaction):
        return source.link_type
    return source


RULE = Rule("target-profile-type", (codes.TARGET_PROFILE_TYPE,), check)
