"""`validate`: run the semantic rules over a parsed query."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.schema import Schema
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind, infer_kind
from segquery.semantic.rules.base import Rule
from segquery.semantic.schemas import active_schema, is_bundled
from segquery.semantic.specified_rules import SPECIFIED_RULES
from segquery.semantic.tables import infer_tables
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.outbound import OUTBOUND

DEFAULT_TARGET = OUTBOUND.default_target


def validate(query: ast.Query, source: SourceText, *, kind: QueryKind | None = None, schema: Schema | None = None,
             target: str = DEFAULT_TARGET) -> list[Diagnostic]:
    """Every semantic finding in a parsed query, sorted by position.

    `kind` None infers the kind from the query's shape (`infer_kind`).
    `schema` None checks against the bundled default schema, where a name
    it lacks is a warning (V046) unless it is a typo of one it has; pass
    `NO_SCHEMA` to skip the schema-aware checks. `target` is the profile type
    a segment's query must end on.
    """
    return run_rules(query, source, SPECIFIED_RULES, kind=kind, schema=schema, target=target)


def run_rules(query: ast.Query, source: SourceText, rules: Iterable[Rule], *, kind: QueryKind | None = None,
              schema: Schema | None = None, target: str = DEFAULT_TARGET) -> list[Diagnostic]:
    """Like `validate`, with a chosen set of rules."""
    context = build_context(query, source, kind=kind, schema=schema, target=target)
    for rule in rules:
        if rule.needs_schema and context.schema is None:
            continue
        rule.check(context)
    return sorted_diagnostics(context.diagnostics)


def build_context(query: ast.Query, source: SourceText, *, kind: QueryKind | None = None,
                  schema: Schema | None = None, target: str = DEFAULT_TARGET) -> ValidationContext:
    active = active_schema(schema)
    tables = infer_tables(query, schema)
    return ValidationContext(query, source, kind or infer_kind(query), active, target, tables,
                             bundled_schema=is_bundled(schema))
