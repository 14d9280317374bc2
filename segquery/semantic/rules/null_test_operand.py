"""V036: ISNULL and ISNOTNULL test attributes."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for test in ctx.nodes(ast.IsNull):
        operand = test.operand
        if isinstance(operand, (ast.Attribute, ast.Call)):
            continue  # an unknown function was reported by the parser
        name = "ISNOTNULL" if test.negated else "ISNULL"
        ctx.report_node(codes.NULL_TEST_OPERAND, f"{name} takes an attribute, not {ctx.phrase(operand)}", operand)


RULE = Rule("null-test-operand", (codes.NULL_TEST_OPERAND,), check)
