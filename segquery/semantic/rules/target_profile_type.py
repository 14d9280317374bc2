"""V013: a segment's members are of the target profile type, `contact` by default (reference A.3)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

TARGET_PROFILE_TYPE = define(
    "V013", "target-profile-type", "A segment's query does not end on the target profile type.",
    category=Category.VALIDATION,
    what="For segments (dynamic, static, compound), reports a query whose records are not of the target "
         "profile type (`contact` unless configured otherwise). The range is the part of the query that "
         "decides the final table: the PROFILE, the last TRAVERSE, or the link type of an interaction.",
    why="Part A.3: a dynamic segment of the Marketing app must end on the contact profile type; the "
        "segment's members are contacts.",
    example="PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid)")


def check(ctx: ValidationContext) -> None:
    if not ctx.kind.is_segment:
        return
    table = ctx.tables.result
    if table is None or table.casefold() == ctx.target.casefold():
        return
    if ctx.schema is not None and ctx.schema.table(table) is None:
        return  # an unknown table: V020 says so, and its profile type is anyone's guess
    ctx.report_node(TARGET_PROFILE_TYPE,
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


RULE = Rule((TARGET_PROFILE_TYPE,), check)
