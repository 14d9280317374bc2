"""V057-V060: an INTERACTION's FILTER states its profile type exactly once, with a
discriminator `<profile id column>_LogicalName == 'contact'` (or `'lead'`)."""

from segquery.diagnostics import Fix
from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import (PROFILE_TYPES, Discriminator, discriminated_column, discriminators,
                                              interaction_filter)
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        source = chain.source
        if not isinstance(source, ast.Interaction):
            continue
        found = discriminators(chain)
        stating = [item for item in found if item.states]
        for item in found:
            if not item.states:
                _misplaced(ctx, source, item)
        if not stating:
            if not found:  # a discriminator that does not state it is reported above
                _missing(ctx, chain, source)
            continue
        first = stating[0]
        _check_value(ctx, first)
        for item in stating[1:]:
            ctx.report_node(codes.REPEATED_PROFILE_TYPE,
                            f"the profile type is already stated at {ctx.where(first.condition)}: state it once",
                            item.condition, related=[ctx.related("first stated here", first.condition)])
            _check_value(ctx, item)


def _example(source: ast.Interaction, target: str) -> str:
    return f"`{source.link_type.name}_LogicalName == '{target}'`"


def _missing(ctx: ValidationContext, chain: ast.Chain, source: ast.Interaction) -> None:
    example = _example(source, ctx.target)
    if interaction_filter(chain) is None:
        message = (f"INTERACTION needs a FILTER that states the profile type: "
                   f"`.FILTER({source.link_type.name}_LogicalName == '{ctx.target}')`")
    else:
        message = f"the FILTER of INTERACTION does not state the profile type: add {example} with `&&`"
    ctx.report_node(codes.MISSING_PROFILE_TYPE, message, source)


def _misplaced(ctx: ValidationContext, source: ast.Interaction, item: Discriminator) -> None:
    column = discriminated_column(item.column)
    own = source.link_type.name
    if column.casefold() != own.casefold():
        message = (f"`{item.column.name.name}` is the discriminator of `{column}`, but this INTERACTION links "
                   f"profiles by `{own}`: write `{own}_LogicalName`")
    elif not item.top_level:
        message = ("the profile type is stated as a condition of its own, joined to the rest of the FILTER with "
                   "`&&`: inside `||` or NOT it does not fix the interaction's profile type")
    else:
        message = f"the profile type is stated with `==` and a string: {_example(source, 'contact')}"
    ctx.report_node(codes.PROFILE_TYPE_PLACEMENT, message, item.condition)


def _check_value(ctx: ValidationContext, item: Discriminator) -> None:
    value = item.value
    assert isinstance(value, ast.StringLiteral)  # a stating discriminator compares with a string
    if value.value in PROFILE_TYPES:
        return
    lowered = value.value.casefold()
    if lowered in PROFILE_TYPES:
        ctx.report_node(codes.INVALID_PROFILE_TYPE, f"the profile type is written in lower case: '{lowered}'", value,
                        fix=Fix.replace(f"Write '{lowered}'", value.span.start, value.span.end, f"'{lowered}'"))
        return
    ctx.report_node(codes.INVALID_PROFILE_TYPE,
                    f"real-time interactions belong to 'contact' or 'lead' profiles, not {ctx.text(value)}", value)


RULE = Rule("realtime-profile-type", (codes.MISSING_PROFILE_TYPE, codes.REPEATED_PROFILE_TYPE,
                                      codes.INVALID_PROFILE_TYPE, codes.PROFILE_TYPE_PLACEMENT), check)
