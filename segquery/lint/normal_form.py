"""`normal_form`: one representative tree for queries that mean the same
thing by the identities the linter's fixes rely on.

Two trees with equal normal forms select the same records. The identities,
each valid in the three-valued logic the service evaluates conditions in:

- `&&` and `||` are associative: nested chains of the same operator are flat;
- `a && a` is `a` and `a || a` is `a`: repeated operands are dropped;
- `a && TRUE` is `a` and `a || FALSE` is `a`;
- `NOT(NOT(a))` is `a`; `NOT(ISNULL(x))` is `ISNOTNULL(x)` and the reverse;
- `NOT(a == b)` is `a != b` (and likewise for the other comparisons);
- set operators and `+ - * /` associate to the left, so a parenthesized first
  operand with operators of the same level is flat;
- `A UNION A` is `A`, `A INTERSECT A` is `A` (within a run of one operator);
- `FILTER(TRUE)` and a DISTINCT() of records that are already distinct do nothing, and
  `(query)` without steps is the query;
- an alias that no attribute refers to does nothing;
- a value repeated in an `IN [..]` list does nothing, and `x IN [v]` is `x == v`.

The property tests use it to hold each meaning-preserving fix to its promise;
the rules use it to recognise repeated conditions and operands.
"""

from __future__ import annotations

import functools
from dataclasses import fields, replace
from typing import Any

from segquery.lint.analysis import (
    NEGATED,
    in_list_key,
    is_true_literal,
    redundant_distinct_steps,
    referenced_qualifiers,
    repeated_set_operands,
)
from segquery.syntax import ast


def normal_form(node: ast.Node) -> ast.Node:
    """The normal form of a tree or subtree (spans and parentheses play no part)."""
    return _Normalizer(node).visit(node)


_COMPARED_FIELDS: dict[type, tuple[str, ...]] = {}


def _compared_fields(node_type: type) -> tuple[str, ...]:
    """The fields that take part in a node's equality, but its span and parentheses (once per class)."""
    names = _COMPARED_FIELDS.get(node_type)
    if names is None:
        names = _COMPARED_FIELDS[node_type] = tuple(
            item.name for item in fields(node_type) if item.compare and item.name not in ("span", "parens"))
    return names


class _Normalizer:
    def __init__(self, root: ast.Node) -> None:
        self.root = root

    @functools.cached_property
    def used(self) -> set[str]:
        """The aliases the tree uses (read only where an alias is declared: conditions declare none)."""
        return referenced_qualifiers(self.root)

    def visit(self, node: ast.Node) -> ast.Node:
        changes: dict[str, Any] = {}
        for name in _compared_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, ast.Node):
                visited = self.visit(value)
                if visited is not value:
                    changes[name] = visited
            elif isinstance(value, tuple) and value and isinstance(value[0], ast.Node):
                elements = tuple(self.visit(element) for element in value)
                if any(new is not old for new, old in zip(elements, value)):
                    changes[name] = elements
        node = replace(node, **changes) if changes else node
        rewrite = getattr(self, "_" + node.kind, None)
        return rewrite(node) if rewrite else node

    # ------------------------------------------------------------ conditions

    def _logical(self, node: ast.Logical) -> ast.Expr:
        neutral = (lambda operand: is_true_literal(operand)) if node.op is ast.LogicOp.AND else (
            lambda operand: isinstance(operand, ast.BooleanLiteral) and not operand.value)
        kept: dict[ast.Expr, None] = {}     # a dict, not a list: the repetition test is a hash look-up
        for operand in node.operands:
            parts = operand.operands if isinstance(operand, ast.Logical) and operand.op is node.op else (operand,)
            for part in parts:
                if not neutral(part):
                    kept.setdefault(part)
        operands = tuple(kept)
        if not operands:
            return node.operands[0]
        if len(operands) == 1:
            return operands[0]
        return replace(node, operands=operands)

    def _not(self, node: ast.Not) -> ast.Expr:
        operand = node.operand
        if isinstance(operand, ast.Not):
            return operand.operand
        if isinstance(operand, ast.IsNull):
            return replace(operand, negated=not operand.negated)
        if isinstance(operand, ast.Comparison):
            return replace(operand, op=NEGATED[operand.op])
        return node

    def _arithmetic(self, node: ast.Arithmetic) -> ast.Expr:
        first = node.operands[0]
        if isinstance(first, ast.Arithmetic) and (first.operators[0] in "+-") == (node.operators[0] in "+-"):
            return replace(node, operands=first.operands + node.operands[1:],
                           operators=first.operators + node.operators)
        return node

    def _in_list(self, node: ast.InList) -> ast.Expr:
        values: dict[object, ast.Expr] = {}
        for value in node.values:
            values.setdefault(in_list_key(value), value)
        if len(values) == 1:
            (value,) = values.values()
            return ast.Comparison(left=node.subject, op=ast.CompareOp.EQ, right=value)
        return replace(node, values=tuple(values.values()))

    # ------------------------------------------------------------ queries

    def _set_operation(self, node: ast.SetOperation) -> ast.QueryExpr:
        first = node.operands[0]
        if isinstance(first, ast.SetOperation):
            node = replace(node, operands=first.operands + node.operands[1:],
                           operators=first.operators + node.operators)
        # Dropping a repetition can join two runs into one, so repeat until nothing changes.
        while repeated := {index for index, _ in repeated_set_operands(list(node.operands), node.operators)}:
            operands = tuple(operand for index, operand in enumerate(node.operands) if index not in repeated)
            operators = tuple(op for index, op in enumerate(node.operators, start=1) if index not in repeated)
            if len(operands) == 1:
                return operands[0]
            node = replace(node, operands=operands, operators=operators)
        return node

    def _chain(self, node: ast.Chain) -> ast.Chain:
        return replace(node, steps=self._steps(node.source, node.steps))

    def _grouped(self, node: ast.Grouped) -> ast.QueryExpr:
        steps = self._steps(None, node.steps)
        return replace(node, steps=steps) if steps else node.body

    def _steps(self, source: ast.Source | None, steps: tuple[ast.Step, ...]) -> tuple[ast.Step, ...]:
        kept = tuple(step for step in steps if not (isinstance(step, ast.Filter) and is_true_literal(step.condition)))
        redundant = {index for index, _ in redundant_distinct_steps(source, kept)}
        return tuple(step for index, step in enumerate(kept) if index not in redundant)

    def _traverse(self, node: ast.Traverse) -> ast.Traverse:
        if node.filter is not None and is_true_literal(node.filter.condition):
            node = replace(node, filter=None)
        return replace(node, alias=self._alias(node.alias))

    def _profile(self, node: ast.Profile) -> ast.Profile:
        return replace(node, alias=self._alias(node.alias))

    def _interaction(self, node: ast.Interaction) -> ast.Interaction:
        return replace(node, alias=self._alias(node.alias))

    def _alias(self, alias: ast.Identifier | None) -> ast.Identifier | None:
        return alias if alias is not None and alias.name.casefold() in self.used else None
