"""How tightly each expression form binds, loosest first: `||`, `&&`, comparisons
(and `IN [..]` lists), string tests, `+ -`, `* /`, unary minus, atoms.

The printer, the formatter and the linter all decide where parentheses are
needed from this one scale.
"""

from __future__ import annotations

from segquery.syntax import ast

OR, AND, COMPARE, STRING, SUM, PRODUCT, UNARY, ATOM = range(8)


def strength(node: ast.Expr) -> int:
    """How tightly an expression binds, without its own parentheses."""
    if isinstance(node, ast.Logical):
        return OR if node.op is ast.LogicOp.OR else AND
    if isinstance(node, (ast.Comparison, ast.InList)):
        return COMPARE
    if isinstance(node, ast.StringTest):
        return STRING
    if isinstance(node, ast.Arithmetic):
        return SUM if node.operators[0] in "+-" else PRODUCT
    if isinstance(node, ast.Negate):
        return UNARY
    return ATOM
