"""Syntax trees, comments and diagnostics moved by a number of characters.

When an edit changes one part of a text, everything after it is what it was,
`delta` characters further on: a parse of the new text would give the same
nodes with spans moved by `delta` (segquery/syntax/graft.py). `shifted(node,
delta)` makes those nodes. Every node class gets a function made for its
fields (as segquery/syntax/construct.py does for constructors): it copies the
scalars, moves the span and shifts the fields that may hold nodes, without
the dataclass machinery. tests/syntax/test_shift.py proves that the copies
equal, field for field, the nodes made with the spans moved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.construct import compiled

NodeT = TypeVar("NodeT", bound=ast.Node)
_SHIFTERS: dict[type, Callable[[Any, int], Any]] = {}


def shifted(node: NodeT, delta: int) -> NodeT:
    """`node` and everything below it with every span moved by `delta` characters."""
    return node if delta == 0 else _SHIFTERS[type(node)](node, delta)


def _shift_value(value: Any, delta: int) -> Any:
    """A value of a field that may hold nodes, shifted: a node, None, or a tuple of them."""
    if value is None:
        return None
    if type(value) is tuple:
        return tuple([_SHIFTERS[type(item)](item, delta) for item in value])
    return _SHIFTERS[type(value)](value, delta)


def _shifter(cls: type) -> Callable[[Any, int], Any]:
    """The function that copies a node of class `cls` with its spans moved (the span is made
    in place and a field's nodes shifted without a call to `_shift_value` when its type says
    which they are: each call saved counts, for thousands of nodes)."""
    bound: dict[str, Any] = {"_cls": cls, "_new": object.__new__, "_Span": Span, "_value": _shift_value,
                             "_shifters": _SHIFTERS}
    bound.update({f"_{name}": getattr(Span, name).__set__ for name in ("start", "end")})  # the slots' setters
    body = ["    moved = _new(_cls)\n",
            "    span = node.span\n",
            "    moved_span = _new(_Span)\n",
            "    _start(moved_span, span.start + delta)\n",
            "    _end(moved_span, span.end + delta)\n"]
    for index, item in enumerate(dataclasses.fields(cls)):
        bound[f"_set{index}"] = getattr(cls, item.name).__set__  # the slot's own setter
        if item.name == "span":
            value = "moved_span"
        elif item.name == "parens" or not ast.may_hold_nodes(item.type):
            value = f"node.{item.name}"
        elif str(item.type).startswith("tuple["):
            value = f"tuple([_shifters[type(each)](each, delta) for each in node.{item.name}])"
        elif "None" in str(item.type):
            value = f"_value(node.{item.name}, delta)"
        else:
            value = f"_shifters[type(node.{item.name})](node.{item.name}, delta)"
        body.append(f"    _set{index}(moved, {value})\n")
    return compiled(f"shift_{cls.__name__}", "node, delta", [*body, "    return moved\n"], bound)


def _node_classes() -> list[type]:
    return [kind for kind in vars(ast).values()
            if isinstance(kind, type) and issubclass(kind, ast.Node) and "__slots__" in vars(kind)]


_SHIFTERS.update({kind: _shifter(kind) for kind in _node_classes()})
