"""V017: an alias names one set of records in its chain."""

from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.semantic.tables import AliasBinding


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        first: dict[str, AliasBinding] = {}
        for binding in ctx.tables.declared(chain):
            key = binding.name.casefold()
            earlier = first.get(key)
            if earlier is None:
                first[key] = binding
                continue
            ctx.report_node(codes.DUPLICATE_ALIAS,
                            f"alias `{binding.name}` is already declared by {keyword(earlier.declared_by)} "
                            f"at {ctx.where(earlier.declaration)}", binding.declaration,
                            related=[ctx.related("first declared here", earlier.declaration)])


RULE = Rule("duplicate-alias", (codes.DUPLICATE_ALIAS,), check)
