"""V051, V052 and the RELATE part of V021 and V046: RELATE names relationship schema
names that touch the table the path is at."""

from segquery.diagnostics import Fix
from segquery.semantic import codes as outbound_codes
from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_tables import RelateLevel, relate_path
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown_org_name
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Profile):
            continue
        start = ctx.tables.step(chain.source).after
        for step in chain.steps:
            if isinstance(step, ast.Relate):
                for level in relate_path(ctx.schema, start, step):
                    _check_level(ctx, level)


def _check_level(ctx: ValidationContext, level: RelateLevel) -> None:
    assert ctx.schema is not None  # a needs_schema rule
    identifier = level.relate.relationship
    relationship = level.relationship
    start = level.start
    known_start = start is not None and ctx.schema.table(start) is not None
    if relationship is not None:
        assert relationship.schema_name is not None  # found by it
        check_case(ctx, identifier, relationship.schema_name, "relationship")
        if start is not None and known_start and not relationship.touches(start):
            ctx.report_node(codes.RELATE_NOT_FROM_TABLE,
                            f"`{relationship.schema_name}` relates `{relationship.referencing_table}` and "
                            f"`{relationship.referenced_table}`; it cannot be followed from `{start}`", identifier)
        return
    name = identifier.name
    traverse = ctx.schema.relationship(name)
    if traverse is not None and traverse.schema_name is not None:
        schema_name = traverse.schema_name
        ctx.report_node(codes.UNKNOWN_RELATIONSHIP_SCHEMA_NAME,
                        f"`{name}` is an outbound TRAVERSE name; RELATE takes the relationship's Dataverse schema "
                        f"name `{schema_name}`", identifier,
                        fix=Fix.replace(f"Write `{schema_name}`", identifier.span.start, identifier.span.end,
                                        schema_name))
        return
    if known_start:
        assert start is not None
        relationships = ctx.schema.relationships_of(start)
        message = f"`{name}` is not the schema name of a relationship of `{start}`"
    else:
        relationships = list(ctx.schema.relationships.values())
        message = f"`{name}` is not a relationship schema name of the schema"
    candidates = [r.schema_name for r in relationships if r.schema_name is not None]
    report_unknown_org_name(ctx, codes.UNKNOWN_RELATIONSHIP_SCHEMA_NAME, identifier, message, candidates,
                            f"relationship `{name}`")


RULE = Rule("realtime-relate", (codes.UNKNOWN_RELATIONSHIP_SCHEMA_NAME, codes.RELATE_NOT_FROM_TABLE,
                                outbound_codes.NAME_CASE, outbound_codes.NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
