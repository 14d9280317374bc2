"""V011: set operands are segments, profile queries or set operations (reference A.2)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

INTERACTION_IN_SET_OPERATION = define(
    "V011", "interaction-in-set-operation", "An INTERACTION query used directly as an operand of a set operator.",
    category=Category.VALIDATION,
    what="Reports an INTERACTION(...) chain that is an operand of UNION, INTERSECT or EXCEPT.",
    why="Part A.2: the operands of a set operation are segment references, profile queries or other set "
        "operations. Save the interaction query as a segment and reference it.",
    example="PROFILE(contact) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_ContactLink).HAVING(COUNT() > 0)",
    use_instead="PROFILE(contact) EXCEPT SEGMENT(hard_bounced)")


def check(ctx: ValidationContext) -> None:
    for operation in ctx.set_operations:
        for index, operand in enumerate(operation.operands):
            if isinstance(operand, ast.Chain) and isinstance(operand.source, ast.Interaction):
                operator = operation.operators[max(index - 1, 0)].value
                ctx.report_node(INTERACTION_IN_SET_OPERATION,
                                f"an INTERACTION query cannot be an operand of {operator}; save it as a segment "
                                f"and use SEGMENT(name)", operand)


RULE = Rule((INTERACTION_IN_SET_OPERATION,), check)
