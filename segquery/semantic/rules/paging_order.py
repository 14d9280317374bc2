"""V002: paging is ORDERBY, SKIP, TAKE, SELECT, each once, in this order, ending the whole query."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, is_paging, keyword
from segquery.syntax import ast

PAGING_ORDER = define(
    "V002", "paging-order", "Paging steps out of order, repeated, incomplete, or not at the end of the query.",
    category=Category.VALIDATION,
    what="In static segments and member fetches, paging is the four steps ORDERBY, SKIP, TAKE, SELECT, "
         "each once, in this order, ending the whole query. Reports a paging step that is out of order, "
         "given twice, followed by another step, or used inside a set operation or group, and paging that "
         "lacks one of the four steps.",
    why="The grammar of part A.2 has exactly the form `.ORDERBY(...).SKIP(n).TAKE(n).SELECT(...)`, and "
        "the member grid sends it that way; any other order is rejected.",
    example="(SEGMENT(a)).ORDERBY(fullname ASC).TAKE(15).SKIP(0).SELECT(contactid)",
    use_instead="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)")


ORDER = (ast.OrderBy, ast.Skip, ast.Take, ast.Select)
NAMES = ("ORDERBY", "SKIP", "TAKE", "SELECT")


def check(ctx: ValidationContext) -> None:
    if not ctx.kind.allows_paging:
        return
    for owner in ctx.owners:
        paging = [step for step in owner.steps if is_paging(step)]
        if not paging:
            continue
        if owner is not ctx.query.body:
            ctx.report(PAGING_ORDER,
                       f"paging steps end the whole query; {keyword(paging[0])} cannot be used inside a set "
                       f"operation or parentheses", paging[0].span.start, paging[-1].span.end)
            continue
        _check_end(ctx, owner.steps)
        unread = any(isinstance(step, ast.InvalidCall) for step in owner.steps)
        if not _check_sequence(ctx, paging) and not unread:  # an unreadable step may be the "missing" one
            _check_complete(ctx, paging)


def _check_end(ctx: ValidationContext, steps) -> None:
    seen_paging = None
    for step in steps:
        if is_paging(step):
            seen_paging = seen_paging or step
        elif seen_paging is not None and not isinstance(step, ast.InvalidCall):
            ctx.report_node(PAGING_ORDER,
                            f"{keyword(step)} cannot follow {keyword(seen_paging)}: paging steps end the query",
                            step)


def _check_sequence(ctx: ValidationContext, paging) -> bool:
    """Report repeated and out-of-order steps; True when something was reported."""
    reported = False
    seen: dict[type, ast.Node] = {}
    latest = None
    for step in paging:
        kind = type(step)
        if kind in seen:
            ctx.report_node(PAGING_ORDER,
                            f"{keyword(step)} is given twice; paging is ORDERBY, SKIP, TAKE, SELECT, each once",
                            step, related=[ctx.related(f"the first {keyword(step)}", seen[kind])])
            reported = True
            continue
        seen[kind] = step
        if latest is not None and ORDER.index(kind) < ORDER.index(type(latest)):
            ctx.report_node(PAGING_ORDER,
                            f"{keyword(step)} must come before {keyword(latest)}: paging is ORDERBY, SKIP, TAKE, "
                            f"SELECT in this order", step)
            reported = True
        else:
            latest = step
    return reported


def _check_complete(ctx: ValidationContext, paging) -> None:
    present = {type(step) for step in paging}
    missing = [name for kind, name in zip(ORDER, NAMES) if kind not in present]
    if not missing:
        return
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    verb = "is" if len(missing) == 1 else "are"
    ctx.report(PAGING_ORDER,
               f"paging needs ORDERBY, SKIP, TAKE and SELECT in this order; {listed} {verb} missing",
               paging[0].span.start, paging[-1].span.end)


RULE = Rule((PAGING_ORDER,), check)
