"""Sets of profile ids from plans, over tables held as lists of rows."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any, Iterable, Mapping, Sequence

from segquery.evaluate.values import Binding, Evaluator, as_datetime, compare
from segquery.query_plan.model import FIRST_ROW, INTERACTION_ROW, ChainPlan, InteractionPlan, Plan, SegmentPlan, SetPlan
from segquery.syntax import ast

Row = Mapping[str, Any]


class Tables:
    """Rows by table name (any case), with column names folded, and an index per join column."""

    def __init__(self, data: Mapping[str, Iterable[Row]]) -> None:
        self._rows = {name.casefold(): [{key.casefold(): value for key, value in row.items()} for row in rows]
                      for name, rows in data.items()}
        self._indexes: dict[tuple[str, str], dict[Any, list[Row]]] = {}

    def rows(self, table: str) -> Sequence[Row]:
        return self._rows.get(table.casefold(), [])

    def matching(self, table: str, column: str, value: Any) -> list[Row]:
        key = (table.casefold(), column.casefold())
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = {}
            for row in self.rows(table):
                if row.get(key[1]) is not None:
                    index.setdefault(row[key[1]], []).append(row)
        return index.get(value, []) if value is not None else []


def members(plan: Plan, tables: Tables, now: datetime) -> frozenset[str]:
    """The ids a plan selects."""
    if isinstance(plan, ChainPlan):
        return _chain(plan, tables, now)
    if isinstance(plan, InteractionPlan):
        return _interaction(plan, tables, now)
    if isinstance(plan, SegmentPlan):
        return members(plan.body, tables, now)
    return _set(plan, tables, now)


def _ids(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(value) for value in values if value is not None)


def _chain(plan: ChainPlan, tables: Tables, now: datetime) -> frozenset[str]:
    evaluator = Evaluator(plan.columns, now)
    start: Sequence[Row] = tables.rows(plan.table.name)
    if plan.members_of is not None:
        allowed = members(plan.members_of, tables, now)
        key = plan.table.primary_key.casefold()
        start = [row for row in start if row.get(key) is not None and str(row[key]) in allowed]
    bindings: list[Binding] = [{FIRST_ROW: row} for row in start]
    for step in plan.steps:
        for join in step.joins:
            joined: list[Binding] = []
            for binding in bindings:
                source = binding[join.from_row]
                found = tables.matching(join.table.name, join.column,
                                        None if source is None else source.get(join.from_column.casefold()))
                joined.extend({**binding, join.row: row} for row in found)
                if not found and join.optional:
                    joined.append({**binding, join.row: None})
            bindings = joined
        for condition in step.conditions:
            bindings = [binding for binding in bindings if evaluator.truth(condition, binding) is True]
    key = plan.result_table.primary_key.casefold()
    current = plan.current
    return _ids(row.get(key) for binding in bindings if (row := binding[current]) is not None)


def _interaction(plan: InteractionPlan, tables: Tables, now: datetime) -> frozenset[str]:
    evaluator = Evaluator(plan.columns, now)
    column = plan.profile_column.casefold()
    profiles = None
    if plan.profile_table is not None:
        key = plan.profile_table.primary_key.casefold()
        profiles = _ids(row.get(key) for row in tables.rows(plan.profile_table.name))
    having = plan.having
    stamp = (plan.interaction.timestamp or "").casefold()
    counts: Counter[str] = Counter()
    for row in tables.rows(plan.interaction.name):
        if row.get(column) is None:
            continue
        binding = {INTERACTION_ROW: row}
        if not all(evaluator.truth(condition, binding) is True for condition in plan.conditions):
            continue
        if having is not None and having.since is not None:
            moment = as_datetime(row.get(stamp))
            if moment is None or not having.since <= moment <= (having.until or moment):
                continue
        counts[str(row[column])] += 1
    op, count = (having.op, having.count) if having is not None else (ast.CompareOp.GE, 1)
    return frozenset(profile for profile, found in counts.items()
                     if compare(found, op, count) and (profiles is None or profile in profiles))


def _set(plan: SetPlan, tables: Tables, now: datetime) -> frozenset[str]:
    result = members(plan.operands[0], tables, now)
    for operator, operand in zip(plan.operators, plan.operands[1:]):
        other = members(operand, tables, now)
        if operator is ast.SetOp.UNION:
            result = result | other
        elif operator is ast.SetOp.INTERSECT:
            result = result & other
        else:
            result = result - other
    return result
