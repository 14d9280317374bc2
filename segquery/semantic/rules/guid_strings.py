"""V035: a string compared with a lookup or unique identifier is a GUID."""

import re

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

INVALID_GUID_STRING = define(
    "V035", "invalid-guid-string", "A string compared with an identifier or lookup is not a GUID.",
    category=Category.VALIDATION,
    what="Reports a string compared with a lookup or unique identifier attribute that is not a GUID "
         "(`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal, optionally in braces).",
    why="Record ids are GUIDs written as strings (reference part B); anything else never matches.",
    example="PROFILE(contact).FILTER(parentcustomerid == '12345')",
    use_instead="PROFILE(contact).FILTER(parentcustomerid == '0b6bd7e1-9c8e-4a5f-9d0e-2f1c3b4a5d6e')")


_HEX = "[0-9A-Fa-f]"
GUID = re.compile(rf"(\{{)?{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}(?(1)\}})\Z")


def check(ctx: ValidationContext) -> None:
    for comparison in ctx.nodes(ast.Comparison):
        for side, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
            if (isinstance(other, ast.StringLiteral) and not isinstance(side, ast.StringLiteral)
                    and ctx.type_of(side) is ValueType.GUID):
                check_guid_string(ctx, side, other)


def check_guid_string(ctx: ValidationContext, side: ast.Expr, literal: ast.StringLiteral) -> None:
    """V035 for one string compared with an identifier (by `==`, or in an IN list)."""
    if not GUID.match(literal.value):
        ctx.report_node(INVALID_GUID_STRING,
                        f"`{ctx.text(literal)}` is not a GUID; {ctx.phrase(side)} holds record ids such as "
                        f"'00000000-0000-0000-0000-000000000000'", literal)


RULE = Rule((INVALID_GUID_STRING,), check, needs_schema=True, scope=RuleScope.STEP)
