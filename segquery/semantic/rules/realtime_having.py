"""V062: a real-time HAVING counts interactions: `COUNT() comparison whole number`."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, number_is_integer, number_value
from segquery.semantic.rules.base import REALTIME_INTERACTION, Rule
from segquery.syntax import ast

REALTIME_HAVING_CONDITION = define(
    "V062", "realtime-having-condition", "HAVING's condition is not `COUNT() comparison whole number`.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports a HAVING condition that is not one comparison of COUNT() (without argument) with a whole "
         "number of at least 0. Unlike outbound, `COUNT() >= 1` is allowed (designer output writes it).",
    why="Real-time journeys counts interactions only (reference R.1: `HAVING(COUNT() cmp integer[, window])`).",
    example=REALTIME_INTERACTION + ".HAVING(COUNT() > 1.5)",
    use_instead=REALTIME_INTERACTION + ".HAVING(COUNT() > 1)")


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role != "having":
            continue
        condition = cast(ast.Having, clause.step).condition
        if any(isinstance(node, ast.Call) for node in ast.walk(condition)):
            continue  # a function the parser reported (SUM, an unknown name): its finding says enough
        if not isinstance(condition, ast.Comparison):
            ctx.report_node(REALTIME_HAVING_CONDITION,
                            f"HAVING counts interactions: `COUNT() >= 1`, not `{ctx.text(condition)}`", condition)
            continue
        count, number = _sides(condition)
        if count is None or number is None:
            ctx.report_node(REALTIME_HAVING_CONDITION, "HAVING compares COUNT() with a whole number, as in "
                            f"`COUNT() >= 1`, not `{ctx.text(condition)}`", condition)
        elif count.function is not ast.AggregateFunction.COUNT or count.argument is not None:
            ctx.report_node(REALTIME_HAVING_CONDITION,
                            f"real-time journeys counts interactions with `COUNT()`, not `{ctx.text(count)}`", count)
        else:
            value = number_value(number)
            if value is not None and not (number_is_integer(number) and value >= 0):
                ctx.report_node(REALTIME_HAVING_CONDITION,
                                f"COUNT() is compared with a whole number of at least 0, not `{ctx.text(number)}`",
                                number)


def _sides(comparison: ast.Comparison) -> tuple[ast.Aggregate | None, ast.Expr | None]:
    """The aggregate and the number literal of `aggregate cmp number` (either order)."""
    for side, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
        literal = other.operand if isinstance(other, ast.Negate) else other
        if isinstance(side, ast.Aggregate) and isinstance(literal, ast.NumberLiteral):
            return side, other
    return None, None


RULE = Rule((REALTIME_HAVING_CONDITION,), check, scope=RuleScope.STEP)
