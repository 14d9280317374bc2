"""The units of checking of a query: its chain steps, and the operands of a long FILTER's `&&` or `||`.

A unit's findings under a rule of STEP scope (segquery/rules/scope.py) are a
function of the unit's text with what stands between it and its neighbours
(the white space and `.` before a step; the parentheses, operator and white
space around an operand), of the records and aliases its step reads and the
names of the aliases its chain declares, of the kind of chain that holds it,
of the operator that joins an operand to its neighbours and of whether a step
before it could not be read. `key` and `scope_key` name those, so that
findings made once can be reused wherever the same unit stands, shifted to
its new place.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from segquery.semantic.table_info import AliasBinding, StepScope, TableInfo
from segquery.syntax import ast

# A FILTER whose condition joins at least this many operands with one `&&` or `||` is checked operand by
# operand: a designer's step of a few conditions stays one unit, a condition of hundreds does not.
SPLIT_OPERANDS = 32


class StepUnit(NamedTuple):
    """A step of a chain (or of a parenthesized query), or an operand of a long FILTER's condition.

    A named tuple rather than a dataclass: a check makes one per operand, thousands for a long
    condition, and a tuple is made three times as fast."""

    node: ast.Node
    parent: ast.Node            # the chain, or the condition whose operand the unit is
    step: ast.Node              # the step: the node itself, or the FILTER of an operand
    owner: ast.Chain | ast.Grouped
    after: int                  # where the text the unit's findings may read starts ...
    until: int                  # ... and ends
    unread_before: bool         # the source, or a step before it, could not be read (InvalidCall)
    step_after: int             # where the text of its step's findings starts (`after` for a step)

    @property
    def start(self) -> int:
        return self.node.span.start

    def key(self, text: str) -> tuple:
        """What a lint finding inside the unit may depend on, besides the settings."""
        return text[self.after:self.until], self.context()

    def context(self) -> tuple:
        """What the unit's key holds besides its text: the same for every operand of one condition."""
        operator = getattr(self.parent, "op", None)
        return (type(self.owner), type(self.parent), operator.value if operator is not None else None,
                self.unread_before)


def step_units(query: ast.Query) -> list[StepUnit]:
    """Every unit of the query, in the order of the text."""
    units: list[StepUnit] = []
    stack: list[ast.QueryExpr] = [query.body]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.SetOperation):
            stack.extend(node.operands)
            continue
        if isinstance(node, ast.Chain):
            after, unread = node.source.span.end, isinstance(node.source, ast.InvalidCall)
        elif isinstance(node, ast.Grouped):
            stack.append(node.body)
            after, unread = node.body.span.end, False
        else:
            continue
        for step in node.steps:
            condition = step.condition if type(step) is ast.Filter else None
            if isinstance(condition, ast.Logical) and len(condition.operands) >= SPLIT_OPERANDS:
                units += _operands(cast(ast.Filter, step), condition, node, unread, after)
            else:
                units.append(StepUnit(step, node, step, node, after, step.span.end + 1, unread, after))
            after, unread = step.span.end, unread or isinstance(step, ast.InvalidCall)
    units.sort(key=lambda unit: unit.start)
    return units


def _operands(step: ast.Filter, condition: ast.Logical, owner: ast.Chain | ast.Grouped,
              unread: bool, step_after: int) -> list[StepUnit]:
    operands = condition.operands
    afters = [step.span.start] + [operand.span.end for operand in operands[:-1]]
    untils = [operand.span.start for operand in operands[1:]] + [step.span.end + 1]
    return [StepUnit(operand, condition, step, owner, after, until, unread, step_after)
            for operand, after, until in zip(operands, afters, untils)]


def whole_step(unit: StepUnit) -> StepUnit:
    """The step of an operand unit as one unit."""
    return StepUnit(unit.step, unit.owner, unit.step, unit.owner, unit.step_after, unit.step.span.end + 1,
                    unit.unread_before, unit.step_after)


def scope_key(tables: TableInfo, unit: StepUnit) -> tuple:
    """The records and aliases the clauses of a unit's step read (a TRAVERSE's inner FILTER has its
    own), and the names of the aliases its chain declares (an alias used before its declaration is
    no unknown one)."""
    return (tuple(_scope(scope) if scope is not None else None for scope in tables.clause_scopes(unit.step)),
            tuple(binding.name.casefold() for binding in tables.declared(unit.owner)))


def _scope(scope: StepScope) -> tuple:
    return (scope.before, scope.after, scope.interaction, _binding(scope.alias),
            tuple(_binding(binding) for binding in scope.bindings))


def _binding(binding: AliasBinding | None) -> tuple | None:
    return None if binding is None else (binding.name, binding.table, binding.interaction)
