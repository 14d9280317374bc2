"""The chain steps of a query as units of checking: where each starts, and what its findings depend on.

A step's findings under a rule of STEP scope (segquery/rules/scope.py) are a
function of the step's text with the white space and `.` before it and the
character after it, of the records and aliases it reads and the names of the
aliases its chain declares, of the kind of chain that holds it and of whether
a step before it could not be read. `key` and
`scope_key` name those, so that findings made once can be reused wherever the
same step stands, shifted to its new place.
"""

from __future__ import annotations

from dataclasses import dataclass

from segquery.semantic.table_info import AliasBinding, StepScope, TableInfo
from segquery.syntax import ast


@dataclass(frozen=True, slots=True)
class StepUnit:
    """A step of a chain, or of a parenthesized query, in the text it was found in."""

    node: ast.Node
    owner: ast.Chain | ast.Grouped
    after: int                 # the end of the source or step before it: the key's text starts here
    unread_before: bool        # the source, or a step before it, could not be read (InvalidCall)

    @property
    def start(self) -> int:
        return self.node.span.start

    @property
    def end(self) -> int:
        return self.node.span.end

    def key(self, text: str) -> tuple:
        """What a lint finding inside the step may depend on, besides the settings."""
        return (text[self.after:self.end + 1], type(self.owner), self.unread_before)


def step_units(query: ast.Query) -> list[StepUnit]:
    """Every step of every chain and parenthesized query, in the order of the text."""
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
            units.append(StepUnit(step, node, after, unread))
            after, unread = step.span.end, unread or isinstance(step, ast.InvalidCall)
    units.sort(key=lambda unit: unit.start)
    return units


def scope_key(tables: TableInfo, unit: StepUnit) -> tuple:
    """The records and aliases the clauses of a step read (a TRAVERSE's inner FILTER has its own), and
    the names of the aliases its chain declares (an alias used before its declaration is no unknown one)."""
    nodes = [unit.node]
    if isinstance(unit.node, ast.Traverse) and unit.node.filter is not None:
        nodes.append(unit.node.filter)
    return (tuple(_scope(tables.step(node)) if tables.has_step(node) else None for node in nodes),
            tuple(binding.name.casefold() for binding in tables.declared(unit.owner)))


def _scope(scope: StepScope) -> tuple:
    return (scope.before, scope.after, scope.interaction, _binding(scope.alias),
            tuple(_binding(binding) for binding in scope.bindings))


def _binding(binding: AliasBinding | None) -> tuple | None:
    return None if binding is None else (binding.name, binding.table, binding.interaction)
