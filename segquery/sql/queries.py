"""Plans as SELECT statements that return one column, `profileid`: the members."""

from __future__ import annotations

from datetime import datetime

from sqlglot import exp

from segquery.query_plan.kinds import ColumnKind
from segquery.query_plan.model import (FETCH_ROW, INTERACTION_ROW, ChainPlan, FetchPlan, InteractionPlan, Plan,
                                       SegmentPlan, SetPlan, Window)
from segquery.sql.expressions import ExpressionCompiler, column, timestamp

ID_COLUMN = "profileid"

_SET_OPERATIONS = {"UNION": exp.Union, "INTERSECT": exp.Intersect, "EXCEPT": exp.Except}


def _table(name: str, alias: str) -> exp.Table:
    return exp.Table(this=exp.to_identifier(name, quoted=True), alias=exp.TableAlias(
        this=exp.to_identifier(alias, quoted=True)))


def _id(node: exp.Expr) -> exp.Expr:
    return exp.alias_(node, exp.to_identifier(ID_COLUMN, quoted=True), copy=False)


class QueryCompiler:
    def __init__(self, now: datetime) -> None:
        self.now = now
        self._subqueries = 0

    def select(self, plan: Plan) -> exp.Query:
        if isinstance(plan, FetchPlan):
            return self.fetch(plan)
        if isinstance(plan, ChainPlan):
            return self._chain(plan)
        if isinstance(plan, InteractionPlan):
            return self._interaction(plan)
        if isinstance(plan, SegmentPlan):
            return self.select(plan.body)
        return self._set(plan)

    def _alias(self) -> str:
        self._subqueries += 1
        return f"s{self._subqueries}"

    def from_members(self, plan: Plan) -> exp.Select:
        """`SELECT profileid FROM (<plan>) AS sN`: a plan as a table."""
        return exp.select(column(self._alias(), ID_COLUMN).this).from_(
            exp.Subquery(this=self.select(plan), alias=exp.TableAlias(this=exp.to_identifier(
                f"s{self._subqueries}", quoted=True))), copy=False)

    def _chain(self, plan: ChainPlan) -> exp.Select:
        expressions = ExpressionCompiler(plan.columns, self.now)
        key = column(plan.current, plan.result_table.primary_key)
        select = exp.select(_id(key)).distinct().from_(_table(plan.table.name, "t0"), copy=False)
        for join in plan.joins:
            select = select.join(_table(join.table.name, join.row), on=exp.EQ(
                this=column(join.row, join.column), expression=column(join.from_row, join.from_column)),
                join_type="LEFT" if join.optional else None, copy=False)
        conditions: list[exp.Expr] = [exp.not_(exp.Is(this=key.copy(), expression=exp.Null()))]
        if plan.members_of is not None:
            conditions.append(exp.In(this=column("t0", plan.table.primary_key),
                                     query=exp.Subquery(this=self.select(plan.members_of))))
        conditions += [expressions.condition(condition) for condition in plan.conditions]
        return select.where(*conditions, copy=False)

    def _interaction(self, plan: InteractionPlan) -> exp.Select:
        expressions = ExpressionCompiler(plan.columns, self.now)
        key = column(INTERACTION_ROW, plan.profile_column)
        conditions: list[exp.Expr] = [exp.not_(exp.Is(this=key.copy(), expression=exp.Null()))]
        conditions += [expressions.condition(condition) for condition in plan.conditions]
        having = plan.having
        if having is not None and having.since is not None and having.until is not None:
            stamp = column(INTERACTION_ROW, plan.interaction.timestamp or "")
            conditions.append(exp.Between(this=stamp, low=timestamp(having.since), high=timestamp(having.until)))
        if plan.profile_table is not None:
            profiles = exp.select(column("p", plan.profile_table.primary_key)).from_(
                _table(plan.profile_table.name, "p"), copy=False)
            conditions.append(exp.In(this=key.copy(), query=exp.Subquery(this=profiles)))
        select = exp.select(_id(key)).from_(_table(plan.interaction.name, INTERACTION_ROW), copy=False)
        select = select.where(*conditions, copy=False).group_by(key.copy(), copy=False)
        op, count = (having.op.value, having.count) if having is not None else (">=", 1)
        comparison = {"==": exp.EQ, "!=": exp.NEQ, ">": exp.GT, ">=": exp.GTE, "<": exp.LT, "<=": exp.LTE}[op]
        return select.having(comparison(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(count)),
                             copy=False)

    def fetch(self, plan: FetchPlan, *, ordered: bool = False, limit: int | None = None,
              selected: bool = False) -> exp.Select:
        """The members of each window in turn. The last window is sorted when `ordered`
        (a statement's result), kept to `limit` more rows, and adds the SELECT
        columns when `selected`; inner windows are sorted only where SKIP or TAKE cut them."""
        members: exp.Query = self.select(plan.members_of)
        windows = plan.windows
        for index, window in enumerate(windows):
            last = index == len(windows) - 1
            if last and limit is not None:
                window = Window(window.keys, window.offset,
                                limit if window.limit is None else min(limit, window.limit))
            members = self._window(plan, window, members, ordered=last and ordered,
                                   selected=last and selected)
        assert isinstance(members, exp.Select)
        return members

    def _window(self, plan: FetchPlan, window: Window, members: exp.Query, *, ordered: bool,
                selected: bool) -> exp.Select:
        """`SELECT f.<key> FROM <table> f WHERE f.<key> IN (<members>) ORDER BY ... OFFSET ... LIMIT ...`"""
        key = column(FETCH_ROW, plan.table.primary_key)
        outputs = [_id(key)]
        if selected:
            outputs += [exp.alias_(column(FETCH_ROW, ref.column), exp.to_identifier(ref.column, quoted=True))
                        for ref in plan.selected]
        select = exp.select(*outputs).from_(_table(plan.table.name, FETCH_ROW), copy=False).where(
            exp.not_(exp.Is(this=key.copy(), expression=exp.Null())),
            exp.In(this=key.copy(), query=exp.Subquery(this=members)), copy=False)
        if not (ordered or window.cuts):
            return select
        expressions = ExpressionCompiler(plan.columns, self.now)
        order = []
        for sort in window.keys:
            value, kind = expressions.compile(sort.expr)
            if kind is ColumnKind.STRING:
                value = exp.Lower(this=value)
            # Null is the smallest value: first in ascending order, last in descending order.
            order.append(exp.Ordered(this=value, desc=sort.descending, nulls_first=not sort.descending))
        order.append(exp.Ordered(this=key.copy(), desc=False, nulls_first=True))
        select = select.order_by(*order, copy=False)
        if window.offset:
            select = select.offset(window.offset, copy=False)
        if window.limit is not None:
            select = select.limit(window.limit, copy=False)
        return select

    def _set(self, plan: SetPlan) -> exp.Query:
        result: exp.Query = self._operand(plan.operands[0])
        for operator, operand in zip(plan.operators, plan.operands[1:]):
            left = result if isinstance(result, exp.Select) else self._wrapped(result)
            result = _SET_OPERATIONS[operator.value](this=left, expression=self._operand(operand), distinct=True)
        return result

    def _operand(self, plan: Plan) -> exp.Select:
        """A plan as an operand of a set operation: a sorted or cut SELECT, and a set
        operation, go in a subquery (ORDER BY and LIMIT would apply to the whole)."""
        selected = self.select(plan)
        cut = any(selected.args.get(part) for part in ("order", "limit", "offset"))
        if isinstance(selected, exp.Select) and not cut:
            return selected
        return self._wrapped(selected)

    def _wrapped(self, query: exp.Query) -> exp.Select:
        """A query as a plain SELECT, so the next operator applies to all of it
        (SQL gives INTERSECT precedence over UNION; the query language does not)."""
        alias = self._alias()
        return exp.select(exp.column(exp.to_identifier(ID_COLUMN, quoted=True))).from_(
            exp.Subquery(this=query, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))), copy=False)
