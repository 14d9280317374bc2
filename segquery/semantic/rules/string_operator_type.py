"""V030: CONTAINS, STARTSWITH and ENDSWITH test strings."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

_FINE = (ValueType.STRING, ValueType.UNKNOWN)


def check(ctx: ValidationContext) -> None:
    for test in ctx.nodes(ast.StringTest):
        operator = test.op.value
        if ctx.type_of(test.subject) not in _FINE:
            ctx.report_node(codes.STRING_OPERATOR_TYPE,
                            f"{operator} tests strings, but its subject is {ctx.phrase(test.subject)}", test.subject)
        if ctx.type_of(test.pattern) not in _FINE:
            ctx.report_node(codes.STRING_OPERATOR_TYPE,
                            f"the pattern of {operator} must be a string, not {ctx.phrase(test.pattern)}",
                            test.pattern)


RULE = Rule("string-operator-type", (codes.STRING_OPERATOR_TYPE,), check)
