"""The profile type of a real-time INTERACTION: its `<profile id column>_LogicalName` conditions.

A real-time interaction's FILTER states which profile type its interactions
belong to with a discriminator, `msdynmkt_entityid_LogicalName == 'contact'`.
Only a discriminator that every selected interaction satisfies states it: an
`==` with a string, on the INTERACTION's own profile id column, joined to the
rest of the condition with `&&`. Table inference and the profile-type rules
share these helpers.
"""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.schema.model import DISCRIMINATOR_SUFFIX
from segquery.syntax import ast

PROFILE_TYPES = ("contact", "lead")


@dataclass(frozen=True, slots=True)
class Discriminator:
    """A condition on a `..._LogicalName` column in an interaction's FILTER.

    `condition` is the comparison (or other test) it appears in, `value` the
    other side of a comparison (None for other tests), `top_level` whether it is
    one of the FILTER's `&&` conditions, `states` whether it states the
    interaction's profile type.
    """

    condition: ast.Expr
    column: ast.Attribute
    value: ast.Expr | None
    top_level: bool
    states: bool

    @property
    def profile_type(self) -> str | None:
        """The profile type stated (`contact` or `lead`, as written), or None."""
        if not self.states or not isinstance(self.value, ast.StringLiteral):
            return None
        return self.value.value if self.value.value in PROFILE_TYPES else None


def is_discriminator_name(name: str) -> bool:
    return name.casefold().endswith(DISCRIMINATOR_SUFFIX.casefold()) and len(name) > len(DISCRIMINATOR_SUFFIX)


def discriminated_column(attribute: ast.Attribute) -> str:
    """`msdynmkt_entityid` for `msdynmkt_entityid_LogicalName`."""
    return attribute.name.name[:-len(DISCRIMINATOR_SUFFIX)]


def interaction_filter(chain: ast.Chain) -> ast.Filter | None:
    """The FILTER of an interaction chain (the first one)."""
    return next((step for step in chain.steps if isinstance(step, ast.Filter)), None)


def discriminators(chain: ast.Chain) -> list[Discriminator]:
    """Every discriminator condition in the FILTER of an INTERACTION chain, in source order."""
    source = chain.source
    found_filter = interaction_filter(chain)
    if not isinstance(source, ast.Interaction) or found_filter is None:
        return []
    column_name = source.link_type.name.casefold()
    top = {id(node) for node in _conjuncts(found_filter.condition)}
    found: list[Discriminator] = []
    for node in ast.walk(found_filter.condition):
        if not isinstance(node, ast.Expr):
            continue
        for column, value in _tested_columns(node):
            if column.qualifier is not None or not is_discriminator_name(column.name.name):
                continue
            states = (id(node) in top and isinstance(node, ast.Comparison) and node.op is ast.CompareOp.EQ
                      and isinstance(value, ast.StringLiteral)
                      and discriminated_column(column).casefold() == column_name)
            found.append(Discriminator(node, column, value, id(node) in top, states))
    return found


def stated_profile_type(chain: ast.Chain) -> str | None:
    """The profile type the first stating discriminator names, when it is `contact` or `lead`."""
    for item in discriminators(chain):
        if item.states:
            return item.profile_type
    return None


def _conjuncts(condition: ast.Expr) -> list[ast.Expr]:
    """The conditions joined by `&&` at the top of a FILTER (nested `&&` groups flattened)."""
    result: list[ast.Expr] = []
    stack = [condition]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Logical) and node.op is ast.LogicOp.AND:
            stack.extend(reversed(node.operands))
        else:
            result.append(node)
    return result


def _tested_columns(node: ast.Expr) -> list[tuple[ast.Attribute, ast.Expr | None]]:
    """The attributes a condition node tests directly, with the value it compares them with."""
    if isinstance(node, ast.Comparison):
        pairs = [(node.left, node.right), (node.right, node.left)]
        return [(side, other) for side, other in pairs if isinstance(side, ast.Attribute)]
    if isinstance(node, (ast.InList, ast.StringTest)) and isinstance(node.subject, ast.Attribute):
        return [(node.subject, None)]
    if isinstance(node, ast.IsNull) and isinstance(node.operand, ast.Attribute):
        return [(node.operand, None)]
    return []
