"""Semantic validation of parsed segment queries.

`validate` checks a query's shape for its kind, its aliases, its names
against a schema, the types of its expressions, the arguments of its
functions, and the usage limitations the language documentation states;
for the real-time journeys dialect, its own rules (`REALTIME_RULES`).
`infer_tables` and `scope_at` tell which table every part of a query reads,
for the resolver and the editor.

The real-time rules are imported on first use: a check of outbound queries
runs none of them (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segquery.lazy_exports import lazy_exports
from segquery.semantic.kinds import QueryKind, infer_kind
from segquery.semantic.schemas import NO_SCHEMA, link_type_table
from segquery.semantic.specified_rules import SPECIFIED_RULES
from segquery.semantic.tables import AliasBinding, Scope, StepScope, TableInfo, infer_tables, scope_at
from segquery.semantic.validation import DEFAULT_TARGET, run_rules, validate

if TYPE_CHECKING:
    from segquery.semantic.realtime_rules import REALTIME_RULES


__getattr__ = lazy_exports(__name__, {"REALTIME_RULES": "segquery.semantic.realtime_rules"})


__all__ = [
    "DEFAULT_TARGET",
    "NO_SCHEMA",
    "REALTIME_RULES",
    "SPECIFIED_RULES",
    "AliasBinding",
    "QueryKind",
    "Scope",
    "StepScope",
    "TableInfo",
    "infer_kind",
    "infer_tables",
    "link_type_table",
    "run_rules",
    "scope_at",
    "validate",
]
