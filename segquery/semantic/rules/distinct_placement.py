"""V012: DISTINCT() only matters after a TRAVERSE."""

from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind
from segquery.semantic.rules.base import Rule, strip_step
from segquery.severity import Severity
from segquery.syntax import ast

DISTINCT_PLACEMENT = define(
    "V012", "distinct-placement", "DISTINCT() where it has no effect.",
    category=Category.VALIDATION,
    what="Reports DISTINCT() in a profile chain before any TRAVERSE, and DISTINCT() right after another "
         "DISTINCT(). (DISTINCT in interaction, segment and static queries is reported by V005, V008 "
         "and V003.)",
    why="The records of PROFILE(t) are already distinct; only a TRAVERSE can produce the same record "
        "twice, so DISTINCT() belongs after one.",
    example="PROFILE(contact).DISTINCT().FILTER(statecode == 0)",
    use_instead="PROFILE(contact).FILTER(statecode == 0)",
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="Removing a DISTINCT() that cannot remove anything keeps the members the same.")


def check(ctx: ValidationContext) -> None:
    if ctx.kind is QueryKind.STATIC:
        return  # V003 reports any DISTINCT in a static query.
    for chain in ctx.chains:
        if not isinstance(chain.source, ast.Profile):
            continue
        traversed = False
        previous = None
        for step in chain.steps:
            if isinstance(step, (ast.Traverse, ast.InvalidCall)):
                traversed = True  # a step the parser could not read may have been a TRAVERSE
            elif isinstance(step, ast.Distinct):
                if isinstance(previous, ast.Distinct):
                    message = "DISTINCT() is repeated: the records are already distinct"
                elif not traversed:
                    message = (f"DISTINCT() has no effect before a TRAVERSE: the records of "
                               f"PROFILE({chain.source.table.name}) are already distinct")
                else:
                    message = None
                if message is not None:
                    ctx.report_node(DISTINCT_PLACEMENT, message, step,
                                    fix=strip_step(ctx, step, "Remove DISTINCT()"))
            previous = step


RULE = Rule((DISTINCT_PLACEMENT,), check)
