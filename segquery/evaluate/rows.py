"""Members of a parsed query, walked step by step over tables held as lists of rows.

A chain keeps a list of bindings (one row per slot: the first table, then
each join); a FILTER keeps the bindings whose condition is true. Member-fetch
steps sort the members' own rows and cut the list, in the order they are written.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping, Sequence

from segquery.evaluate.names import Names, NotEvaluable, Records, UnknownName
from segquery.evaluate.values import Evaluator, as_datetime, compare
from segquery.query_plan.dates import shift
from segquery.syntax import ast

Row = Mapping[str, Any]
#: name -> the parsed query of that segment (None, or LookupError with the reason, when there is none).
Segments = Callable[[str], "ast.Query | None"]

_WINDOW_PARTS = {ast.WindowUnit.UTCDAYS: ast.DatePart.DAY, ast.WindowUnit.UTCMONTHS: ast.DatePart.MONTH,
                 ast.WindowUnit.UTCYEARS: ast.DatePart.YEAR}


class Tables:
    """Rows by table name (any case), with column names folded, and an index per join column."""

    def __init__(self, data: Mapping[str, Iterable[Row]]) -> None:
        self._rows = {name.casefold(): [{key.casefold(): value for key, value in row.items()} for row in rows]
                      for name, rows in data.items()}
        self._indexes: dict[tuple[str, str], dict[Any, list[Row]]] = {}

    def rows(self, table: str) -> Sequence[Row]:
        return self._rows.get(table.casefold(), [])

    def matching(self, table: str, column: str, value: Any) -> list[Row]:
        key = (table.casefold(), column)
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = {}
            for row in self.rows(table):
                if row.get(column) is not None:
                    index.setdefault(row[column], []).append(row)
        return index.get(value, []) if value is not None else []


@dataclass(frozen=True, slots=True)
class Members:
    """The ids a query selects, in order (by id unless a member fetch ordered them),
    and the profile table they are rows of (None when unknown)."""

    records: Records | None
    ids: tuple[str, ...]


@dataclass(slots=True)
class _Scope:
    """Names (aliases, table names; folded) -> (slot, records), and the slot of the current records."""

    names: dict[str, tuple[str, Records]] = field(default_factory=dict)
    current: tuple[str, Records] | None = None

    def bind(self, name: str | None, slot: str, records: Records) -> None:
        if name is not None:
            self.names[name.casefold()] = (slot, records)

    def locate(self, node: ast.Attribute) -> tuple[str, str]:
        if node.qualifier is None:
            assert self.current is not None
            slot, records = self.current
        else:
            found = self.names.get(node.qualifier.name.casefold())
            if found is None:
                raise UnknownName(f"`{node.qualifier.name}` is no alias here")
            slot, records = found
        return slot, records.column(node.name.name)

    def names_of(self, slot: str) -> list[str]:
        return [name for name, (bound, _) in self.names.items() if bound == slot]


def _by_id(ids: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted({str(value) for value in ids if value is not None}))


class Run:
    def __init__(self, names: Names, tables: Tables, now: datetime, segments: Segments | None,
                 stack: tuple[str, ...] = ()) -> None:
        self.names = names
        self.tables = tables
        self.now = now
        self.segments = segments
        self.stack = stack

    def query(self, node: ast.QueryExpr) -> Members:
        if isinstance(node, ast.SetOperation):
            return self.set_operation(node)
        if isinstance(node, ast.Grouped):
            return self.after(self.query(node.body), node.steps)
        if not isinstance(node, ast.Chain):
            raise NotEvaluable("this part of the query selects no profiles")
        source = node.source
        if isinstance(source, ast.Profile):
            records = self.names.profile(source.table.name)
            scope = _Scope()
            scope.bind(records.table, "p0", records)
            scope.bind(source.alias.name if source.alias else None, "p0", records)
            scope.current = ("p0", records)
            return self.chain(scope, [{"p0": row} for row in self.tables.rows(records.table)], node.steps)
        if isinstance(source, ast.SegmentRef):
            return self.after(self.segment(source.name.name), node.steps)
        if isinstance(source, ast.Interaction):
            split = next((i for i, step in enumerate(node.steps) if isinstance(step, ast.PAGING_STEPS)),
                         len(node.steps))
            return self.after(self.interaction(source, node.steps[:split]), node.steps[split:])
        raise NotEvaluable("the parser could not read this source")

    # ------------------------------------------------------------ chains

    def after(self, members: Members, steps: tuple[ast.Step, ...], aliases: Iterable[str] = ()) -> Members:
        """Steps that start from members: member-fetch steps, or a chain from their rows."""
        if not steps:
            return members
        if members.records is None:
            raise NotEvaluable("the table of these members is unknown")
        records = members.records
        if isinstance(steps[0], ast.PAGING_STEPS):
            end = next((i for i, step in enumerate(steps) if not isinstance(step, ast.PAGING_STEPS)), len(steps))
            return self.after(self.fetch(members, steps[:end], aliases), steps[end:])
        scope = _Scope()
        scope.bind(records.table, "p0", records)
        scope.current = ("p0", records)
        return self.chain(scope, [{"p0": row} for row in self._member_rows(members)], steps)

    def _member_rows(self, members: Members) -> list[Row]:
        assert members.records is not None and members.records.key is not None
        wanted, key = set(members.ids), members.records.key
        return [row for row in self.tables.rows(members.records.table)
                if row.get(key) is not None and str(row[key]) in wanted]

    def chain(self, scope: _Scope, bindings: list[dict[str, Row | None]], steps: tuple[ast.Step, ...]) -> Members:
        evaluator = Evaluator(scope.locate, self.now)
        joins = 0
        for index, step in enumerate(steps):
            if isinstance(step, ast.Filter):
                bindings = [b for b in bindings if evaluator.truth(step.condition, b) is True]
            elif isinstance(step, ast.Traverse):
                joins += 1
                slot = f"p{joins}"
                assert scope.current is not None
                bindings = self.join(bindings, scope.current, step.relationship.name, slot, optional=False)
                target = self.names.hop(step.relationship.name, scope.current[1]).target
                scope.bind(target.table, slot, target)
                scope.bind(step.alias.name if step.alias else None, slot, target)
                scope.current = (slot, target)
                if step.filter is not None:
                    bindings = [b for b in bindings if evaluator.truth(step.filter.condition, b) is True]
            elif isinstance(step, ast.Relate):
                assert scope.current is not None
                start: tuple[str, Records] = scope.current
                link: ast.Relate | None = step
                while link is not None:
                    joins += 1
                    slot = f"p{joins}"
                    bindings = self.join(bindings, start, link.relationship.name, slot, optional=link.optional)
                    target = self.names.hop(link.relationship.name, start[1]).target
                    scope.bind(link.alias.name, slot, target)
                    start, link = (slot, target), link.nested
            elif isinstance(step, ast.PAGING_STEPS):
                assert scope.current is not None
                slot, records = scope.current
                members = Members(records, _by_id(row.get(records.key or "") for b in bindings
                                                  if (row := b[slot]) is not None))
                return self.after(members, steps[index:], scope.names_of(slot))
            elif not isinstance(step, ast.Distinct):
                raise NotEvaluable(f"{step.call_name} selects no profiles after PROFILE")
        assert scope.current is not None
        slot, records = scope.current
        return Members(records, _by_id(row.get(records.key or "") for b in bindings if (row := b[slot]) is not None))

    def join(self, bindings: list[dict[str, Row | None]], start: tuple[str, Records], relationship: str,
             slot: str, *, optional: bool) -> list[dict[str, Row | None]]:
        hop = self.names.hop(relationship, start[1])
        joined: list[dict[str, Row | None]] = []
        for binding in bindings:
            row = binding[start[0]]
            found = self.tables.matching(hop.target.table, hop.target_column,
                                         None if row is None else row.get(hop.from_column))
            joined.extend({**binding, slot: match} for match in found)
            if not found and optional:
                joined.append({**binding, slot: None})
        return joined

    # ------------------------------------------------------------ interactions

    def interaction(self, source: ast.Interaction, steps: tuple[ast.Step, ...]) -> Members:
        found = self.names.interaction(source, steps)
        scope = _Scope()
        scope.bind(found.records.table, "i", found.records)
        scope.bind(source.alias.name if source.alias else None, "i", found.records)
        scope.current = ("i", found.records)
        evaluator = Evaluator(scope.locate, self.now)
        conditions = [step.condition for step in steps if isinstance(step, ast.Filter)]
        havings = [step for step in steps if isinstance(step, ast.Having)]
        if len(conditions) + len(havings) != len(steps) or len(havings) > 1:
            raise NotEvaluable("INTERACTION is followed by FILTER steps and one HAVING only")
        op, count, since = ast.CompareOp.GE, 1, None
        if havings:
            op, count, since = self.having(havings[0])
        profiles = None
        if found.profiles is not None:
            key = found.profiles.key or ""
            profiles = {str(row[key]) for row in self.tables.rows(found.profiles.table) if row.get(key) is not None}
        counts: Counter[str] = Counter()
        for row in self.tables.rows(found.records.table):
            profile = row.get(found.profile_column)
            if profile is None or not all(evaluator.truth(c, {"i": row}) is True for c in conditions):
                continue
            if since is not None:
                moment = as_datetime(row.get(found.time_column))
                if moment is None or not since <= moment <= self.now:
                    continue
            counts[str(profile)] += 1
        ids = [profile for profile, seen in counts.items()
               if compare(seen, op, count) and (profiles is None or profile in profiles)]
        return Members(found.profiles, _by_id(ids))

    def having(self, step: ast.Having) -> tuple[ast.CompareOp, int, datetime | None]:
        """`COUNT() op n` and the first moment of its window (None for a lifetime count)."""
        condition = step.condition
        if not (isinstance(condition, ast.Comparison) and isinstance(condition.left, ast.Aggregate)
                and condition.left.function is ast.AggregateFunction.COUNT and condition.left.argument is None
                and isinstance(condition.right, ast.NumberLiteral) and condition.right.is_integer):
            raise NotEvaluable("HAVING counts: COUNT() <comparison> <whole number>")
        window = step.window
        if window is None:
            return condition.op, int(condition.right.value), None
        if not (isinstance(window, ast.Window) and isinstance(window.count, ast.NumberLiteral)):
            raise NotEvaluable("the window of HAVING is UTCDAYS, UTCMONTHS or UTCYEARS of a number")
        since = shift(self.now, _WINDOW_PARTS[window.unit], -int(window.count.value))
        return condition.op, int(condition.right.value), since

    # ------------------------------------------------------------ sets and segments

    def set_operation(self, node: ast.SetOperation) -> Members:
        first = self.query(node.operands[0])
        records, result = first.records, set(first.ids)
        for operator, operand in zip(node.operators, node.operands[1:]):
            other = set(self.query(operand).ids)
            if operator is ast.SetOp.UNION:
                result |= other
            elif operator is ast.SetOp.INTERSECT:
                result &= other
            else:
                result -= other
        return Members(records, _by_id(result))

    def segment(self, name: str) -> Members:
        if name.casefold() in self.stack:
            raise UnknownName(f"segment `{name}` references itself")
        try:
            query = self.segments(name) if self.segments is not None else None
        except LookupError as error:
            raise UnknownName(f"segment `{name}`: {error.args[0]}") from None
        if query is None:
            raise UnknownName(f"no segment `{name}`")
        inner = Run(self.names, self.tables, self.now, self.segments, (*self.stack, name.casefold()))
        return inner.query(query.body)

    # ------------------------------------------------------------ member fetch

    def fetch(self, members: Members, steps: tuple[ast.Step, ...], aliases: Iterable[str]) -> Members:
        """ORDERBY sorts the members' rows (then by primary key), SKIP and TAKE cut
        the sorted list, in the order written; SELECT changes no member."""
        records = members.records
        assert records is not None and records.key is not None
        scope = _Scope()
        for name in (records.table, *aliases):
            scope.bind(name, "f", records)
        scope.current = ("f", records)
        evaluator = Evaluator(scope.locate, self.now)
        key = records.key
        rows = _sorted(self._member_rows(members), [], key)
        for step in steps:
            if isinstance(step, ast.OrderBy):
                rows = _sorted(rows, [(evaluator, order.expr, order.direction is ast.Direction.DESC)
                                      for order in step.keys], key)
            elif isinstance(step, (ast.Skip, ast.Take)):
                count = evaluator.value(step.count, {})
                if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    raise NotEvaluable(f"{step.call_name} takes a whole number of 0 or more")
                rows = rows[count:] if isinstance(step, ast.Skip) else rows[:count]
            elif isinstance(step, ast.Select):
                for item in step.attributes:
                    if not isinstance(item, ast.Attribute):
                        raise NotEvaluable("SELECT names attributes")
                    scope.locate(item)
        return Members(records, tuple(str(row[key]) for row in rows))


def _order(left: Any, right: Any, descending: bool) -> int:
    """-1, 0 or 1: null is the smallest value, strings compare in lower case."""
    if left is None or right is None:
        result = (left is not None) - (right is not None)
    else:
        if isinstance(left, str) and isinstance(right, str):
            left, right = left.lower(), right.lower()
        result = (left > right) - (left < right)
    return -result if descending else result


def _sorted(rows: list[Row], keys: list[tuple[Evaluator, ast.Expr, bool]], primary_key: str) -> list[Row]:
    def compare_rows(a: Row, b: Row) -> int:
        for evaluator, expr, descending in keys:
            result = _order(evaluator.value(expr, {"f": a}), evaluator.value(expr, {"f": b}), descending)
            if result:
                return result
        return _order(a.get(primary_key), b.get(primary_key), False)
    return sorted(rows, key=functools.cmp_to_key(compare_rows))
