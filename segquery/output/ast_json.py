"""The AST as JSON, for `segquery parse`: every node with its kind, fields and span."""

from __future__ import annotations

import enum
from typing import Any
from dataclasses import fields

from segquery.source import SourceText
from segquery.syntax import ast


def node_to_json(node: ast.Node, source: SourceText) -> dict:
    """Iterative conversion, so that deep trees cannot exhaust the stack."""
    stack: list[tuple[object, Any, str | int]] = [(node, {"root": None}, "root")]
    holder = stack[0][1]
    while stack:
        value, parent, key = stack.pop()
        if isinstance(value, ast.Node):
            start, end = source.position(value.span.start), source.position(value.span.end)
            data: dict = {"kind": value.kind,
                          "span": {"start": value.span.start, "end": value.span.end,
                                   "start_line": start.line, "start_column": start.column,
                                   "end_line": end.line, "end_column": end.column}}
            for item in fields(value):
                if item.name == "span":
                    continue
                child = getattr(value, item.name)
                if isinstance(child, (ast.Node, tuple)):
                    stack.append((child, data, item.name))
                else:
                    data[item.name] = child.value if isinstance(child, enum.Enum) else child
            parent[key] = data
        elif isinstance(value, tuple):
            items: list = [None] * len(value)
            parent[key] = items
            for index, element in enumerate(value):
                if isinstance(element, (ast.Node, tuple)):
                    stack.append((element, items, index))
                else:
                    items[index] = element.value if isinstance(element, enum.Enum) else element
    return holder["root"]
