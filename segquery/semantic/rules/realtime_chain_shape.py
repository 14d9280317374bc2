"""V068: the step order of reference R.1 (PROFILE with FILTERs and RELATE(...).FILTER(...)
pairs, INTERACTION(...).FILTER(...)[.HAVING(...)], a segment reference alone)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.syntax import ast

REALTIME_CHAIN_SHAPE = define(
    "V068", "realtime-chain-shape", "Steps in an order or place real-time journeys does not have.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports a RELATE not followed by its FILTER, a RELATE after INTERACTION, a second FILTER or HAVING "
         "in an INTERACTION chain, and any step after SEGMENT(...) or a parenthesized query.",
    why="Reference R.1: a profile is PROFILE(t) followed by FILTERs and `RELATE(...).FILTER(...)` pairs, an "
        "interaction is INTERACTION(...).FILTER(...)[.HAVING(...)], and a segment reference stands alone.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1)",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(ISNOTNULL(account_1.name))")


def check(ctx: ValidationContext) -> None:
    for owner in ctx.owners:
        source = owner.source if isinstance(owner, ast.Chain) else None
        if isinstance(source, ast.Profile):
            _profile(ctx, owner.steps)
        elif isinstance(source, ast.Interaction):
            _interaction(ctx, owner.steps)
        elif source is None or isinstance(source, ast.SegmentRef):
            what = "a segment reference" if source is not None else "a parenthesized query"
            for step in owner.steps:
                if not isinstance(step, (ast.InvalidCall, ast.Having)):  # HAVING: V007
                    ctx.report_node(REALTIME_CHAIN_SHAPE, f"{keyword(step)} cannot follow {what}: it stands "
                                    "alone or as an operand of UNION, INTERSECT or EXCEPT", step)


def _profile(ctx: ValidationContext, steps: tuple[ast.Step, ...]) -> None:
    for index, step in enumerate(steps):
        if isinstance(step, ast.Relate):
            following = steps[index + 1] if index + 1 < len(steps) else None
            if not isinstance(following, (ast.Filter, ast.InvalidCall)):
                ctx.report_node(REALTIME_CHAIN_SHAPE, f"{keyword(step)} is followed by `.FILTER(...)` on its "
                                f"alias's attributes: `.FILTER(ISNOTNULL({step.alias.name}.<attribute>))` keeps "
                                "every profile with a related row", step)


def _interaction(ctx: ValidationContext, steps: tuple[ast.Step, ...]) -> None:
    seen: set[type] = set()
    for step in steps:
        if isinstance(step, ast.Relate):
            ctx.report_node(REALTIME_CHAIN_SHAPE, f"{keyword(step)} cannot follow INTERACTION: an interaction "
                            "is `INTERACTION(...).FILTER(...)` with an optional `.HAVING(...)`", step)
        elif isinstance(step, (ast.Filter, ast.Having)):
            if type(step) in seen:
                ctx.report_node(REALTIME_CHAIN_SHAPE, f"a second {keyword(step)} in an interaction: combine "
                                "the conditions in one", step)
            seen.add(type(step))


RULE = Rule((REALTIME_CHAIN_SHAPE,), check)
