"""V030: CONTAINS, STARTSWITH and ENDSWITH test strings."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

STRING_OPERATOR_TYPE = define(
    "V030", "string-operator-type", "CONTAINS, STARTSWITH or ENDSWITH on something that is not a string.",
    category=Category.VALIDATION,
    what="Reports a string test whose subject is not a string (a number, date, identifier, option set or "
         "boolean attribute, or such a value) or whose pattern is not a string.",
    why="String tests compare text; on other types the service rejects the query.",
    example="PROFILE(contact).FILTER(birthdate CONTAINS '1990')",
    use_instead="PROFILE(contact).FILTER(birthdate >= DATE(1990, 1, 1) && birthdate < DATE(1991, 1, 1))")


_FINE = (ValueType.STRING, ValueType.UNKNOWN)


def check(ctx: ValidationContext) -> None:
    for test in ctx.nodes(ast.StringTest):
        operator = test.op.value
        if ctx.type_of(test.subject) not in _FINE:
            ctx.report_node(STRING_OPERATOR_TYPE,
                            f"{operator} tests strings, but its subject is {ctx.phrase(test.subject)}", test.subject)
        if ctx.type_of(test.pattern) not in _FINE:
            ctx.report_node(STRING_OPERATOR_TYPE,
                            f"the pattern of {operator} must be a string, not {ctx.phrase(test.pattern)}",
                            test.pattern)


RULE = Rule((STRING_OPERATOR_TYPE,), check, scope=RuleScope.STEP)
