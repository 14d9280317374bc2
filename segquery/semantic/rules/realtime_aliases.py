"""V053 and V054: in real-time journeys, the FILTER after a RELATE qualifies every
attribute with an alias of that RELATE's path, and no other FILTER qualifies any."""

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_context import is_consent_field
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.names import NAME_CASE
from segquery.semantic.table_info import AliasBinding, StepScope
from segquery.syntax import ast

REALTIME_UNKNOWN_ALIAS = define(
    "V053", "realtime-unknown-alias", "A qualified attribute whose alias the RELATE before the FILTER does not declare.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="In real-time journeys only the FILTER right after a RELATE qualifies attributes, with the aliases of "
         "that RELATE's path (nested ones included). Reports `x.attribute` where `x` is not one of them: an "
         "alias of another RELATE, a misspelled alias, or any qualifier in a FILTER that reads the profile or "
         "an interaction (their attributes are written alone).",
    why="The alias tells which joined table an attribute belongs to; an alias that is not in scope there "
        "names no records, and the service rejects the query.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(acount_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')")

UNQUALIFIED_AFTER_RELATE = define(
    "V054", "unqualified-after-relate", "An attribute without alias in the FILTER that follows a RELATE.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports an attribute written alone in the FILTER right after RELATE(...): that FILTER tests the "
         "related records, whose attributes are qualified with the alias. When exactly one table of the path "
         "has the attribute, a fix qualifies it with that table's alias. (The consent pseudo-fields "
         "`compliance_profile_...` are not reported.)",
    why="The reference and every public example qualify these attributes (`account_1.name`); an unqualified "
        "name there is ambiguous between the profile and the related table.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Qualifying the attribute is offered as an unsafe fix: the author may have meant another table.")


def check(ctx: ValidationContext) -> None:
    for attribute in ctx.nodes(ast.Attribute):
        clause = ctx.clause(attribute)
        if clause.role != "filter" or ctx.follows_unread_call(clause):
            continue
        scope = clause.scope
        if attribute.qualifier is not None:
            binding = scope.binding(attribute.qualifier.name)
            if binding is None:
                _unknown_alias(ctx, attribute.qualifier, scope)
            elif attribute.qualifier.name != binding.name:
                written = attribute.qualifier
                ctx.report_node(NAME_CASE, f"alias `{written.name}` is declared as `{binding.name}`",
                                written, fix=Fix.replace(f"Write `{binding.name}`", written.span.start,
                                                         written.span.end, binding.name))
        elif scope.bindings and not is_consent_field(attribute):
            _unqualified(ctx, attribute, scope.bindings)


def _unknown_alias(ctx: ValidationContext, qualifier: ast.Identifier, scope: StepScope) -> None:
    name = qualifier.name
    if scope.bindings:
        aliases = ", ".join(f"`{binding.name}`" for binding in scope.bindings)
        message = f"`{name}` is not an alias of the RELATE before this FILTER; its aliases: {aliases}"
    elif scope.interaction is not None:
        message = (f"`{name}.`: the attributes of interaction table `{scope.interaction}` are written without "
                   "alias")
    else:
        message = f"`{name}.`: this FILTER reads the profile, whose attributes are written without alias"
    ctx.report_node(REALTIME_UNKNOWN_ALIAS, message, qualifier)


def _unqualified(ctx: ValidationContext, attribute: ast.Attribute, bindings: tuple[AliasBinding, ...]) -> None:
    name = attribute.name.name
    owners = [binding for binding in bindings if _has(ctx, binding, name)]
    fix = None
    if len(owners) == 1:
        alias = owners[0].name
        message = f"`{name}` is an attribute of the related `{owners[0].table}`: write `{alias}.{name}`"
        fix = Fix.replace(f"Write `{alias}.{name}`", attribute.span.start, attribute.span.end, f"{alias}.{name}",
                          Applicability.UNSAFE)
    else:
        aliases = ", ".join(f"`{binding.name}`" for binding in bindings)
        message = (f"`{name}` has no alias: after RELATE, attributes name the related records' alias "
                   f"({aliases})")
    ctx.report_node(UNQUALIFIED_AFTER_RELATE, message, attribute, fix=fix)


def _has(ctx: ValidationContext, binding: AliasBinding, name: str) -> bool:
    table = ctx.schema.table(binding.table) if ctx.schema is not None and binding.table is not None else None
    return table is not None and table.attribute(name) is not None


RULE = Rule((REALTIME_UNKNOWN_ALIAS, UNQUALIFIED_AFTER_RELATE, NAME_CASE),
            check)
