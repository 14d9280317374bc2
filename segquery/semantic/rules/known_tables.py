"""V020, the table part of V021 and of V046: PROFILE(table) names a table of the schema."""

from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown_org_name
from segquery.syntax import ast

UNKNOWN_TABLE = define(
    "V020", "unknown-table", "PROFILE names a table the schema does not have.",
    category=Category.SCHEMA,
    what="Checks the table of PROFILE(...) against the schema, with the closest table name.",
    why="The service rejects unknown profile types; a misspelled table is the usual cause.",
    example="PROFILE(contacts)", use_instead="PROFILE(contact)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest table is unsafe: it may not be the table the author meant.")


def check(ctx: ValidationContext) -> None:
    schema = ctx.schema
    assert schema is not None  # a needs_schema rule runs only with a schema
    for chain in ctx.chains:
        source = chain.source
        if not isinstance(source, ast.Profile):
            continue
        table = schema.table(source.table.name)
        if table is None:
            report_unknown_org_name(ctx, UNKNOWN_TABLE, source.table, f"unknown table `{source.table.name}`",
                                    schema.tables, f"table `{source.table.name}`")
        else:
            check_case(ctx, source.table, table.name, "table")


RULE = Rule((UNKNOWN_TABLE, NAME_CASE, NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
