"""V061: a real-time segment's query selects profiles of the segment's base table."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.discriminators import PROFILE_TYPES, discriminators
from segquery.semantic.rules.base import REALTIME_INTERACTION, Rule
from segquery.syntax import ast

REALTIME_TARGET_PROFILE_TYPE = define(
    "V061", "realtime-target-profile-type", "A real-time segment's query selects another profile type than the segment's.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="For segments, reports a query whose profile type (its PROFILE table, or an INTERACTION's "
         "discriminator value) is not the target profile type: the segment's base table "
         "(`msdynmkt_baseentitylogicalname`), `contact` unless configured (`target = \"lead\"`). Operands that "
         "disagree among themselves are reported by V014.",
    why="The segment's members are of its base table; a query of other profiles defines no members for it.",
    example="// target: contact\nINTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
            ".FILTER(msdynmkt_entityid_LogicalName == 'lead')",
    use_instead=REALTIME_INTERACTION)


def check(ctx: ValidationContext) -> None:
    if not ctx.kind.is_segment:
        return
    table = ctx.tables.result
    if table is None or table.casefold() == ctx.target.casefold() or table.casefold() not in PROFILE_TYPES:
        return  # unknown, operands that disagree (V014), or not a profile type at all (V050)
    for chain in ctx.chains:
        decider = _decider(chain)
        if decider is not None and (ctx.tables.table_of(chain) or "").casefold() == table.casefold():
            ctx.report_node(REALTIME_TARGET_PROFILE_TYPE,
                            f"the segment is of `{ctx.target}` profiles, but this selects `{table}`", decider)


def _decider(chain: ast.Chain) -> ast.Node | None:
    """What states a chain's profile type: the PROFILE table or the discriminator's value."""
    source = chain.source
    if isinstance(source, ast.Profile):
        return source.table
    if isinstance(source, ast.Interaction):
        return next((item.value for item in discriminators(chain) if item.states), None)
    return None


RULE = Rule((REALTIME_TARGET_PROFILE_TYPE,), check)
