"""Inlay hints: what a reader would otherwise look up.

- after an alias that TRAVERSE or INTERACTION declares, the table (or
  interaction type) it stands for: `account_1: account`;
- after each TRAVERSE, the table the chain reaches: `TRAVERSE(...) → account`;
- before each argument of DATEDIFF and DATEADD, the parameter's name;
- after an integer compared with a choice attribute, the option's label:
  `industrycode == 16 Financial`.

Hints need the tree, so a text that does not parse gets none.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from segquery.schema import Schema
from segquery.semantic.tables import StepScope, TableInfo, infer_tables
from segquery.syntax import ast
from segquery.ide.realtime import dialect_schema
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant


class InlayHintKind(enum.Enum):
    TYPE = "type"
    PARAMETER = "parameter"


@dataclass(frozen=True, slots=True)
class InlayHint:
    """A label shown at `offset`; `kind` says whether it names a type or a parameter.
    `pad_before` and `pad_after` ask for a space between the label and the text."""

    offset: int
    label: str
    kind: InlayHintKind
    tooltip: str = ""
    pad_before: bool = False
    pad_after: bool = False


def inlay_hints(text: str, *, schema: Schema, start: int = 0, end: int | None = None,
                dialect: Dialect = OUTBOUND) -> list[InlayHint]:
    """The hints whose offsets lie in [start, end] of `text`, in text order."""
    query = parse_tolerant(text, dialect=dialect).query
    if query is None:
        return []
    schema = dialect_schema(schema, dialect)
    info = infer_tables(query, schema)
    hints = _Hinter(info, schema, dialect).hints(query)
    end = len(text) if end is None else end
    return sorted((hint for hint in hints if start <= hint.offset <= end), key=lambda hint: hint.offset)


class _Hinter:
    def __init__(self, info: TableInfo, schema: Schema, dialect: Dialect) -> None:
        self.info = info
        self.dialect = dialect
        self.schema = schema
        self.found: list[InlayHint] = []

    def hints(self, query: ast.Query) -> list[InlayHint]:
        for node in ast.walk(query):
            if isinstance(node, ast.Traverse):
                self._traverse(node)
            elif isinstance(node, ast.Interaction) and node.alias is not None:
                self._type(node.alias.span.end, node.interaction_type.name, "the interaction type of this alias")
            elif isinstance(node, (ast.DateDiff, ast.DateAdd)):
                self._parameters(node)
            elif isinstance(node, (ast.Chain, ast.Grouped)):
                for binding in self.info.declared(node):
                    if isinstance(binding.declared_by, ast.Relate):
                        self._type(binding.declaration.span.end, binding.table, "the table this alias stands for")
            if self.info.has_step(node):
                self._option_labels(node, self.info.step(node))
        return self.found

    def _type(self, offset: int, table: str | None, tooltip: str, *, arrow: bool = False) -> None:
        if table:
            self.found.append(InlayHint(offset, f"→ {table}" if arrow else f": {table}", InlayHintKind.TYPE,
                                        tooltip, pad_before=arrow))

    def _traverse(self, node: ast.Traverse) -> None:
        scope = self.info.step(node) if self.info.has_step(node) else None
        reached = scope.after if scope is not None else None
        if node.alias is not None:
            self._type(node.alias.span.end, reached, "the table this alias stands for")
        self._type(node.span.end, reached, "the table the chain reaches here", arrow=True)

    def _parameters(self, node: ast.DateDiff | ast.DateAdd) -> None:
        spec = self.dialect.function(node.call_name)
        arguments = (node.part, node.start, node.end) if isinstance(node, ast.DateDiff) else \
            (node.part, node.amount, node.date)
        for name, argument in zip(spec.parameters if spec is not None else (), arguments):
            self.found.append(InlayHint(argument.span.start, f"{name}:", InlayHintKind.PARAMETER, pad_after=True))

    def _option_labels(self, step: ast.Node, scope: StepScope) -> None:
        condition = getattr(step, "condition", None)
        if condition is None or scope.interaction is not None:
            return
        for node in ast.walk(condition):
            if isinstance(node, ast.InList) and isinstance(node.subject, ast.Attribute):
                for item in node.values:
                    if isinstance(item, ast.NumberLiteral):
                        self._option_label(node.subject, item, scope)
            if not isinstance(node, ast.Comparison):
                continue
            for attribute, value in ((node.left, node.right), (node.right, node.left)):
                if isinstance(attribute, ast.Attribute) and isinstance(value, ast.NumberLiteral):
                    self._option_label(attribute, value, scope)

    def _option_label(self, attribute: ast.Attribute, value: ast.NumberLiteral, scope: StepScope) -> None:
        table_name = scope.before
        if attribute.qualifier is not None:
            binding = scope.binding(attribute.qualifier.name)
            table_name = binding.table if binding is not None and not binding.interaction else None
        table = self.schema.table(table_name) if table_name else None
        column = table.attribute(attribute.name.name) if table is not None else None
        if column is None or not column.options or not value.text.lstrip("-").isdigit():
            return
        label = column.options.get(int(value.text))
        if label is not None:
            self.found.append(InlayHint(value.span.end, label, InlayHintKind.TYPE,
                                        f"option {value.text} of `{column.name}`", pad_before=True))
