"""Syntax trees, comments and diagnostics moved by a number of characters.

When an edit changes one part of a text, everything after it is what it was,
`delta` characters further on: a parse of the new text would give the same
nodes with spans moved by `delta` (segquery/syntax/graft.py). `shifted(node,
delta)` makes those nodes, `shifted_all(nodes, delta)` a tuple of them (the
thousand operands after an edit in a long `||` condition). Every node class
gets a function made for its fields (as segquery/syntax/construct.py does for
constructors): it copies the scalars, moves the span and shifts the fields
that may hold nodes, without the dataclass machinery. A field whose type is a
class without node fields of its own and without subclasses (an attribute's
`Identifier`s) is copied within that function, without a call.
tests/syntax/test_shift.py proves that the copies equal, field for field, the
nodes made with the spans moved.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.construct import compiled

NodeT = TypeVar("NodeT", bound=ast.Node)
_SHIFTERS: dict[type, Callable[[Any, int], Any]] = {}


def shifted(node: NodeT, delta: int) -> NodeT:
    """`node` and everything below it with every span moved by `delta` characters."""
    return node if delta == 0 else _SHIFTERS[type(node)](node, delta)


def shifted_all(nodes: Iterable[NodeT], delta: int) -> tuple[NodeT, ...]:
    """Each of `nodes` shifted, in one call for them all."""
    if delta == 0:
        return tuple(nodes)
    shifters = _SHIFTERS
    return tuple([shifters[type(node)](node, delta) for node in nodes])


def _node_classes() -> list[type]:
    return [kind for kind in vars(ast).values()
            if isinstance(kind, type) and issubclass(kind, ast.Node) and "__slots__" in vars(kind)]


def _node_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields of `cls` that may hold nodes."""
    return [item for item in dataclasses.fields(cls)
            if item.name not in ("span", "parens") and ast.may_hold_nodes(item.type)]


def _leaves(classes: list[type]) -> set[type]:
    """The classes that no other class extends and whose only node is their span: a field of one
    of them holds that very class, which copies the same way every time."""
    return {kind for kind in classes
            if not _node_fields(kind) and not any(other is not kind and issubclass(other, kind) for other in classes)}


_LEAF_OR_NONE = re.compile(r"'?(?P<name>\w+)(?P<optional> \| None)?'?")


class _ShifterCode:
    """The lines of one class's shifter and the values they read (the classes, their slots'
    setters, the table of shifters)."""

    def __init__(self, leaves: set[type]) -> None:
        self.leaves = {kind.__name__: kind for kind in leaves}
        self.lines: list[str] = []
        self.bound: dict[str, Any] = {"_new": object.__new__, "_Span": Span, "_shifters": _SHIFTERS}
        self.bound.update({f"_span_{name}": getattr(Span, name).__set__ for name in ("start", "end")})

    def copy(self, cls: type, source: str, target: str, indent: str) -> None:
        """Lines that make `target`, the node `source` (of class `cls`) with its spans moved."""
        values: dict[str, str] = {}
        for item in dataclasses.fields(cls):
            if item.name in ("span", "parens") or not ast.may_hold_nodes(item.type):
                values[item.name] = f"{source}.{item.name}"
            else:
                values[item.name] = self._child(item, source, f"{target}_{item.name}", indent)
        self.add(indent, f"{target}_span = _new(_Span)")
        self.add(indent, f"_span_start({target}_span, {source}.span.start + delta)")
        self.add(indent, f"_span_end({target}_span, {source}.span.end + delta)")
        values["span"] = f"{target}_span"
        self.bound[f"_{cls.__name__}"] = cls
        self.add(indent, f"{target} = _new(_{cls.__name__})")
        for index, item in enumerate(dataclasses.fields(cls)):
            setter = f"_{cls.__name__}_set{index}"
            self.bound[setter] = getattr(cls, item.name).__set__  # the slot's own setter
            self.add(indent, f"{setter}({target}, {values[item.name]})")

    def _child(self, item: dataclasses.Field[Any], source: str, target: str, indent: str) -> str:
        """Lines that shift the nodes of field `item` of `source` into `target`; its name."""
        annotation = str(item.type)
        self.add(indent, f"{target}_old = {source}.{item.name}")
        if annotation.startswith("tuple["):
            self.add(indent, f"{target} = tuple([_shifters[type(each)](each, delta) for each in {target}_old])")
            return target
        written = _LEAF_OR_NONE.fullmatch(annotation)
        leaf = self.leaves.get(written.group("name")) if written else None
        optional = written is None or written.group("optional") is not None or "None" in annotation
        inner = indent
        if optional:
            self.add(indent, f"if {target}_old is None:")
            self.add(indent + "    ", f"{target} = None")
            self.add(indent, "else:")
            inner = indent + "    "
        if leaf is not None:
            self.copy(leaf, f"{target}_old", target, inner)
        else:
            self.add(inner, f"{target} = _shifters[type({target}_old)]({target}_old, delta)")
        return target

    def add(self, indent: str, line: str) -> None:
        self.lines.append(f"{indent}{line}\n")


def _shifter(cls: type, leaves: set[type]) -> Callable[[Any, int], Any]:
    """The function that copies a node of class `cls` with its spans moved."""
    code = _ShifterCode(leaves)
    code.copy(cls, "node", "moved", "    ")
    return compiled(f"shift_{cls.__name__}", "node, delta", [*code.lines, "    return moved\n"], code.bound)


def _make_shifters() -> None:
    classes = _node_classes()
    leaves = _leaves(classes)
    _SHIFTERS.update({kind: _shifter(kind, leaves) for kind in classes})


_make_shifters()
