"""V022, V021 and V046 for real-time queries: attributes exist in the profile table, the
related table their alias names, or the interaction table being filtered."""

from typing import cast

from segquery.schema import InteractionTable, Table
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_context import RealtimeContext, is_consent_field
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.known_attributes import UNKNOWN_ATTRIBUTE, standard_attribute
from segquery.semantic.rules.names import NAME_CASE, NOT_IN_BUNDLED_SCHEMA, check_case, report_unknown_org_name
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    context = cast(RealtimeContext, ctx)
    for attribute in ctx.nodes(ast.Attribute):
        scope = ctx.clause(attribute).scope
        records: Table | InteractionTable | None
        if attribute.qualifier is not None:
            records = context.qualified_table(scope, attribute.qualifier)
        elif is_consent_field(attribute):
            continue
        else:
            records = context.records(scope)
        if records is None:
            continue  # no schema, an unknown table, or an alias the alias rules report
        name = attribute.name.name
        found = records.attribute(name)
        if found is not None:
            check_case(ctx, attribute.name, found.name, "attribute")
        elif isinstance(records, Table):
            report_unknown_org_name(ctx, UNKNOWN_ATTRIBUTE, attribute.name,
                                    f"`{name}` is not an attribute of table `{records.name}`", records.attributes,
                                    f"attribute `{name}` of table `{records.name}`",
                                    known_elsewhere=ctx.bundled_schema and standard_attribute(ctx, name))
        else:
            report_unknown_org_name(ctx, UNKNOWN_ATTRIBUTE, attribute.name,
                                    f"`{name}` is not a column of interaction table `{records.name}`",
                                    records.attribute_names, f"column `{name}` of interaction table `{records.name}`")


RULE = Rule((UNKNOWN_ATTRIBUTE, NAME_CASE, NOT_IN_BUNDLED_SCHEMA), check,
            needs_schema=True, scope=RuleScope.STEP)
