"""`validate`: run the semantic rules over a parsed query."""

from __future__ import annotations

from typing import Collection, Iterable

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.schema import Schema
from segquery.semantic.context import StepFacts, ValidationContext
from segquery.semantic.kinds import QueryKind, infer_kind
from segquery.semantic.rules.base import Rule
from segquery.semantic.schemas import active_schema, is_bundled
from segquery.semantic.specified_rules import SPECIFIED_RULES
from segquery.semantic.tables import TableInfo, infer_tables
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME

DEFAULT_TARGET = OUTBOUND.default_target
REALTIME_NAME = REALTIME.name


def validate(query: ast.Query, source: SourceText, *, kind: QueryKind | None = None, schema: Schema | None = None,
             target: str = DEFAULT_TARGET, dialect: Dialect | str | None = None) -> list[Diagnostic]:
    """Every semantic finding in a parsed query, sorted by position.

    `kind` None infers the kind from the query's shape (`infer_kind`).
    `schema` None checks against the bundled default schema, where a name
    it lacks is a warning (V046) unless it is a typo of one it has; pass
    `NO_SCHEMA` to skip the schema-aware checks. `target` is the profile type
    a segment's query must end on. `dialect` (a Dialect or its name; None is
    outbound) chooses the rules: real-time journeys has its own
    (segquery/semantic/realtime_rules.py).
    """
    name, rules = rules_for_dialect(dialect)
    return run_rules(query, source, rules, kind=kind, schema=schema, target=target, dialect=name)


def rules_for_dialect(dialect: Dialect | str | None) -> tuple[str | None, tuple[Rule, ...]]:
    """The dialect's name (as `infer_tables` takes it) and the rules `validate` runs for it, in order."""
    name = _dialect_name(dialect)
    if name == REALTIME_NAME:
        from segquery.semantic.realtime_rules import REALTIME_RULES  # outbound checks need none (start-up time)

        return name, REALTIME_RULES
    return name, SPECIFIED_RULES


def _dialect_name(dialect: Dialect | str | None) -> str | None:
    if dialect is None or isinstance(dialect, str):
        return dialect.strip().lower() if dialect else None
    return dialect.name


def run_rules(query: ast.Query, source: SourceText, rules: Iterable[Rule], *, kind: QueryKind | None = None,
              schema: Schema | None = None, target: str = DEFAULT_TARGET,
              dialect: str | None = None) -> list[Diagnostic]:
    """Like `validate`, with a chosen set of rules."""
    context = build_context(query, source, kind=kind, schema=schema, target=target, dialect=dialect)
    for rule in rules:
        if rule.needs_schema and context.schema is None:
            continue
        rule.check(context)
    return sorted_diagnostics(context.diagnostics)


def build_context(query: ast.Query, source: SourceText, *, kind: QueryKind | None = None,
                  schema: Schema | None = None, target: str = DEFAULT_TARGET,
                  dialect: str | None = None, tables: TableInfo | None = None,
                  only: Collection[int] | None = None, skip: Collection[int] = (),
                  step_facts: StepFacts | None = None) -> ValidationContext:
    """The context the rules read; `tables` when already inferred, `only`, `skip` and `step_facts` as for
    ValidationContext."""
    active = active_schema(schema)
    if tables is None:
        tables = infer_tables(query, schema, dialect=dialect)
    context_class = ValidationContext
    if dialect == REALTIME_NAME:
        from segquery.semantic.realtime_context import RealtimeContext

        context_class = RealtimeContext
    return context_class(query, source, kind or infer_kind(query), active, target, tables,
                         bundled_schema=is_bundled(schema), only=only, skip=skip,
                         step_facts=step_facts)
