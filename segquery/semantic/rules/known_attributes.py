"""V022 and the attribute part of V021: attributes exist in the records being read."""

from segquery.schema import Table
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import check_case, report_unknown
from segquery.syntax import ast


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
        what = f"table `{records.name}`" if isinstance(records, Table) else f"interaction `{records.name}`"
        report_unknown(ctx, codes.UNKNOWN_ATTRIBUTE, attribute.name,
                       f"`{attribute.name.name}` is not an attribute of {what}", records.attributes)


RULE = Rule("known-attributes", (codes.UNKNOWN_ATTRIBUTE, codes.NAME_CASE), check, needs_schema=True)
