"""V033: option set attributes are compared with their option codes."""

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.schema import Attribute, AttributeType
from segquery.semantic.context import ValidationContext, is_number_literal, number_is_integer, number_value
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

INVALID_OPTION_VALUE = define(
    "V033", "invalid-option-value", "An option set attribute compared with a value that is not one of its options.",
    category=Category.SCHEMA,
    what="For option set (picklist, state, status) attributes with known options, reports numbers that "
         "are not option codes and strings, which are labels rather than codes. A label that names one "
         "option is pointed to its code.",
    why="Option set attributes hold codes; comparing with a label or an unknown code never matches.",
    example="PROFILE(contact).FILTER(gendercode == 'Female')",
    use_instead="PROFILE(contact).FILTER(gendercode == 2)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a label by its code is offered as an unsafe fix: labels can be changed in an org.")


MAX_LISTED = 12


def check(ctx: ValidationContext) -> None:
    for comparison in ctx.nodes(ast.Comparison):
        if ctx.clause(comparison).role == "having":
            continue
        for side, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
            if not isinstance(side, ast.Attribute):
                continue
            attribute = ctx.attribute(side)
            if attribute is not None and attribute.is_choice:
                check_value(ctx, side, attribute, other)


def check_value(ctx: ValidationContext, side: ast.Attribute, attribute: Attribute, other: ast.Expr) -> None:
    """V033 for one value an option set attribute is compared with (by `==`, or in an IN list)."""
    if isinstance(other, ast.StringLiteral):
        _label(ctx, side, attribute, other)
    elif is_number_literal(other) and attribute.options and attribute.type is not AttributeType.BOOLEAN:
        _code(ctx, side, attribute, other)


def options_text(attribute: Attribute) -> str:
    items = list((attribute.options or {}).items())
    shown = ", ".join(f"{code} ({label})" for code, label in items[:MAX_LISTED])
    return shown + (f", ... ({len(items)} in all)" if len(items) > MAX_LISTED else "")


def _label(ctx: ValidationContext, side: ast.Attribute, attribute: Attribute, literal: ast.StringLiteral) -> None:
    name = ctx.text(side)
    options = attribute.options or {}
    matches = [code for code, label in options.items() if label.casefold() == literal.value.casefold()]
    boolean = attribute.type is AttributeType.BOOLEAN
    holds = "true or false" if boolean else "option codes"
    fix = None
    if len(matches) == 1:
        value = ("true" if matches[0] else "false") if boolean else str(matches[0])
        message = f"`{name}` holds {holds}, not labels: {ctx.text(literal)} is `{value}`"
        fix = Fix.replace(f"Compare with `{value}`", literal.span.start, literal.span.end, value,
                          Applicability.UNSAFE)
    elif options:
        message = f"`{name}` holds {holds}, not labels; its options are {options_text(attribute)}"
    else:
        message = f"`{name}` holds {holds}, not labels"
    ctx.report_node(INVALID_OPTION_VALUE, message, literal, fix=fix)


def _code(ctx: ValidationContext, side: ast.Attribute, attribute: Attribute, literal: ast.Expr) -> None:
    value = number_value(literal)
    if value is None or (number_is_integer(literal) and int(value) in (attribute.options or {})):
        return  # None: too long, S024 reports it
    ctx.report_node(INVALID_OPTION_VALUE,
                    f"`{ctx.text(literal)}` is not an option of `{ctx.text(side)}`; its options are "
                    f"{options_text(attribute)}", literal)


RULE = Rule((INVALID_OPTION_VALUE,), check, needs_schema=True, scope=RuleScope.STEP)
