"""V008: only paging steps may follow SEGMENT(x) or a parenthesized query (reference A.2)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, is_paging, keyword
from segquery.syntax import ast

SEGMENT_STEPS = define(
    "V008", "segment-steps", "Steps other than paging after SEGMENT(x) or a parenthesized query.",
    category=Category.VALIDATION,
    what="Reports FILTER, TRAVERSE, HAVING and DISTINCT after `SEGMENT(name)` and after `(query)`.",
    why="In part A.2 a segment reference stands alone or as an operand of a set operation; only the "
        "paging of a member fetch may follow a parenthesized query.",
    example="SEGMENT(contacts_in_seattle).FILTER(jobtitle == 'CEO')",
    use_instead="SEGMENT(contacts_in_seattle) INTERSECT SEGMENT(ceos)")


def check(ctx: ValidationContext) -> None:
    for owner in ctx.owners:
        if isinstance(owner, ast.Chain):
            if not isinstance(owner.source, ast.SegmentRef):
                continue
            what = "a segment reference"
        else:
            what = "a parenthesized query"
        paged = False
        for step in owner.steps:
            if is_paging(step):
                paged = True
                continue
            # HAVING has its own rule (V007); unknown steps were reported by the parser;
            # a step after paging is reported by V002 where paging is allowed.
            if isinstance(step, (ast.Having, ast.InvalidCall)) or (paged and ctx.kind.allows_paging):
                continue
            ctx.report_node(SEGMENT_STEPS,
                            f"{keyword(step)} cannot follow {what}; only paging steps (ORDERBY, SKIP, TAKE, SELECT) "
                            f"can", step)


RULE = Rule((SEGMENT_STEPS,), check)
