"""V036: ISNULL and ISNOTNULL test attributes."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

NULL_TEST_OPERAND = define(
    "V036", "null-test-operand", "ISNULL or ISNOTNULL applied to something that is not an attribute.",
    category=Category.VALIDATION,
    what="Reports ISNULL(x) and ISNOTNULL(x) whose argument is a literal, a function or an expression.",
    why="Only attributes can be empty (reference A.2: `ISNULL(attr)`).",
    example="PROFILE(contact).FILTER(ISNULL('emailaddress1'))",
    use_instead="PROFILE(contact).FILTER(ISNULL(emailaddress1))")


def check(ctx: ValidationContext) -> None:
    for test in ctx.nodes(ast.IsNull):
        operand = test.operand
        if isinstance(operand, (ast.Attribute, ast.Call)):
            continue  # an unknown function was reported by the parser
        name = "ISNOTNULL" if test.negated else "ISNULL"
        ctx.report_node(NULL_TEST_OPERAND, f"{name} takes an attribute, not {ctx.phrase(operand)}", operand)


RULE = Rule((NULL_TEST_OPERAND,), check, scope=RuleScope.STEP)
