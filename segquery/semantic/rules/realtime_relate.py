"""V051, V052 and the RELATE part of V021 and V046: RELATE names relationship schema
names that touch the table the path is at."""

from segquery.diagnostics import Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_tables import RelateLevel, relate_path
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown_org_name
from segquery.syntax import ast

UNKNOWN_RELATIONSHIP_SCHEMA_NAME = define(
    "V051", "unknown-relationship-schema-name", "RELATE names a relationship schema name the schema does not have.",
    category=Category.SCHEMA, dialects=("realtime",),
    what="Checks the relationship of RELATE(...) and RELATEOPTIONAL(...) against the Dataverse relationship "
         "schema names of the schema, suggesting the closest one that touches the current table. An outbound "
         "TRAVERSE name (`contact_account_parentcustomerid`) is pointed to the schema name of the same "
         "relationship (`contact_customer_accounts`). With the bundled schema alone, a name that is not a typo "
         "of a standard one gets the V046 warning instead.",
    why="RELATE joins along a Dataverse relationship, named by its schema name; the service rejects other names.",
    example="PROFILE(contact).RELATE(contact_account_parentcustomerid, account_1).FILTER(account_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a TRAVERSE name by the schema name of the same relationship is safe; renaming to the "
               "closest name is unsafe.")

RELATE_NOT_FROM_TABLE = define(
    "V052", "relate-not-from-table", "RELATE uses a relationship that does not touch the current table.",
    category=Category.SCHEMA, dialects=("realtime",),
    what="Reports a known relationship that neither starts nor ends at the table RELATE starts from: the "
         "profile table, or for a nested RELATE the table the enclosing one reached. Says which tables it "
         "connects.",
    why="A relationship can only be followed from one of its two tables; the path of a nested RELATE "
        "continues from the related table, not from the profile.",
    example="PROFILE(lead).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')")


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
            ctx.report_node(RELATE_NOT_FROM_TABLE,
                            f"`{relationship.schema_name}` relates `{relationship.referencing_table}` and "
                            f"`{relationship.referenced_table}`; it cannot be followed from `{start}`", identifier)
        return
    name = identifier.name
    traverse = ctx.schema.relationship(name)
    if traverse is not None and traverse.schema_name is not None:
        schema_name = traverse.schema_name
        ctx.report_node(UNKNOWN_RELATIONSHIP_SCHEMA_NAME,
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
    report_unknown_org_name(ctx, UNKNOWN_RELATIONSHIP_SCHEMA_NAME, identifier, message, candidates,
                            f"relationship `{name}`")


RULE = Rule((UNKNOWN_RELATIONSHIP_SCHEMA_NAME, RELATE_NOT_FROM_TABLE,
                                NAME_CASE, NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True)
