"""V017: an alias names one set of records in its chain."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule, keyword
from segquery.semantic.tables import AliasBinding

DUPLICATE_ALIAS = define(
    "V017", "duplicate-alias", "Two sources or steps of one chain declare the same alias.",
    category=Category.VALIDATION,
    what="Reports the second declaration of an alias in a chain (aliases are compared without regard to "
         "case), and shows the first.",
    why="A qualified attribute could not tell which records it means.",
    example="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, a)",
    use_instead="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c)")


def check(ctx: ValidationContext) -> None:
    for chain in ctx.chains:
        first: dict[str, AliasBinding] = {}
        for binding in ctx.tables.declared(chain):
            key = binding.name.casefold()
            earlier = first.get(key)
            if earlier is None:
                first[key] = binding
                continue
            ctx.report_node(DUPLICATE_ALIAS,
                            f"alias `{binding.name}` is already declared by {keyword(earlier.declared_by)} "
                            f"at {ctx.where(earlier.declaration)}", binding.declaration,
                            related=[ctx.related("first declared here", earlier.declaration)])


RULE = Rule((DUPLICATE_ALIAS,), check)
