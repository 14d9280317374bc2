"""V020, the table part of V021 and of V046: PROFILE(table) names a table of the schema."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown_org_name
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    schema = ctx.schema
    assert schema is not None  # a needs_schema rule runs only with a schema
    for chain in ctx.chains:
        source = chain.source
        if not isinstance(source, ast.Profile):
            continue
        table = schema.table(source.table.name)
        if table is None:
            report_unknown_org_name(ctx, codes.UNKNOWN_TABLE, source.table, f"unknown table `{source.table.name}`",
                                    schema.tables, f"table `{source.table.name}`")
        else:
            check_case(ctx, source.table, table.name, "table")


RULE = Rule("known-tables", (codes.UNKNOWN_TABLE, codes.NAME_CASE, codes.NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
