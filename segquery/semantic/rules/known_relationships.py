"""V023, V024, the relationship part of V021 and of V046: TRAVERSE follows a relationship of the current table."""

from segquery.diagnostics import Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown_org_name
from segquery.suggest import suggestion_suffix
from segquery.syntax import ast

UNKNOWN_RELATIONSHIP = define(
    "V023", "unknown-relationship", "TRAVERSE names a relationship the schema does not have.",
    category=Category.SCHEMA,
    what="Checks the relationship of TRAVERSE(...) against the schema, suggesting the closest relationship "
         "of the current table. A Dataverse relationship schema name is pointed to its TRAVERSE name.",
    why="The service rejects unknown relationships. TRAVERSE names are "
        "`<referencing table>_<referenced table>_<lookup attribute>` (reference part B).",
    example="PROFILE(account).TRAVERSE(contact_customer_accounts)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a schema name by the TRAVERSE name of the same relationship is safe; renaming to "
               "the closest name is unsafe.")

RELATIONSHIP_NOT_FROM_TABLE = define(
    "V024", "relationship-not-from-table", "TRAVERSE uses a relationship that does not touch the current table.",
    category=Category.SCHEMA,
    what="Reports a known relationship that neither starts nor ends at the table of the records being "
         "traversed, and says which tables it connects.",
    why="A relationship can only be followed from one of its two tables.",
    example="PROFILE(lead).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(lead).TRAVERSE(lead_contact_parentcontactid)")


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
            ctx.report_node(UNKNOWN_RELATIONSHIP,
                            f"`{name.name}` is the Dataverse schema name of a relationship; TRAVERSE names it "
                            f"`{by_schema_name.name}`", name,
                            fix=Fix.replace(f"Write `{by_schema_name.name}`", name.span.start, name.span.end,
                                            by_schema_name.name))
            return
        touching = [r.name for r in schema.relationships_of(before)] if before else []
        candidates = touching if touching else schema.relationships
        # A typo of any relationship is an error; those of the current table are preferred.
        report_unknown_org_name(ctx, UNKNOWN_RELATIONSHIP, name, f"unknown relationship `{name.name}`",
                                candidates, f"relationship `{name.name}`",
                                typo_candidates=[*touching, *schema.relationships])
        return
    check_case(ctx, name, relationship.name, "relationship")
    if before is None or scope.interaction is not None or relationship.other_end(before) is not None:
        return
    touching = [r.name for r in schema.relationships_of(before)]
    if schema.table(before) is None and not touching:
        return  # an unknown table (V020): nothing is known about its relationships
    ctx.report_node(RELATIONSHIP_NOT_FROM_TABLE,
                    f"relationship `{relationship.name}` connects `{relationship.referencing_table}` and "
                    f"`{relationship.referenced_table}`; it cannot be traversed from `{before}`"
                    + suggestion_suffix(name.name, touching), name)


RULE = Rule((UNKNOWN_RELATIONSHIP, RELATIONSHIP_NOT_FROM_TABLE, NAME_CASE,
                                    NOT_IN_BUNDLED_SCHEMA),
            check, needs_schema=True)
