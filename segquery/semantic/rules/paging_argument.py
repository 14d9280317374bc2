"""V042: SKIP and TAKE count whole records; ORDERBY sorts by attributes."""

from typing import cast


from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role in ("skip", "take"):
            count = cast(ast.Skip | ast.Take, clause.step).count
            # Other forms (negative numbers, strings) are reported by the parser (S018).
            if isinstance(count, ast.NumberLiteral) and not count.is_integer:
                ctx.report_node(codes.PAGING_ARGUMENT,
                                f"{keyword(clause.step)} takes a whole number, not `{ctx.text(count)}`", count)
        elif clause.role == "orderby":
            for key in cast(ast.OrderBy, clause.step).keys:
                if not isinstance(key.expr, ast.Attribute):
                    ctx.report_node(codes.PAGING_ARGUMENT,
                                    f"ORDERBY sorts by attributes, not by `{ctx.text(key.expr)}`", key.expr)


RULE = Rule("paging-argument", (codes.PAGING_ARGUMENT,), check)
