"""V050: a real-time segment's PROFILE is `contact` or `lead`."""

from segquery.diagnostics import Applicability, Fix
from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import PROFILE_TYPES
from segquery.semantic.rules.base import Rule
from segquery.suggest import typo_of
from segquery.syntax import ast


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
            ctx.report_node(codes.REALTIME_PROFILE_TABLE, f"the profile table is written `{canonical}`", table,
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
        ctx.report_node(codes.REALTIME_PROFILE_TABLE, message, table, fix=fix)


RULE = Rule("realtime-profile-table", (codes.REALTIME_PROFILE_TABLE,), check)
