"""V057-V060: an INTERACTION's FILTER states its profile type exactly once, with a
discriminator `<profile id column>_LogicalName == 'contact'` (or `'lead'`)."""

from segquery.diagnostics import Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import (PROFILE_TYPES, Discriminator, discriminated_column, discriminators,
                                              interaction_filter)
from segquery.semantic.rules.base import REALTIME_INTERACTION, Rule
from segquery.syntax import ast

MISSING_PROFILE_TYPE = define(
    "V057", "missing-profile-type", "An INTERACTION whose FILTER does not state its profile type.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports an INTERACTION(...) chain whose FILTER has no discriminator "
         "`<profile id column>_LogicalName == 'contact'` (or `'lead'`) as one of its `&&` conditions, or that "
         "has no FILTER at all.",
    why="A profile id column can point at contacts or leads; without the discriminator the operand is "
        "ambiguous (reference R.1), and designer output always states it.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).HAVING(COUNT() >= 1)",
    use_instead=REALTIME_INTERACTION + ".HAVING(COUNT() >= 1)")

REPEATED_PROFILE_TYPE = define(
    "V058", "repeated-profile-type", "An INTERACTION's FILTER states its profile type more than once.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports every discriminator condition after the first in the FILTER of an INTERACTION chain.",
    why="The profile type is stated exactly once; a second statement is redundant at best, and with another "
        "value selects no interaction at all.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == "
            "'contact' && msdynmkt_entityid_LogicalName == 'lead')",
    use_instead=REALTIME_INTERACTION)

INVALID_PROFILE_TYPE = define(
    "V059", "invalid-profile-type", "A discriminator compared with something other than 'contact' or 'lead'.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports the value a `..._LogicalName` discriminator is compared with when it is not the string "
         "'contact' or 'lead' (lower case: `'Contact'` gets a safe fix).",
    why="Real-time journeys segments are of contacts or leads; table logical names are lower case.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'account')",
    use_instead=REALTIME_INTERACTION, fix=FixAvailability.SOMETIMES,
    fix_safety="Lower-casing 'Contact' or 'Lead' is safe; other values have no fix.")

PROFILE_TYPE_PLACEMENT = define(
    "V060", "profile-type-placement", "A discriminator that does not state the interaction's profile type.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports a `..._LogicalName` condition that is not `<profile id column>_LogicalName == '<type>'` "
         "joined to the rest of the FILTER with `&&`: one written with another operator, inside `||` or "
         "NOT, or on another profile id column than the INTERACTION's second argument.",
    why="Only a discriminator that every selected interaction satisfies fixes the operand's profile type; "
        "inside `||` or on another column it leaves the operand ambiguous.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_profileid_LogicalName == 'contact')",
    use_instead=REALTIME_INTERACTION)


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
            ctx.report_node(REPEATED_PROFILE_TYPE,
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
    ctx.report_node(MISSING_PROFILE_TYPE, message, source)


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
    ctx.report_node(PROFILE_TYPE_PLACEMENT, message, item.condition)


def _check_value(ctx: ValidationContext, item: Discriminator) -> None:
    value = item.value
    assert isinstance(value, ast.StringLiteral)  # a stating discriminator compares with a string
    if value.value in PROFILE_TYPES:
        return
    lowered = value.value.casefold()
    if lowered in PROFILE_TYPES:
        ctx.report_node(INVALID_PROFILE_TYPE, f"the profile type is written in lower case: '{lowered}'", value,
                        fix=Fix.replace(f"Write '{lowered}'", value.span.start, value.span.end, f"'{lowered}'"))
        return
    ctx.report_node(INVALID_PROFILE_TYPE,
                    f"real-time interactions belong to 'contact' or 'lead' profiles, not {ctx.text(value)}", value)


RULE = Rule((MISSING_PROFILE_TYPE, REPEATED_PROFILE_TYPE,
                                      INVALID_PROFILE_TYPE, PROFILE_TYPE_PLACEMENT), check)
