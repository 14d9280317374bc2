"""V025, V026 and their part of V021: INTERACTION names a known interaction type and link type."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown
from segquery.syntax import ast


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
            report_unknown(ctx, codes.UNKNOWN_INTERACTION, written, f"unknown interaction type `{written.name}`",
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
        report_unknown(ctx, codes.UNKNOWN_LINK_TYPE, link,
                       f"`{link.name}` is not a link type of interaction `{interaction.name}`",
                       interaction.link_types, listing=listing)


RULE = Rule("known-interactions", (codes.UNKNOWN_INTERACTION, codes.UNKNOWN_LINK_TYPE, codes.NAME_CASE), check,
            needs_schema=True)
