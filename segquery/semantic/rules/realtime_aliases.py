"""V053 and V054: in real-time journeys, the FILTER after a RELATE qualifies every
attribute with an alias of that RELATE's path, and no other FILTER qualifies any."""

from segquery.diagnostics import Applicability, Fix
from segquery.semantic import codes as outbound_codes
from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_context import is_consent_field
from segquery.semantic.rules.base import Rule
from segquery.semantic.table_info import AliasBinding, StepScope
from segquery.syntax import ast


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
                ctx.report_node(outbound_codes.NAME_CASE, f"alias `{written.name}` is declared as `{binding.name}`",
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
    ctx.report_node(codes.REALTIME_UNKNOWN_ALIAS, message, qualifier)


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
    ctx.report_node(codes.UNQUALIFIED_AFTER_RELATE, message, attribute, fix=fix)


def _has(ctx: ValidationContext, binding: AliasBinding, name: str) -> bool:
    table = ctx.schema.table(binding.table) if ctx.schema is not None and binding.table is not None else None
    return table is not None and table.attribute(name) is not None


RULE = Rule("realtime-aliases", (codes.REALTIME_UNKNOWN_ALIAS, codes.UNQUALIFIED_AFTER_RELATE, outbound_codes.NAME_CASE),
            check)
