"""V067: date functions and arithmetic have no public evidence in real-time journeys."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, expression_children, is_number_literal
from segquery.semantic.rules.base import Rule
from segquery.severity import Severity
from segquery.syntax import ast

NOT_ATTESTED_IN_REALTIME = define(
    "V067", "not-attested-in-realtime", "A date function or arithmetic, which real-time journeys is not known to support.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports DATEDIFF, DATEADD, DATETIMEUTCNOW, DATE and arithmetic (`+ - * /`) in a real-time query, "
         "the outermost of a nested expression only.",
    why="No public example, vendor article or parser of the dialect has them (reference R.2), so whether the "
        "service accepts them is unknown: a warning to review, not an error. Relative dates are best "
        "expressed with a HAVING window where one applies.",
    example="PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18)",
    use_instead="PROFILE(contact).FILTER(birthdate < '2008-01-01')",
    severity=Severity.WARNING)


_DATE_FUNCTIONS = (ast.DateDiff, ast.DateAdd, ast.DateTimeUtcNow, ast.DateLiteral)


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role == "filter" and isinstance(clause.step, ast.Filter):
            _walk(ctx, clause.step.condition)


def _walk(ctx: ValidationContext, root: ast.Expr) -> None:
    """Report the outermost date function or arithmetic of each branch."""
    stack: list[ast.Node] = [root]
    while stack:
        node = stack.pop()
        what = _unattested(node)
        if what is not None:
            ctx.report_node(NOT_ATTESTED_IN_REALTIME, f"{what} is not attested in real-time journeys: no "
                            "public example or parser of the dialect has it; check that the service accepts it",
                            node)
            continue
        stack.extend(reversed(expression_children(node)))


def _unattested(node: ast.Node) -> str | None:
    if isinstance(node, _DATE_FUNCTIONS):
        return str(node.call_name)
    if isinstance(node, ast.Arithmetic):
        return "arithmetic (`" + "`, `".join(dict.fromkeys(node.operators)) + "`)"
    if isinstance(node, ast.Negate) and not is_number_literal(node):
        return "arithmetic (`-`)"
    return None


RULE = Rule((NOT_ATTESTED_IN_REALTIME,), check, scope=RuleScope.STEP)
