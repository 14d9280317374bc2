"""`unparse`: the compact, canonical one-line text of a tree.

This is what is sent to the service: upper-case keywords, single-quoted
strings, no comments, the parentheses the author wrote plus those the tree's
shape needs. `parse(unparse(tree)) == tree` for every tree.
"""

from __future__ import annotations

from typing import cast

from segquery.syntax import ast
from segquery.syntax.precedence import (
    ATOM,
    COMPARE,
    OR,
    STRING,
    SUM,
    UNARY,
    strength,
)

# A child binding more loosely than its slot requires is wrapped in parentheses
# (the scale is in segquery/syntax/precedence.py).


def unparse(node: ast.Node) -> str:
    """The canonical text of any node (a whole Query or a part of one)."""
    if isinstance(node, ast.Query):
        return _query(node.body, nested=False)
    if isinstance(node, ast.QueryExpr):
        return _query(node, nested=False)
    if isinstance(node, ast.Expr):
        return expression(node)
    return _part(node)


def quote_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


# ---------------------------------------------------------------- queries


def _query(node: ast.QueryExpr, *, nested: bool) -> str:
    if isinstance(node, ast.Chain):
        text = _part(node.source) + _steps(node.steps)
        needs = False
    elif isinstance(node, ast.Grouped):
        text = "(" + _query(node.body, nested=False) + ")" + _steps(node.steps)
        needs = False
    else:
        node = cast(ast.SetOperation, node)  # the third kind of query expression
        pieces = [_query(node.operands[0], nested=True)]
        for operator, operand in zip(node.operators, node.operands[1:]):
            pieces.append(f" {operator.value} {_query(operand, nested=True)}")
        text = "".join(pieces)
        needs = nested
    return _wrap(text, node.parens, needs)


def _steps(steps: tuple[ast.Step, ...]) -> str:
    return "".join("." + _part(step) for step in steps)


def _wrap(text: str, parens: int, needs: bool) -> str:
    count = max(parens, 1 if needs else 0)
    return "(" * count + text + ")" * count


def _args(*items: ast.Node | None) -> str:
    return "(" + ", ".join(_part(item) if not isinstance(item, ast.Expr) else expression(item)
                           for item in items if item is not None) + ")"


def _part(node: ast.Node) -> str:
    if node.call_name is not None:
        return _call(node)
    if isinstance(node, ast.Identifier):
        return node.name if node.qualifier is None else f"{node.qualifier}.{node.name}"
    if isinstance(node, ast.InvalidCall):
        return expression(node.call)
    if isinstance(node, ast.DatePartName):
        return node.part.value
    raise TypeError(f"cannot print {type(node).__name__}")


def _call(node: ast.Node) -> str:
    """A node written as a call: its name and its children as arguments."""
    return cast(str, node.call_name) + _args(*node.children())


# ---------------------------------------------------------------- expressions


def expression(node: ast.Expr, required: int = OR) -> str:
    text, binds = _expr(node)
    return _wrap(text, node.parens, binds < required)


def _expr(node: ast.Expr) -> tuple[str, int]:
    if isinstance(node, ast.Logical):
        binds = strength(node)
        joiner = f" {node.op.value} "
        return joiner.join(expression(operand, binds + 1) for operand in node.operands), binds
    if isinstance(node, ast.Comparison):
        return (f"{expression(node.left, STRING)} {node.op.value} {expression(node.right, STRING)}", COMPARE)
    if isinstance(node, ast.StringTest):
        return (f"{expression(node.subject, SUM)} {node.op.value} {expression(node.pattern, SUM)}", STRING)
    if isinstance(node, ast.InList):
        values = ", ".join(expression(value, SUM) for value in node.values)
        return f"{expression(node.subject, STRING)} IN [{values}]", COMPARE
    if isinstance(node, ast.Arithmetic):
        binds = strength(node)
        # Every operand binds tighter than the chain, so a nested chain of the same
        # level keeps its parentheses and parses back to the same tree.
        pieces = [expression(node.operands[0], binds + 1)]
        for operator, operand in zip(node.operators, node.operands[1:]):
            pieces.append(f" {operator} {expression(operand, binds + 1)}")
        return "".join(pieces), binds
    if isinstance(node, ast.Negate):
        return "-" + expression(node.operand, ATOM), UNARY
    return _atom(node), ATOM


def _atom(node: ast.Expr) -> str:
    if isinstance(node, ast.StringLiteral):
        return quote_string(node.value)
    if isinstance(node, ast.NumberLiteral):
        return node.text
    if isinstance(node, ast.BooleanLiteral):
        return "TRUE" if node.value else "FALSE"
    if isinstance(node, ast.Attribute):
        return node.dotted
    if node.call_name is not None:
        return _call(node)
    if isinstance(node, ast.OrderKey):
        direction = f" {node.direction.value}" if node.direction else ""
        return expression(node.expr) + direction
    if isinstance(node, ast.Call):
        return node.name.name + _args(*node.arguments)
    raise TypeError(f"cannot print {type(node).__name__}")
