"""Visitor and Transformer bases for the syntax tree (graphql-core style).

A Visitor subclass defines `enter_<kind>(node)` and/or `leave_<kind>(node)`
methods (kinds are the snake_case class names: `enter_comparison`,
`leave_chain`); method names are checked against the real node kinds when the
subclass is defined, so a typo fails at import time instead of never running.
`enter_*` may return SKIP to leave a node's children unvisited.

A Transformer subclass defines `transform_<kind>(node) -> Node` methods and
gets a new tree, rebuilt bottom-up, with the returned nodes in place.

Both walk iteratively, so no tree depth can exhaust the interpreter's stack.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from segquery.syntax import ast

SKIP = object()  # returned by an enter_* method: do not visit this node's children


def node_kinds() -> frozenset[str]:
    """Every concrete node kind of the tree."""
    kinds: set[str] = set()
    pending = [ast.Node]
    while pending:
        cls = pending.pop()
        kinds.add(cls.kind)
        pending.extend(cls.__subclasses__())
    return frozenset(kinds)


def _check_method_names(cls: type, prefixes: tuple[str, ...]) -> None:
    known = node_kinds()
    for name in vars(cls):
        for prefix in prefixes:
            if name.startswith(prefix) and name[len(prefix):] not in known:
                raise TypeError(f"{cls.__name__}.{name}: `{name[len(prefix):]}` is not a node kind")


class Visitor:
    """Calls enter_<kind> before a node's children and leave_<kind> after them."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _check_method_names(cls, ("enter_", "leave_"))

    def visit(self, root: ast.Node) -> None:
        stack: list[tuple[ast.Node, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                method = getattr(self, f"leave_{node.kind}", None)
                if method is not None:
                    method(node)
                continue
            method = getattr(self, f"enter_{node.kind}", None)
            if method is not None and method(node) is SKIP:
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.children())))


class Transformer:
    """Rebuilds a tree bottom-up through transform_<kind> methods; nodes without
    a method are kept (with their transformed children)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _check_method_names(cls, ("transform_",))

    def transform(self, root: ast.Node) -> ast.Node:
        done: dict[int, ast.Node] = {}  # id(original node) -> its transformed node
        stack: list[tuple[ast.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if not children_done:
                stack.append((node, True))
                stack.extend((child, False) for child in node.children())
                continue
            rebuilt = self._with_children(node, done)
            method = getattr(self, f"transform_{node.kind}", None)
            done[id(node)] = method(rebuilt) if method is not None else rebuilt
        return done[id(root)]

    @staticmethod
    def _with_children(node: ast.Node, done: dict[int, ast.Node]) -> ast.Node:
        changes: dict[str, Any] = {}
        for item in fields(node):
            value = getattr(node, item.name)
            if isinstance(value, ast.Node):
                new = done[id(value)]
                if new is not value:
                    changes[item.name] = new
            elif isinstance(value, tuple) and any(isinstance(element, ast.Node) for element in value):
                new_tuple = tuple(done[id(element)] if isinstance(element, ast.Node) else element
                                  for element in value)
                if any(a is not b for a, b in zip(new_tuple, value)):
                    changes[item.name] = new_tuple
        return replace(node, **changes) if changes else node
