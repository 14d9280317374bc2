"""V025, V026 and their part of V021: INTERACTION names a known interaction type and link type."""

from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import NAME_CASE, check_case, report_unknown
from segquery.syntax import ast

UNKNOWN_INTERACTION = define(
    "V025", "unknown-interaction", "INTERACTION names an interaction type the schema does not have.",
    category=Category.SCHEMA,
    what="Checks the first argument of INTERACTION(...) against the schema's interaction types.",
    why="The service rejects unknown interaction types.",
    example="INTERACTION(EmailOpen, EmailOpened_ContactLink).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest interaction type is unsafe: it may not be the one the author meant.")

UNKNOWN_LINK_TYPE = define(
    "V026", "unknown-link-type", "INTERACTION names a link type its interaction type does not have.",
    category=Category.SCHEMA,
    what="Checks the second argument of INTERACTION(...) against the link types of the interaction type.",
    why="The link type decides which profiles the interactions are linked to; a wrong one is rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_LeadLink).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() > 0)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest link type is unsafe: it may link to other profiles.")


def check(ctx: ValidationContext) -> None:
    schema = ctx.schema
    assert schema is not None  # a needs_schema rule runs only with a schema
    for chain in ctx.chains:
        source = chain.source
        if not isinstance(source, ast.Interaction):
            continue
        written = source.interaction_type
        interaction = schema.interaction(written.name)
        if interaction is None:
            report_unknown(ctx, UNKNOWN_INTERACTION, written, f"unknown interaction type `{written.name}`",
                           schema.interactions)
            continue
        check_case(ctx, written, interaction.name, "interaction type")
        link = source.link_type
        canonical = interaction.link_type(link.name)
        if canonical is not None:
            check_case(ctx, link, canonical, "link type")
            continue
        listing = "its link types are " + ", ".join(f"`{name}`" for name in interaction.link_types) \
            if interaction.link_types else "it has no link types in the schema"
        report_unknown(ctx, UNKNOWN_LINK_TYPE, link,
                       f"`{link.name}` is not a link type of interaction `{interaction.name}`",
                       interaction.link_types, listing=listing)


RULE = Rule((UNKNOWN_INTERACTION, UNKNOWN_LINK_TYPE, NAME_CASE), check,
            needs_schema=True)
