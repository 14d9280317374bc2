"""What the rules comparing the operands of a `&&` or `||` chain read of each operand, as one step fact.

L020 (a condition written twice) and L029 (two conditions that together hold for every value)
look at every operand of a chain. In a long FILTER condition each operand is a unit whose facts
the language server keeps (segquery/syntax/step_facts.py), and reading a kept fact costs about as
much as the rest of such a rule's work on an operand: one fact serves both rules, and
`LintContext.step_facts_of` reads it once per chain in a check.
"""

from __future__ import annotations

from segquery.fast_dataclass import dataclass
from segquery.lint.analysis import Constraint, constraint, unwrap_logical
from segquery.lint.normal_form import normal_form
from segquery.syntax import ast


@dataclass(frozen=True, slots=True)
class OperandFacts:
    """An operand's normal form with its hash (a form's hash walks the whole form, so it is made once),
    the `constraint` of each condition `unwrap_logical(operand, OR)` gives, and the attributes of those
    constraints that are not `==` (L029 compares only the constraints on these)."""

    digest: int
    form: ast.Node
    or_constraints: tuple[Constraint | None, ...]
    unequal_keys: frozenset[str]


def operand_facts(node: ast.Expr) -> OperandFacts:
    form = normal_form(node)
    if isinstance(node, ast.Logical):
        constraints = tuple(map(constraint, unwrap_logical(node, ast.LogicOp.OR)))
        unequal = frozenset([item.key for item in constraints if item is not None and item.op is not EQUALS])
    else:
        only = constraint(node)
        constraints = (only,)
        unequal = _NONE if only is None or only.op is EQUALS else frozenset((only.key,))
    return OperandFacts(hash(form), form, constraints, unequal)


EQUALS = ast.CompareOp.EQ
_NONE: frozenset[str] = frozenset()
