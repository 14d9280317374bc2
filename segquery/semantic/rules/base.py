"""What a validation rule is, and small helpers several rules share."""

from __future__ import annotations

from typing import Callable, cast

from segquery.diagnostics import Fix
from segquery.fast_dataclass import dataclass
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.syntax import ast


# The interaction query of real-time journeys examples: a standard interaction table, its contact
# profile id column, and the FILTER that states the profile type.
REALTIME_INTERACTION = ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
                        ".FILTER(msdynmkt_entityid_LogicalName == 'contact')")


@dataclass(frozen=True)
class Rule:
    """A check over a ValidationContext, with the codes it reports (declared
    with their docs in the rule's module, or in the module of the rule that
    shares them). `needs_schema` rules are skipped when validation runs
    without a schema. `scope`: what its findings depend on (segquery/rules/scope.py)."""

    codes: tuple[str, ...]
    check: Callable[[ValidationContext], None]
    needs_schema: bool = False
    scope: RuleScope = RuleScope.QUERY


def keyword(node: ast.Node) -> str:
    """The keyword of a source or step (`FILTER`, `PROFILE`...)."""
    if isinstance(node, ast.InvalidCall):
        return node.call.name.name.upper()
    return cast(str, node.call_name)  # every source and step has one


def is_paging(step: ast.Node) -> bool:
    return isinstance(step, ast.PAGING_STEPS)


def strip_step(ctx: ValidationContext, step: ast.Node, message: str) -> Fix | None:
    """A fix that removes `.STEP(...)` with its dot, or None when a comment sits between them."""
    dot = ctx.dot_before(step)
    if dot is None:
        return None
    return Fix.replace(message, dot, step.span.end, "")
