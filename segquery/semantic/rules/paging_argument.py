"""V042: SKIP and TAKE count whole records; ORDERBY sorts by attributes."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.syntax import ast

PAGING_ARGUMENT = define(
    "V042", "paging-argument", "A SKIP/TAKE count that is not a whole number, or an ORDERBY key that is not an attribute.",
    category=Category.VALIDATION,
    what="Reports SKIP and TAKE counts with a fraction (negative and non-numeric counts are reported by the "
         "parser, S018) and ORDERBY keys that are not attributes.",
    why="Paging counts records and sorts by columns.",
    example="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(1.5).SELECT(contactid)",
    use_instead="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)")


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role in ("skip", "take"):
            count = cast(ast.Skip | ast.Take, clause.step).count
            # Other forms (negative numbers, strings) are reported by the parser (S018).
            if isinstance(count, ast.NumberLiteral) and not count.is_integer:
                ctx.report_node(PAGING_ARGUMENT,
                                f"{keyword(clause.step)} takes a whole number, not `{ctx.text(count)}`", count)
        elif clause.role == "orderby":
            for key in cast(ast.OrderBy, clause.step).keys:
                if not isinstance(key.expr, ast.Attribute):
                    ctx.report_node(PAGING_ARGUMENT,
                                    f"ORDERBY sorts by attributes, not by `{ctx.text(key.expr)}`", key.expr)


RULE = Rule((PAGING_ARGUMENT,), check, scope=RuleScope.STEP)
