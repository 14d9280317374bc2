"""V050: a real-time segment's PROFILE is `contact` or `lead`."""

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import PROFILE_TYPES
from segquery.semantic.rules.base import Rule
from segquery.suggest import typo_of
from segquery.syntax import ast

REALTIME_PROFILE_TABLE = define(
    "V050", "realtime-profile-table", "PROFILE names a table other than `contact` or `lead`.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports the table of PROFILE(...) when it is not `contact` or `lead`, with the closest of the two "
         "when the name is a typo, and `Contact` written in other case (safe fix).",
    why="Real-time journeys segments are built on contacts or leads only (the vendor's Web API article: "
        "\"only supports contacts and leads\"); the segment's `msdynmkt_baseentitylogicalname` names one of "
        "the two. Other tables are reached with RELATE.",
    example="PROFILE(account).FILTER(name == 'Contoso')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'Contoso')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Lower-casing `Contact` is safe (names are matched without regard to case); renaming a typo to "
               "`contact` or `lead` is unsafe.")


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Profile):
            continue
        table = chain.source.table
        written = table.name
        if written in PROFILE_TYPES:
            continue
        if written.casefold() in PROFILE_TYPES:
            canonical = written.casefold()
            ctx.report_node(REALTIME_PROFILE_TABLE, f"the profile table is written `{canonical}`", table,
                            fix=Fix.replace(f"Write `{canonical}`", table.span.start, table.span.end, canonical))
            continue
        message = f"real-time journeys segments are of `contact` or `lead`, not `{written}`"
        typo = typo_of(written, PROFILE_TYPES)
        fix = None
        if typo is not None:
            message += f"; did you mean `{typo}`?"
            fix = Fix.replace(f"Rename to `{typo}`", table.span.start, table.span.end, typo, Applicability.UNSAFE)
        elif ctx.schema is not None and ctx.schema.table(written) is not None:
            message += f": start from the profile and reach `{written}` with RELATE"
        ctx.report_node(REALTIME_PROFILE_TABLE, message, table, fix=fix)


RULE = Rule((REALTIME_PROFILE_TABLE,), check)
