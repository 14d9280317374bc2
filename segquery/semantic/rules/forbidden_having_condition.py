"""V044: the HAVING conditions on COUNT() that the product's usage limitations forbid.

SUM, AVG, MIN and MAX appear in the table with `none / none`: no operator
and no value is forbidden for them, so this rule leaves them alone.
"""

from typing import cast

from segquery.diagnostics import Fix, TextEdit
from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, is_number_literal, number_is_integer, number_value
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

FORBIDDEN_HAVING_CONDITION = define(
    "V044", "forbidden-having-condition", "A HAVING condition that part A.3 of the reference forbids.",
    category=Category.VALIDATION,
    what="Reports, for COUNT(): `>=` or `!=` with a positive integer, any comparison with a negative or "
         "non-integer number, and `== 0` (also when COUNT() is written on the right). SUM, AVG, MIN and MAX "
         "have no such limitation (the table's `none / none` row): they are checked only as V043 says.",
    why="The service does not evaluate these conditions. `COUNT() >= n` has the exact equivalent "
        "`COUNT() > n-1`; `COUNT() == 0` cannot be evaluated because profiles without interactions have "
        "no interaction data: use EXCEPT with the segment of those who have one.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() >= 3)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 2)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Rewriting `COUNT() >= n` as `COUNT() > n-1` is safe: counts are whole numbers. The other "
               "cases have no equivalent condition.")


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
        ctx.report_node(FORBIDDEN_HAVING_CONDITION,
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
    ctx.report_node(FORBIDDEN_HAVING_CONDITION, message, comparison)


def _strict_fix(ctx: ValidationContext, comparison: ast.Comparison, number: ast.Expr, value: int | float,
                count_on_left: bool) -> Fix:
    written = comparison.op.value
    start, end = ctx.operator_span(comparison.left, comparison.right, written)
    strict = ">" if count_on_left else "<"
    rewritten = f"COUNT() > {value - 1}" if count_on_left else f"{value - 1} < COUNT()"
    return Fix(f"Rewrite as `{rewritten}`",
               (TextEdit(start, end, strict), TextEdit(number.span.start, number.span.end, str(value - 1))))


RULE = Rule((FORBIDDEN_HAVING_CONDITION,), check, scope=RuleScope.STEP)
