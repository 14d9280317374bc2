"""V033: option set attributes are compared with their option codes."""

from segquery.diagnostics import Applicability, Fix
from segquery.schema import Attribute, AttributeType
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext, is_number_literal, number_is_integer, number_value
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

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
    ctx.report_node(codes.INVALID_OPTION_VALUE, message, literal, fix=fix)


def _code(ctx: ValidationContext, side: ast.Attribute, attribute: Attribute, literal: ast.Expr) -> None:
    value = number_value(literal)
    if value is None or (number_is_integer(literal) and int(value) in (attribute.options or {})):
        return  # None: too long, S024 reports it
    ctx.report_node(codes.INVALID_OPTION_VALUE,
                    f"`{ctx.text(literal)}` is not an option of `{ctx.text(side)}`; its options are "
                    f"{options_text(attribute)}", literal)


RULE = Rule("option-values", (codes.INVALID_OPTION_VALUE,), check, needs_schema=True)
