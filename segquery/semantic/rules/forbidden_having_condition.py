"""V044: the HAVING conditions on COUNT() that the product's usage limitations forbid.

SUM, AVG, MIN and MAX appear in the table with `none / none`: no operator
and no value is forbidden for them, so this rule leaves them alone.
"""

from typing import cast


from segquery.diagnostics import Fix, TextEdit
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext, is_number_literal, number_is_integer, number_value
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

CompareOp = ast.CompareOp
FLIPPED = {CompareOp.LT: CompareOp.GT, CompareOp.LE: CompareOp.GE, CompareOp.GT: CompareOp.LT,
           CompareOp.GE: CompareOp.LE, CompareOp.EQ: CompareOp.EQ, CompareOp.NE: CompareOp.NE}


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        comparison = cast(ast.Having, clause.step).condition if clause.role == "having" else None
        if not isinstance(comparison, ast.Comparison):
            continue
        left, right = comparison.left, comparison.right
        if _is_count(left) and is_number_literal(right):
            _check(ctx, comparison, comparison.op, right, count_on_left=True)
        elif _is_count(right) and is_number_literal(left):
            _check(ctx, comparison, FLIPPED[comparison.op], left, count_on_left=False)


def _is_count(node: ast.Expr) -> bool:
    return isinstance(node, ast.Aggregate) and node.function is ast.AggregateFunction.COUNT


def _check(ctx: ValidationContext, comparison: ast.Comparison, op: CompareOp, number: ast.Expr,
           count_on_left: bool) -> None:
    text = ctx.text(number)
    value = number_value(number)
    if value is None:
        return  # too long: S024 reports it
    if not number_is_integer(number):
        message = f"HAVING cannot compare COUNT() with the non-integer `{text}`: counts are whole numbers"
    elif value < 0:
        message = f"HAVING cannot compare COUNT() with the negative number `{text}`"
    elif op is CompareOp.GE and value > 0:
        ctx.report_node(codes.FORBIDDEN_HAVING_CONDITION,
                        f"HAVING cannot use `COUNT() >= {value}`; write `COUNT() > {value - 1}`", comparison,
                        fix=_strict_fix(ctx, comparison, number, value, count_on_left))
        return
    elif op is CompareOp.NE and value > 0:
        message = f"HAVING cannot use `COUNT() != {value}`: `!=` is not supported with a positive count"
    elif op is CompareOp.EQ and value == 0:
        message = ("HAVING cannot test `COUNT() == 0`: profiles without interactions have no interaction data; "
                   "use EXCEPT with the segment of the profiles that have one")
    else:
        return
    ctx.report_node(codes.FORBIDDEN_HAVING_CONDITION, message, comparison)


def _strict_fix(ctx: ValidationContext, comparison: ast.Comparison, number: ast.Expr, value: int | float,
                count_on_left: bool) -> Fix:
    written = comparison.op.value
    start, end = ctx.operator_span(comparison.left, comparison.right, written)
    strict = ">" if count_on_left else "<"
    rewritten = f"COUNT() > {value - 1}" if count_on_left else f"{value - 1} < COUNT()"
    return Fix(f"Rewrite as `{rewritten}`",
               (TextEdit(start, end, strict), TextEdit(number.span.start, number.span.end, str(value - 1))))


RULE = Rule("forbidden-having-condition", (codes.FORBIDDEN_HAVING_CONDITION,), check)
