"""V055, V056 and the INTERACTION part of V021 and V046: real-time interaction tables
and their profile id columns."""

from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import REALTIME_INTERACTION, Rule
from segquery.semantic.rules.names import (NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown,
                                          report_unknown_org_name)
from segquery.syntax import ast

UNKNOWN_INTERACTION_TABLE = define(
    "V055", "unknown-interaction-table", "INTERACTION names a table that is not a real-time interaction table.",
    category=Category.SCHEMA, dialects=("realtime",),
    what="Checks the first argument of INTERACTION(...) against the schema's real-time interaction tables "
         "(`msdynmkt_emailopened`, `msdynmkt_emaillinkclicked`...), with the closest one. An outbound "
         "interaction type (`EmailOpened`) is said to be outbound's. With the bundled schema alone, a name "
         "that is not a typo of a standard table gets the V046 warning instead (orgs add custom trigger "
         "interactions; configure them under `interaction_tables` in the schema).",
    why="The service knows the interaction tables of the org and rejects other names.",
    example="INTERACTION(msdynmkt_emailopen, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
    use_instead=REALTIME_INTERACTION, fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest table is unsafe: it may not be the one the author meant.")

UNKNOWN_PROFILE_ID_COLUMN = define(
    "V056", "unknown-profile-id-column", "INTERACTION's second argument is not a profile id column of its table.",
    category=Category.SCHEMA, dialects=("realtime",),
    what="Checks the second argument of INTERACTION(...) against the profile id columns of the interaction "
         "table (`msdynmkt_entityid` and `msdynmkt_profileid` for the standard tables), with the closest one.",
    why="The column links each interaction to its profile; other columns do not hold profile ids.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_contactid)"
            ".FILTER(msdynmkt_contactid_LogicalName == 'contact')",
    use_instead=REALTIME_INTERACTION, fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest column is unsafe: it may not be the one the author meant.")


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
                ctx.report_node(UNKNOWN_INTERACTION_TABLE,
                                f"`{name}` is an outbound marketing interaction; real-time journeys uses the "
                                "`msdynmkt_*` interaction tables (such as `msdynmkt_emailopened`)", identifier)
            else:
                report_unknown_org_name(ctx, UNKNOWN_INTERACTION_TABLE, identifier,
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
        report_unknown(ctx, UNKNOWN_PROFILE_ID_COLUMN, column,
                       f"`{column.name}` is not a profile id column of `{table.name}`", table.profile_id_columns,
                       listing=f"its profile id columns: {listing}")


RULE = Rule((UNKNOWN_INTERACTION_TABLE, UNKNOWN_PROFILE_ID_COLUMN,
                                      NAME_CASE, NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
