"""V055, V056 and the INTERACTION part of V021 and V046: real-time interaction tables
and their profile id columns."""

from segquery.semantic import codes as outbound_codes
from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown, report_unknown_org_name
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    assert ctx.schema is not None  # a needs_schema rule
    for chain in ctx.chains:
        source = chain.source
        if not isinstance(source, ast.Interaction):
            continue
        identifier = source.interaction_type
        name = identifier.name
        table = ctx.schema.interaction_table(name)
        if table is None:
            if ctx.schema.interaction(name) is not None:
                ctx.report_node(codes.UNKNOWN_INTERACTION_TABLE,
                                f"`{name}` is an outbound marketing interaction; real-time journeys uses the "
                                "`msdynmkt_*` interaction tables (such as `msdynmkt_emailopened`)", identifier)
            else:
                report_unknown_org_name(ctx, codes.UNKNOWN_INTERACTION_TABLE, identifier,
                                        f"`{name}` is not a real-time interaction table",
                                        ctx.schema.interaction_tables, f"interaction table `{name}`")
            continue
        check_case(ctx, identifier, table.name, "interaction table")
        column = source.link_type
        stored = table.profile_id_column(column.name)
        if stored is not None:
            check_case(ctx, column, stored, "profile id column")
            continue
        listing = ", ".join(f"`{item}`" for item in table.profile_id_columns)
        report_unknown(ctx, codes.UNKNOWN_PROFILE_ID_COLUMN, column,
                       f"`{column.name}` is not a profile id column of `{table.name}`", table.profile_id_columns,
                       listing=f"its profile id columns: {listing}")


RULE = Rule("realtime-interactions", (codes.UNKNOWN_INTERACTION_TABLE, codes.UNKNOWN_PROFILE_ID_COLUMN,
                                      outbound_codes.NAME_CASE, outbound_codes.NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
