"""V061: a real-time segment's query selects profiles of the segment's base table."""

from segquery.semantic import realtime_codes as codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import PROFILE_TYPES, discriminators
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast


def check(ctx: ValidationContext) -> None:
    if not ctx.kind.is_segment:
        return
    table = ctx.tables.result
    if table is None or table.casefold() == ctx.target.casefold() or table.casefold() not in PROFILE_TYPES:
        return  # unknown, operands that disagree (V014), or not a profile type at all (V050)
    for chain in ctx.chains:
        decider = _decider(chain)
        if decider is not None and (ctx.tables.table_of(chain) or "").casefold() == table.casefold():
            ctx.report_node(codes.REALTIME_TARGET_PROFILE_TYPE,
                            f"the segment is of `{ctx.target}` profiles, but this selects `{table}`", decider)


def _decider(chain: ast.Chain) -> ast.Node | None:
    """What states a chain's profile type: the PROFILE table or the discriminator's value."""
    source = chain.source
    if isinstance(source, ast.Profile):
        return source.table
    if isinstance(source, ast.Interaction):
        return next((item.value for item in discriminators(chain) if item.states), None)
    return None


RULE = Rule("realtime-target-profile-type", (codes.REALTIME_TARGET_PROFILE_TYPE,), check)
