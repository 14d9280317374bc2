"""V011: set operands are segments, profile queries or set operations (reference A.2)."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for operation in ctx.set_operations:
        for index, operand in enumerate(operation.operands):
            if isinstance(operand, ast.Chain) and isinstance(operand.source, ast.Interaction):
                operator = operation.operators[max(index - 1, 0)].value
                ctx.report_node(codes.INTERACTION_IN_SET_OPERATION,
                                f"an INTERACTION query cannot be an operand of {operator}; save it as a segment "
                                f"and use SEGMENT(name)", operand)


RULE = Rule("interaction-in-set-operation", (codes.INTERACTION_IN_SET_OPERATION,), check)
