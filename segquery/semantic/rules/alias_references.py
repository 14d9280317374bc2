"""V015, V016, V018 and the alias part of V021: the qualifier of `alias.attribute`.

A qualifier must name the alias of the records the step reads. Resolving it
has four exclusive outcomes, so one module reports them: unknown (V015),
declared only later in the chain (V016), the alias of other records (V018),
or the right alias in another case (V021).
"""

from segquery.diagnostics import Applicability, Fix
from segquery.semantic import codes
from segquery.semantic.context import Clause, ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.suggest import did_you_mean
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    for attribute in ctx.nodes(ast.Attribute):
        qualifier = attribute.qualifier
        if qualifier is None:
            continue
        clause = ctx.clause(attribute)
        if ctx.follows_unread_call(clause):
            continue  # the aliases declared there are unknown; the parser reported the call
        scope = clause.scope
        binding = scope.binding(qualifier.name)
        current = scope.alias
        if current is not None and current.name.casefold() == qualifier.name.casefold():
            binding = current  # with a duplicate alias (V017), the name means the latest records
        if binding is None:
            _undeclared(ctx, attribute, qualifier, clause)
        elif binding is not current:
            _other_records(ctx, attribute, qualifier, clause)
        elif binding.name != qualifier.name:
            ctx.report_node(codes.NAME_CASE, f"alias `{qualifier.name}` is declared as `{binding.name}`", qualifier,
                            fix=Fix.replace(f"Write `{binding.name}`", qualifier.span.start, qualifier.span.end,
                                            binding.name))


def _undeclared(ctx: ValidationContext, attribute: ast.Attribute, qualifier: ast.Identifier, clause: Clause) -> None:
    declared = ctx.tables.declared(clause.owner)
    folded = qualifier.name.casefold()
    later = next((binding for binding in declared if binding.name.casefold() == folded), None)
    if later is not None:
        ctx.report_node(codes.ALIAS_BEFORE_DECLARATION,
                        f"alias `{qualifier.name}` is used before it is declared: {keyword(later.declared_by)} "
                        f"declares it at {ctx.where(later.declaration)}", qualifier,
                        related=[ctx.related("declared here", later.declaration)])
        return
    names = [binding.name for binding in clause.scope.bindings]
    suggestion = did_you_mean(qualifier.name, names)
    fix = None
    if suggestion is not None:
        message = f"unknown alias `{qualifier.name}`; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Use `{suggestion}`", qualifier.span.start, qualifier.span.end, suggestion,
                          Applicability.UNSAFE)
    elif names:
        message = f"unknown alias `{qualifier.name}`; the aliases here are " + ", ".join(f"`{n}`" for n in names)
    else:
        message = f"unknown alias `{qualifier.name}`; no alias is declared here"
    ctx.report_node(codes.UNKNOWN_ALIAS, message, qualifier, fix=fix)


def _other_records(ctx: ValidationContext, attribute: ast.Attribute, qualifier: ast.Identifier,
                   clause: Clause) -> None:
    current = clause.scope.alias
    step = keyword(clause.step)
    if current is not None:
        message = (f"`{attribute.dotted}` uses alias `{qualifier.name}`, but this {step} reads the records of "
                   f"alias `{current.name}`")
        fix = Fix.replace(f"Use `{current.name}`", qualifier.span.start, qualifier.span.end, current.name,
                          Applicability.UNSAFE)
    else:
        records = clause.scope.interaction or clause.scope.before
        what = f" (`{records}`)" if records else ""
        message = (f"`{attribute.dotted}` uses alias `{qualifier.name}`, but this {step} reads records that have "
                   f"no alias{what}")
        fix = Fix.replace("Remove the qualifier", qualifier.span.start, attribute.name.span.start, "",
                          Applicability.UNSAFE)
    ctx.report_node(codes.WRONG_ALIAS, message, qualifier, fix=fix)


RULE = Rule("alias-references", (codes.UNKNOWN_ALIAS, codes.ALIAS_BEFORE_DECLARATION, codes.WRONG_ALIAS,
                                 codes.NAME_CASE), check)
