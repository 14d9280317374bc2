"""V032: comparisons of compatible types, and arithmetic on numbers.

Pairs that other rules explain better are left to them: option set values
compared with strings (V033), dates and identifiers compared with string
literals (V034, V035), and anything inside HAVING (V043).
"""

import re

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, number_value
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

TYPE_MISMATCH = define(
    "V032", "type-mismatch", "A comparison or arithmetic of incompatible types.",
    category=Category.VALIDATION,
    what="Reports comparisons of values of different types (a number with a string, a boolean with a "
         "number, a date with a number...) and arithmetic on values that are not numbers.",
    why="Such a comparison never matches, or is rejected by the service.",
    example="PROFILE(contact).FILTER(numberofchildren == '2')",
    use_instead="PROFILE(contact).FILTER(numberofchildren == 2)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Comparing a boolean attribute with 0 or 1 gets a safe fix to false or true. Removing the "
               "quotes of a numeric string is offered as an unsafe fix.")


S, N, B, D, G, C = (ValueType.STRING, ValueType.NUMBER, ValueType.BOOLEAN, ValueType.DATETIME, ValueType.GUID,
                    ValueType.CHOICE)
COMPATIBLE = frozenset({(S, S), (N, N), (N, C), (C, N), (C, C), (D, D), (G, G), (B, B), (G, S), (S, G)})
NUMERIC_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
_ARITHMETIC_FINE = (N, C, ValueType.UNKNOWN)
# Unknown types cause no finding; a misplaced window is reported by V041.
_NOT_COMPARED = frozenset({ValueType.UNKNOWN, ValueType.WINDOW})


def check(ctx: ValidationContext) -> None:
    for comparison in ctx.nodes(ast.Comparison):
        if ctx.clause(comparison).role != "having":
            _check_comparison(ctx, comparison)
    for arithmetic in ctx.nodes(ast.Arithmetic):
        for index, operand in enumerate(arithmetic.operands):
            if ctx.type_of(operand) not in _ARITHMETIC_FINE:
                operator = arithmetic.operators[max(index - 1, 0)]
                ctx.report_node(TYPE_MISMATCH, f"`{operator}` needs numbers, not {ctx.phrase(operand)}", operand)
    for negation in ctx.nodes(ast.Negate):
        if ctx.type_of(negation.operand) not in _ARITHMETIC_FINE:
            ctx.report_node(TYPE_MISMATCH, f"`-` needs a number, not {ctx.phrase(negation.operand)}",
                            negation.operand)


def _check_comparison(ctx: ValidationContext, comparison: ast.Comparison) -> None:
    left, right = comparison.left, comparison.right
    left_type, right_type = ctx.type_of(left), ctx.type_of(right)
    if (left_type, right_type) in COMPATIBLE or not {left_type, right_type}.isdisjoint(_NOT_COMPARED):
        return
    for side, other, other_type in ((left, right, right_type), (right, left, left_type)):
        if isinstance(other, ast.StringLiteral) and _explained_elsewhere(ctx, side):
            return
    ctx.report_node(TYPE_MISMATCH, f"cannot compare {ctx.phrase(left)} with {ctx.phrase(right)}", comparison,
                    fix=_fix(ctx, left, right) or _fix(ctx, right, left))


def _explained_elsewhere(ctx: ValidationContext, side: ast.Expr) -> bool:
    side_type = ctx.type_of(side)
    if side_type in (D, G, C):
        return True
    if side_type is B and isinstance(side, ast.Attribute):
        attribute = ctx.attribute(side)
        return attribute is not None and attribute.is_choice
    return False


def _fix(ctx: ValidationContext, side: ast.Expr, literal: ast.Expr) -> Fix | None:
    side_type = ctx.type_of(side)
    if side_type is B and number_value(literal) in (0, 1) and ctx.text(literal) in ("0", "1"):
        word = "true" if number_value(literal) == 1 else "false"
        return Fix.replace(f"Compare with `{word}`", literal.span.start, literal.span.end, word)
    if side_type is N and isinstance(literal, ast.StringLiteral) and NUMERIC_TEXT.match(literal.value):
        return Fix.replace(f"Compare with the number {literal.value}", literal.span.start, literal.span.end,
                           literal.value, Applicability.UNSAFE)
    return None


RULE = Rule((TYPE_MISMATCH,), check, scope=RuleScope.STEP)
