"""V022, the attribute part of V021 and of V046: attributes exist in the records being read."""

from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.schema import Table
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import (NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown,
                                          report_unknown_org_name)
from segquery.syntax import ast

UNKNOWN_ATTRIBUTE = define(
    "V022", "unknown-attribute", "An attribute the table (or interaction) being filtered does not have.",
    category=Category.SCHEMA,
    what="Checks every attribute in FILTER, HAVING, ORDERBY and SELECT against the table (or the "
         "interaction type) of the records at that point, with the closest attribute name.",
    why="The service rejects unknown attributes; after a TRAVERSE the current table changes, which makes "
        "this an easy mistake.",
    example="PROFILE(contact).FILTER(adress1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest attribute is unsafe: it may not be the attribute the author meant.")


def check(ctx: ValidationContext) -> None:
    for attribute in ctx.nodes(ast.Attribute):
        scope = ctx.clause(attribute).scope
        qualifier = attribute.qualifier
        if qualifier is not None and (scope.alias is None
                                      or scope.alias.name.casefold() != qualifier.name.casefold()):
            continue  # the alias rules report it; its records are not the ones read here
        records = ctx.records(scope)
        if records is None:
            continue
        found = records.attribute(attribute.name.name)
        if found is not None:
            check_case(ctx, attribute.name, found.name, "attribute")
            continue
        name = attribute.name.name
        if isinstance(records, Table):
            report_unknown_org_name(ctx, UNKNOWN_ATTRIBUTE, attribute.name,
                                    f"`{name}` is not an attribute of table `{records.name}`", records.attributes,
                                    f"attribute `{name}` of table `{records.name}`",
                                    known_elsewhere=ctx.bundled_schema and standard_attribute(ctx, name))
        else:  # interactions and their fields are the Marketing app's fixed set
            report_unknown(ctx, UNKNOWN_ATTRIBUTE, attribute.name,
                           f"`{name}` is not an attribute of interaction `{records.name}`", records.attributes)


def standard_attribute(ctx: ValidationContext, name: str) -> bool:
    """True when `name` is an attribute of some table of the schema: not a name an org made up."""
    assert ctx.schema is not None  # a needs_schema rule runs only with a schema
    return any(table.attribute(name) is not None for table in ctx.schema.tables.values())


RULE = Rule((UNKNOWN_ATTRIBUTE, NAME_CASE, NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True, scope=RuleScope.STEP)
