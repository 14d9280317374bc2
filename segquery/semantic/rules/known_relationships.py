"""V023, V024, the relationship part of V021 and of V046: TRAVERSE follows a relationship of the current table."""

from segquery.diagnostics import Fix
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown_org_name
from segquery.suggest import suggestion_suffix
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        for step in chain.steps:
            if isinstance(step, ast.Traverse):
                _check_traverse(ctx, step)


def _check_traverse(ctx: ValidationContext, step: ast.Traverse) -> None:
    schema = ctx.schema
    assert schema is not None  # a needs_schema rule runs only with a schema
    name = step.relationship
    scope = ctx.tables.step(step)
    before = scope.before
    relationship = schema.relationship(name.name)
    if relationship is None:
        by_schema_name = schema.relationship_by_schema_name(name.name)
        if by_schema_name is not None:
            ctx.report_node(codes.UNKNOWN_RELATIONSHIP,
                            f"`{name.name}` is the Dataverse schema name of a relationship; TRAVERSE names it "
                            f"`{by_schema_name.name}`", name,
                            fix=Fix.replace(f"Write `{by_schema_name.name}`", name.span.start, name.span.end,
                                            by_schema_name.name))
            return
        touching = [r.name for r in schema.relationships_of(before)] if before else []
        candidates = touching if touching else schema.relationships
        # A typo of any relationship is an error; those of the current table are preferred.
        report_unknown_org_name(ctx, codes.UNKNOWN_RELATIONSHIP, name, f"unknown relationship `{name.name}`",
                                candidates, f"relationship `{name.name}`",
                                typo_candidates=[*touching, *schema.relationships])
        return
    check_case(ctx, name, relationship.name, "relationship")
    if before is None or scope.interaction is not None or relationship.other_end(before) is not None:
        return
    touching = [r.name for r in schema.relationships_of(before)]
    if schema.table(before) is None and not touching:
        return  # an unknown table (V020): nothing is known about its relationships
    ctx.report_node(codes.RELATIONSHIP_NOT_FROM_TABLE,
                    f"relationship `{relationship.name}` connects `{relationship.referencing_table}` and "
                    f"`{relationship.referenced_table}`; it cannot be traversed from `{before}`"
                    + suggestion_suffix(name.name, touching), name)


RULE = Rule("known-relationships", (codes.UNKNOWN_RELATIONSHIP, codes.RELATIONSHIP_NOT_FROM_TABLE, codes.NAME_CASE,
                                    codes.NOT_IN_BUNDLED_SCHEMA),
            check, needs_schema=True)
