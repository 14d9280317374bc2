"""V038: FILTER, NOT, && and || take conditions, not values (reference A.2, `condition`)."""

from typing import cast

from segquery.diagnostics import Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

NOT_A_CONDITION = define(
    "V038", "not-a-condition", "FILTER, NOT, `&&` or `||` applied to a value instead of a condition.",
    category=Category.VALIDATION,
    what="Reports a FILTER argument, NOT argument or `&&`/`||` operand that is a value (an attribute, a "
         "literal, arithmetic, a date) rather than a comparison, string test, null test, NOT or "
         "combination of those. A boolean attribute gets a fix to `attribute == true`.",
    why="Part A.2: a condition is a comparison, a string test, ISNULL/ISNOTNULL, NOT or a logical "
        "combination; `FILTER(fullname)` says nothing about which records to keep.",
    example="PROFILE(contact).FILTER(donotbulkemail)",
    use_instead="PROFILE(contact).FILTER(donotbulkemail == true)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="`== true` is added only to attributes the schema types as boolean, which keeps the meaning.")


CONDITION_NODES = (ast.Comparison, ast.StringTest, ast.IsNull, ast.Not, ast.Logical, ast.InList, ast.Call)
KINDS = "a comparison, string test, ISNULL/ISNOTNULL, NOT, && or ||"


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role == "filter":
            _expect(ctx, cast(ast.Filter, clause.step).condition, "FILTER needs a condition")
    for negation in ctx.nodes(ast.Not):
        _expect(ctx, negation.operand, "NOT needs a condition")
    for logical in ctx.nodes(ast.Logical):
        for operand in logical.operands:
            _expect(ctx, operand, f"`{logical.op.value}` joins conditions")


def _expect(ctx: ValidationContext, node: ast.Expr, what: str) -> None:
    if isinstance(node, CONDITION_NODES):
        return
    fix = None
    if isinstance(node, ast.Attribute) and ctx.type_of(node) is ValueType.BOOLEAN and not node.parens:
        fix = Fix.replace("Compare with `true`", node.span.end, node.span.end, " == true")
    ctx.report_node(NOT_A_CONDITION, f"{what} ({KINDS}), not {ctx.phrase(node)}", node, fix=fix)


RULE = Rule((NOT_A_CONDITION,), check, scope=RuleScope.STEP)
