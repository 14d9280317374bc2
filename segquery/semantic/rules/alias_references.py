"""V015, V016, V018 and the alias part of V021: the qualifier of `alias.attribute`.

A qualifier must name the alias of the records the step reads. Resolving it
has four exclusive outcomes, so one module reports them: unknown (V015),
declared only later in the chain (V016), the alias of other records (V018),
or the right alias in another case (V021). V016 points at the declaration in
a later step, so it is a rule of its own (`BEFORE_DECLARATION_RULE`, QUERY
scope), which reads the qualifiers of each step as a fact and looks closer
only at the steps that may use an alias before its declaration; the other
outcomes depend on the step, its scope and the names its chain declares
(STEP scope).
"""

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import Clause, ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.semantic.rules.names import NAME_CASE
from segquery.suggest import did_you_mean
from segquery.syntax import ast
from segquery.syntax.step_facts import qualifiers

UNKNOWN_ALIAS = define(
    "V015", "unknown-alias", "A qualified attribute uses an alias that no source or step declares.",
    category=Category.VALIDATION,
    what="Reports `x.attribute` when no PROFILE, TRAVERSE or INTERACTION of the chain declares `x`, with "
         "the closest declared alias.",
    why="The service cannot tell which records the attribute belongs to.",
    example="PROFILE(contact, contact_1).FILTER(contact_2.fullname == 'Ann')",
    use_instead="PROFILE(contact, contact_1).FILTER(contact_1.fullname == 'Ann')",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest alias is unsafe: the author may have meant another one.")

ALIAS_BEFORE_DECLARATION = define(
    "V016", "alias-before-declaration", "An alias is used before the step that declares it.",
    category=Category.VALIDATION,
    what="Reports `x.attribute` in a step that comes before the PROFILE, TRAVERSE or INTERACTION "
         "declaring `x`, and shows the declaration.",
    why="An alias names the records of the step that declares it; earlier steps do not see them.",
    example="PROFILE(account).FILTER(c.fullname == 'Ann').TRAVERSE(contact_account_parentcustomerid, c)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c).FILTER(c.fullname == 'Ann')")

WRONG_ALIAS = define(
    "V018", "wrong-alias", "A qualified attribute uses the alias of other records than those being filtered.",
    category=Category.VALIDATION,
    what="Reports `x.attribute` in a step that reads the records of another alias (or of records without "
         "an alias), and says which alias is current there.",
    why="A FILTER tests the records it follows; an attribute of earlier records is not available there, "
        "so the query does not mean what it seems to.",
    example="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(a.name == 'Contoso')",
    use_instead="PROFILE(account, a).FILTER(a.name == 'Contoso').TRAVERSE(contact_account_parentcustomerid, c)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Using the current alias (or dropping the qualifier) is offered as an unsafe fix: it makes "
               "the attribute refer to other records.")


def check(ctx: ValidationContext) -> None:
    _check(ctx, before_declaration=False)


def check_before_declaration(ctx: ValidationContext) -> None:
    """V016 alone, in the steps whose qualifiers include an alias their chain declares but their scope
    does not bind (only those can use an alias before its declaration)."""
    candidates: list[ast.Node] = []
    for owner in ctx.owners:
        declared = {binding.name.casefold() for binding in ctx.tables.declared(owner)}
        if not declared:
            continue
        for step in owner.steps:
            # The declared aliases that one of the step's clauses does not bind: only a qualifier among
            # them makes the step a candidate, and usually there is none (no qualifier is read at all).
            scopes = ctx.tables.clause_scopes(step)
            unbound = {name for name in declared
                       if any(scope is None or scope.binding(name) is None for scope in scopes)}
            if unbound and ctx.step_fact(qualifiers, step) & unbound:
                candidates.append(step)
    if candidates:
        _check(ctx.for_steps(candidates), before_declaration=True)


def _check(ctx: ValidationContext, *, before_declaration: bool) -> None:
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
            _undeclared(ctx, attribute, qualifier, clause, before_declaration)
        elif before_declaration:
            continue
        elif binding is not current:
            _other_records(ctx, attribute, qualifier, clause)
        elif binding.name != qualifier.name:
            ctx.report_node(NAME_CASE, f"alias `{qualifier.name}` is declared as `{binding.name}`", qualifier,
                            fix=Fix.replace(f"Write `{binding.name}`", qualifier.span.start, qualifier.span.end,
                                            binding.name))


def _undeclared(ctx: ValidationContext, attribute: ast.Attribute, qualifier: ast.Identifier, clause: Clause,
                before_declaration: bool) -> None:
    declared = ctx.tables.declared(clause.owner)
    folded = qualifier.name.casefold()
    later = next((binding for binding in declared if binding.name.casefold() == folded), None)
    if later is not None:
        if before_declaration:
            ctx.report_node(ALIAS_BEFORE_DECLARATION,
                            f"alias `{qualifier.name}` is used before it is declared: {keyword(later.declared_by)} "
                            f"declares it at {ctx.where(later.declaration)}", qualifier,
                            related=[ctx.related("declared here", later.declaration)])
        return
    if before_declaration:
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
    ctx.report_node(UNKNOWN_ALIAS, message, qualifier, fix=fix)


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
    ctx.report_node(WRONG_ALIAS, message, qualifier, fix=fix)


RULE = Rule((UNKNOWN_ALIAS, WRONG_ALIAS, NAME_CASE), check, scope=RuleScope.STEP)
BEFORE_DECLARATION_RULE = Rule((ALIAS_BEFORE_DECLARATION,), check_before_declaration)
