"""V066 and the IN list part of V033: IN list values are literals of the attribute's type."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, is_number_literal
from segquery.semantic.realtime_context import is_consent_field
from segquery.semantic.rules import option_values
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.comparison_types import COMPATIBLE
from segquery.semantic.rules.date_strings import INVALID_DATE_STRING, check_date_string
from segquery.semantic.rules.guid_strings import INVALID_GUID_STRING, check_guid_string
from segquery.semantic.rules.option_values import INVALID_OPTION_VALUE
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

IN_LIST_VALUE = define(
    "V066", "in-list-value", "An IN list value that is not a literal of the attribute's type.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports IN list values that are not written directly (an attribute, a function, arithmetic) and "
         "values of another type than the attribute (a string in the list of a number attribute). Values of "
         "option set attributes are checked against the options as `==` does (V033).",
    why="`field IN [v1, v2]` lists values of the field (reference R.2); other values never match.",
    example="PROFILE(contact).FILTER(numberofchildren IN [1, '2'])",
    use_instead="PROFILE(contact).FILTER(numberofchildren IN [1, 2])")


def is_literal(node: ast.Expr) -> bool:
    return isinstance(node, (ast.StringLiteral, ast.BooleanLiteral)) or is_number_literal(node)


def check(ctx: ValidationContext) -> None:
    for in_list in ctx.nodes(ast.InList):
        subject = in_list.subject
        if isinstance(subject, ast.Attribute) and is_consent_field(subject):
            continue  # V065
        attribute = ctx.attribute(subject) if isinstance(subject, ast.Attribute) else None
        subject_type = ctx.type_of(subject)
        for value in in_list.values:
            if not is_literal(value):
                ctx.report_node(IN_LIST_VALUE, f"an IN list holds values written directly (strings, numbers, "
                                f"true, false), not {ctx.phrase(value)}", value)
            elif isinstance(subject, ast.Attribute) and attribute is not None and attribute.is_choice:
                option_values.check_value(ctx, subject, attribute, value)
            elif isinstance(value, ast.StringLiteral) and subject_type is ValueType.DATETIME:
                check_date_string(ctx, value)
            elif isinstance(value, ast.StringLiteral) and subject_type is ValueType.GUID:
                check_guid_string(ctx, subject, value)
            elif subject_type is not ValueType.UNKNOWN and (subject_type, ctx.type_of(value)) not in COMPATIBLE:
                ctx.report_node(IN_LIST_VALUE,
                                f"{ctx.phrase(subject)} is never {ctx.phrase(value)}: list values of its type",
                                value)


RULE = Rule((IN_LIST_VALUE, INVALID_OPTION_VALUE,
                                INVALID_DATE_STRING, INVALID_GUID_STRING), check, scope=RuleScope.STEP)
