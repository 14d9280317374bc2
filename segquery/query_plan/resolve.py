"""Resolve a parsed query against a catalog into a plan, or report why it cannot run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable

from segquery.diagnostics import Diagnostic, make_diagnostic
from segquery.query_plan import codes
from segquery.query_plan.catalog import Catalog, Columns, TableLayout
from segquery.query_plan.dates import date_literal, window_start
from segquery.query_plan.model import (
    FIRST_ROW,
    INTERACTION_ROW,
    ChainPlan,
    ChainStep,
    ColumnRef,
    FETCH_ROW,
    FetchPlan,
    FetchStep,
    HavingPlan,
    InteractionPlan,
    Join,
    Plan,
    SegmentPlan,
    SetPlan,
    SortKey,
)
from segquery.semantic.schemas import link_type_table
from segquery.source import SourceText, Span
from segquery.suggest import did_you_mean
from segquery.syntax import ast
from segquery.syntax.printer import unparse

#: name -> the parsed query of that segment (None, or LookupError with the reason, when there is none).
SegmentSource = Callable[[str], "ast.Query | None"]

LABEL_WIDTH = 72


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    span: Span


class PlanError(Exception):
    """The query cannot run over the catalog's tables; `problems` say where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))

    def diagnostics(self, source: SourceText) -> list[Diagnostic]:
        return [make_diagnostic(source, p.code, p.message, p.span.start, p.span.end) for p in self.problems]


def resolve(query: ast.Query, catalog: Catalog, *, now: datetime,
            segments: SegmentSource | None = None) -> Plan:
    """The plan of `query`; raises PlanError listing every problem found."""
    return _Resolver(catalog, now, segments, ()).run(query)


def label(node: ast.Node, prefix: str = "") -> str:
    """What a funnel line shows for a step or operand: its canonical text, shortened."""
    text = prefix + " ".join(unparse(node).split())
    return text if len(text) <= LABEL_WIDTH else text[:LABEL_WIDTH - 1] + "…"


@dataclass(slots=True)
class _Scope:
    """The rows an expression can read: aliases (and table names) -> row, and the current row."""

    names: dict[str, tuple[str, Columns]]
    current: tuple[str, Columns]
    # What the names are of, in the message about a name that is none of them.
    owner: str = "this chain"

    def bind(self, name: str | None, row: str, columns: Columns) -> None:
        if name is not None:
            self.names[name.casefold()] = (row, columns)


class _Resolver:
    def __init__(self, catalog: Catalog, now: datetime, segments: SegmentSource | None,
                 stack: tuple[str, ...]) -> None:
        self.catalog = catalog
        self.now = now
        self.segments = segments
        self.stack = stack
        self.problems: list[Problem] = []
        self.columns: dict[int, ColumnRef] = {}

    def run(self, query: ast.Query) -> Plan:
        plan = self.query(query.body)
        if self.problems or plan is None:
            raise PlanError(sorted(self.problems, key=lambda p: (p.span.start, p.span.end)))
        return plan

    def report(self, code: str, message: str, node: ast.Node) -> None:
        self.problems.append(Problem(code, message, node.span))

    # ------------------------------------------------------------ query expressions

    def query(self, node: ast.QueryExpr) -> Plan | None:
        if isinstance(node, ast.SetOperation):
            operands = [self.query(operand) for operand in node.operands]
            if any(operand is None for operand in operands):
                return None
            return SetPlan(label(node), tuple(o for o in operands if o is not None), node.operators,
                           tuple(label(operand) for operand in node.operands))
        if isinstance(node, ast.Grouped):
            body = self.query(node.body)
            return body if body is None or not node.steps else self.members_chain(label(node.body), body, node.steps)
        if isinstance(node, ast.Chain):
            return self.chain(node)
        self.report(codes.NOT_COMPILABLE, "this part of the query has no meaning over data", node)
        return None

    def chain(self, node: ast.Chain) -> Plan | None:
        source = node.source
        if isinstance(source, ast.Profile):
            table = self.catalog.table(source.table.name)
            if table is None:
                self.unknown_table(source.table)
                return None
            scope = _Scope({}, (FIRST_ROW, table.columns))
            scope.bind(table.name, FIRST_ROW, table.columns)
            scope.bind(source.alias.name if source.alias else None, FIRST_ROW, table.columns)
            head, tail = _split_paging(node.steps)
            return self.paged(self.steps(label(source), table, None, scope, head), tail, scope)
        if isinstance(source, ast.SegmentRef):
            inner = self.segment(source)
            return inner if inner is None or not node.steps else self.members_chain(inner.label, inner, node.steps)
        if isinstance(source, ast.Interaction):
            head, tail = _split_paging(node.steps)
            return self.paged(self.interaction(source, head), tail)
        self.report(codes.NOT_COMPILABLE, "the parser could not read this source; it has no meaning over data", source)
        return None

    def members_chain(self, text: str, members: Plan, steps: tuple[ast.Step, ...]) -> Plan | None:
        """Steps after `SEGMENT(x)` or `(query)`: they start from the rows of the members."""
        table = self.table_of(members)
        if table is None:
            self.report(codes.NOT_COMPILABLE, "the profile table of these members is unknown, so steps "
                        "cannot follow them", steps[0])
            return None
        head, tail = _split_paging(steps)
        if not head:
            return self.paged(members, tail)
        scope = _Scope({}, (FIRST_ROW, table.columns))
        scope.bind(table.name, FIRST_ROW, table.columns)
        return self.paged(self.steps(text, table, members, scope, head), tail, scope)

    def table_of(self, plan: Plan) -> TableLayout | None:
        if isinstance(plan, ChainPlan):
            return plan.result_table
        if isinstance(plan, InteractionPlan):
            return plan.profile_table
        if isinstance(plan, (SegmentPlan, FetchPlan)):
            return self.table_of(plan.body if isinstance(plan, SegmentPlan) else plan.members_of)
        return self.table_of(plan.operands[0])

    # ------------------------------------------------------------ member fetch

    def paged(self, plan: Plan | None, steps: tuple[ast.Step, ...], chain: _Scope | None = None) -> Plan | None:
        """Member-fetch steps after `plan`, and any steps after them (which start
        from the members fetched). `chain` is the scope of the chain before them:
        its names of the members' own row stay usable."""
        if plan is None or not steps:
            return plan
        paging, rest = _leading_paging(steps)
        fetched = self.fetch(plan, paging, chain)
        return fetched if fetched is None or not rest else self.members_chain(fetched.label, fetched, rest)

    def fetch(self, plan: Plan, steps: tuple[ast.Step, ...], chain: _Scope | None) -> FetchPlan | None:
        table = self.table_of(plan)
        if table is None:
            self.report(codes.NOT_COMPILABLE, f"the profile table of these members is unknown, so "
                        f"{_step_name(steps[0])} cannot sort or page them", steps[0])
            return None
        scope = _Scope({}, (FETCH_ROW, table.columns), "the members, whose own row ORDERBY and SELECT read")
        scope.bind(table.name, FETCH_ROW, table.columns)
        if chain is not None:       # the aliases that named the members' own row
            for name, (row, _) in list(chain.names.items()):
                if row == chain.current[0]:
                    scope.bind(name, FETCH_ROW, table.columns)
        resolved = [self.fetch_step(step, scope) for step in steps]
        if any(step is None for step in resolved):
            return None
        return FetchPlan(plan.label, plan, table, tuple(step for step in resolved if step is not None), self.columns)

    def fetch_step(self, step: ast.Step, scope: _Scope) -> FetchStep | None:
        text = label(step, ".")
        if isinstance(step, ast.OrderBy):
            for key in step.keys:
                self.expression(key.expr, scope)
            return FetchStep(text, keys=tuple(SortKey(key.expr, key.direction is ast.Direction.DESC)
                                              for key in step.keys))
        if isinstance(step, (ast.Skip, ast.Take)):
            count = _whole_number(step.count)
            if count is None or count < 0:
                self.report(codes.NOT_COMPILABLE, f"{_step_name(step)} takes a whole number of members, 0 or "
                            f"more, written as a number", step.count)
                return None
            return FetchStep(text, skip=count) if isinstance(step, ast.Skip) else FetchStep(text, take=count)
        assert isinstance(step, ast.Select), "only member-fetch steps reach fetch_step"
        selected: list[ColumnRef] = []
        for item in step.attributes:
            if not isinstance(item, ast.Attribute):
                self.report(codes.NOT_COMPILABLE, "SELECT names attributes of the members, one by one", item)
                continue
            self.attribute(item, scope)
            if id(item) in self.columns:
                selected.append(self.columns[id(item)])
        return FetchStep(text, select=tuple(selected))

    # ------------------------------------------------------------ chains

    def steps(self, text: str, table: TableLayout, members: Plan | None, scope: _Scope,
              steps: tuple[ast.Step, ...]) -> ChainPlan | None:
        resolved: list[ChainStep] = []
        current, current_table = FIRST_ROW, table
        for step in steps:
            if isinstance(step, ast.Filter):
                self.expression(step.condition, scope)
                resolved.append(ChainStep(label(step, "."), (), (step.condition,), current, current_table))
            elif isinstance(step, ast.Distinct):
                resolved.append(ChainStep(label(step, "."), (), (), current, current_table))
            elif isinstance(step, ast.Traverse):
                join = self.join(step.relationship, current, current_table,
                                 f"t{sum(len(done.joins) for done in resolved) + 1}")
                if join is None:
                    return None
                scope.bind(join.table.name, join.row, join.table.columns)
                scope.bind(step.alias.name if step.alias else None, join.row, join.table.columns)
                scope.current = (join.row, join.table.columns)
                conditions: tuple[ast.Expr, ...] = ()
                if step.filter is not None:
                    self.expression(step.filter.condition, scope)
                    conditions = (step.filter.condition,)
                current, current_table = join.row, join.table
                resolved.append(ChainStep(label(step, "."), (join,), conditions, current, current_table))
            elif isinstance(step, ast.Relate):
                joins = self.relate(step, current, current_table, scope,
                                    sum(len(done.joins) for done in resolved) + 1)
                if joins is None:
                    return None
                resolved.append(ChainStep(label(step, "."), joins, (), current, current_table))
            elif isinstance(step, ast.Having):
                self.report(codes.NOT_COMPILABLE, "HAVING counts interactions; after PROFILE, TRAVERSE or "
                            "RELATE there are none to count", step)
                return None
            else:
                self.report(codes.NOT_COMPILABLE, "the parser could not read this step; it has no meaning "
                            "over data", step)
                return None
        return ChainPlan(text, table, members, tuple(resolved), self.columns)

    def relate(self, step: ast.Relate, row: str, table: TableLayout, scope: _Scope,
               number: int) -> tuple[Join, ...] | None:
        """RELATE and RELATEOPTIONAL: joins along the path; the chain stays on its profile."""
        joins: list[Join] = []
        node: ast.Relate | None = step
        while node is not None:
            join = self.join(node.relationship, row, table, f"t{number + len(joins)}", node.optional)
            if join is None:
                return None
            scope.bind(node.alias.name, join.row, join.table.columns)
            joins.append(join)
            row, table, node = join.row, join.table, node.nested
        return tuple(joins)

    def join(self, name: ast.Identifier, row: str, table: TableLayout, new_row: str,
             optional: bool = False) -> Join | None:
        relationship = self.catalog.relationship(name.name)
        target_name = relationship.other_end(table.name) if relationship is not None else None
        if relationship is None or target_name is None:
            touching = [r.name for r in self.catalog.schema.relationships_of(table.name)]
            guess = did_you_mean(name.name, touching)
            hint = f"; did you mean `{guess}`?" if guess else ""
            where = f" of table `{table.name}`" if relationship is not None or touching else ""
            self.report(codes.UNKNOWN_RELATIONSHIP, f"`{name.name}` is no relationship{where}{hint}", name)
            return None
        target = self.catalog.table(target_name)
        if target is None:
            self.report(codes.UNKNOWN_TABLE, f"`{name.name}` leads to table `{target_name}`, which the data "
                        f"does not have", name)
            return None
        if relationship.referencing_table.casefold() == table.name.casefold():
            # From the table holding the lookup to the table it points at.
            lookup = table.columns.find(relationship.referencing_attribute)
            if lookup is None:
                self.report(codes.UNKNOWN_COLUMN, f"`{name.name}` joins on `{table.name}."
                            f"{relationship.referencing_attribute}`, which the data does not have", name)
                return None
            return Join(new_row, target, target.primary_key, row, lookup, optional)
        lookup = target.columns.find(relationship.referencing_attribute)
        if lookup is None:
            self.report(codes.UNKNOWN_COLUMN, f"`{name.name}` joins on `{target.name}."
                        f"{relationship.referencing_attribute}`, which the data does not have", name)
            return None
        return Join(new_row, target, lookup, row, table.primary_key, optional)

    # ------------------------------------------------------------ interactions

    def interaction(self, source: ast.Interaction, steps: tuple[ast.Step, ...]) -> InteractionPlan | None:
        layout = self.catalog.interaction(source.interaction_type.name)
        if layout is None:
            guess = self.catalog.suggest_interaction(source.interaction_type.name)
            hint = f"; did you mean `{guess}`?" if guess else ""
            self.report(codes.UNKNOWN_INTERACTION, f"the data has no interaction table "
                        f"`{source.interaction_type.name}`{hint}", source.interaction_type)
            return None
        link = source.link_type.name
        profile_column: str | None
        profile_name: str | None
        if layout.realtime:
            profile_column = layout.columns.find(link)
            profile_name = _discriminated_table(steps, link) or "contact"
        else:
            profile_name = link_type_table(layout.name, link)
            profile_column = layout.profile_columns.get(profile_name or "") or (
                layout.columns.find(f"{profile_name}id") if profile_name else None)
        if profile_column is None:
            self.report(codes.UNKNOWN_INTERACTION, f"interaction table `{layout.name}` has no profile id column "
                        f"for `{link}`", source.link_type)
            return None
        scope = _Scope({}, (INTERACTION_ROW, layout.columns))
        scope.bind(layout.name, INTERACTION_ROW, layout.columns)
        scope.bind(source.alias.name if source.alias else None, INTERACTION_ROW, layout.columns)
        conditions: list[ast.Expr] = []
        condition_labels: list[str] = []
        having: HavingPlan | None = None
        for step in steps:
            if isinstance(step, ast.Filter):
                self.expression(step.condition, scope)
                conditions.append(step.condition)
                condition_labels.append(label(step, "."))
            elif isinstance(step, ast.Having) and having is None:
                having = self.having(step, layout.timestamp)
            else:
                self.report(codes.NOT_COMPILABLE, f"{_step_name(step)} cannot follow INTERACTION in a query "
                            f"run over data", step)
        profile_table = self.catalog.table(profile_name) if profile_name else None
        return InteractionPlan(label(source), layout, profile_column, profile_table, tuple(conditions),
                               tuple(condition_labels), having, self.columns)

    def having(self, step: ast.Having, timestamp: str | None) -> HavingPlan | None:
        condition = step.condition
        if not (isinstance(condition, ast.Comparison) and isinstance(condition.left, ast.Aggregate)
                and condition.left.function is ast.AggregateFunction.COUNT and condition.left.argument is None
                and isinstance(condition.right, ast.NumberLiteral) and condition.right.is_integer):
            self.report(codes.NOT_COMPILABLE, "HAVING runs as `COUNT() <comparison> <whole number>`; "
                        "this condition has no meaning as a count", condition)
            return None
        since = until = None
        if step.window is not None:
            window = step.window
            if not (isinstance(window, ast.Window) and isinstance(window.count, ast.NumberLiteral)
                    and window.count.is_integer):
                self.report(codes.NOT_COMPILABLE, "the window of HAVING must be UTCDAYS, UTCMONTHS or "
                            "UTCYEARS of a whole number", window)
                return None
            if timestamp is None:
                self.report(codes.UNKNOWN_COLUMN, "this interaction table has no timestamp column to "
                            "count within a window", window)
                return None
            since, until = window_start(self.now, window.unit, int(window.count.value)), self.now
        return HavingPlan(label(step, "."), condition.op, int(condition.right.value), since, until)

    # ------------------------------------------------------------ segments

    def segment(self, source: ast.SegmentRef) -> SegmentPlan | None:
        name = source.name.name
        if name.casefold() in self.stack:
            path = " -> ".join((*self.stack, name))
            self.report(codes.UNRESOLVED_SEGMENT, f"`{name}` references itself: {path}", source.name)
            return None
        try:
            query = self.segments(name) if self.segments is not None else None
        except LookupError as error:
            self.report(codes.UNRESOLVED_SEGMENT, f"cannot inline `{name}`: {error.args[0]}", source.name)
            return None
        if query is None:
            self.report(codes.UNRESOLVED_SEGMENT, f"no segment named `{name}` to inline", source.name)
            return None
        inner = _Resolver(self.catalog, self.now, self.segments, (*self.stack, name.casefold()))
        try:
            body = inner.run(query)
        except PlanError as error:
            first = error.problems[0] if error.problems else None
            reason = f"{first.code} {first.message}" if first else "it cannot be inlined"
            self.report(codes.UNRESOLVED_SEGMENT, f"segment `{name}` cannot run over the data: {reason}",
                        source.name)
            return None
        return SegmentPlan(label(source), body)

    # ------------------------------------------------------------ expressions

    def expression(self, node: ast.Expr, scope: _Scope) -> None:
        """Resolve every attribute of `node`; report what has no meaning over rows."""
        stack: list[ast.Node] = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, ast.Attribute):
                self.attribute(current, scope)
            elif isinstance(current, (ast.Aggregate, ast.Window, ast.Call, ast.OrderKey)):
                self.report(codes.NOT_COMPILABLE, f"`{label(current)}` has no meaning in a condition "
                            f"over rows", current)
            elif isinstance(current, ast.DateLiteral) and date_parts(current) is None:
                self.report(codes.NOT_COMPILABLE, "DATE(...) takes whole numbers that name a moment "
                            "(year, month, day, then hour, minute, second, millisecond)", current)
            elif isinstance(current, ast.Expr):
                stack.extend(current.children())

    def attribute(self, node: ast.Attribute, scope: _Scope) -> None:
        if node.qualifier is not None:
            bound = scope.names.get(node.qualifier.name.casefold())
            if bound is None:
                known = ", ".join(f"`{name}`" for name in scope.names) or "none"
                self.report(codes.UNKNOWN_ALIAS, f"`{node.qualifier.name}` is no alias or table of "
                            f"{scope.owner} (known here: {known})", node.qualifier)
                return
        else:
            bound = scope.current
        row, columns = bound
        column = columns.find(node.name.name)
        if column is None:
            guess = columns.suggest(node.name.name)
            hint = f"; did you mean `{guess}`?" if guess else ""
            self.report(codes.UNKNOWN_COLUMN, f"the data has no column `{node.name.name}` there{hint}", node.name)
            return
        self.columns[id(node)] = ColumnRef(row, column, columns.kind(column))

    def unknown_table(self, name: ast.Identifier) -> None:
        guess = self.catalog.suggest_table(name.name)
        hint = f"; did you mean `{guess}`?" if guess else ""
        self.report(codes.UNKNOWN_TABLE, f"the data has no table `{name.name}`{hint}", name)


def _whole_number(node: ast.Expr) -> int | None:
    if isinstance(node, ast.Negate):
        inner = _whole_number(node.operand)
        return None if inner is None else -inner
    return int(node.value) if isinstance(node, ast.NumberLiteral) and node.is_integer and not node.too_long else None


def date_parts(node: ast.DateLiteral) -> datetime | None:
    """The moment DATE(...) names, when its parts are whole numbers that name one."""
    parts = [_whole_number(part) for part in node.parts]
    if len(parts) < 3 or any(part is None for part in parts):
        return None
    return date_literal([part for part in parts if part is not None])


def _split_paging(steps: tuple[ast.Step, ...]) -> tuple[tuple[ast.Step, ...], tuple[ast.Step, ...]]:
    """The steps before the first member-fetch step, and that step with all after it."""
    first = next((index for index, step in enumerate(steps) if isinstance(step, ast.PAGING_STEPS)), len(steps))
    return steps[:first], steps[first:]


def _leading_paging(steps: tuple[ast.Step, ...]) -> tuple[tuple[ast.Step, ...], tuple[ast.Step, ...]]:
    """The member-fetch steps at the start of `steps`, and the steps after them."""
    end = next((index for index, step in enumerate(steps) if not isinstance(step, ast.PAGING_STEPS)), len(steps))
    return steps[:end], steps[end:]


def _step_name(step: ast.Node) -> str:
    return getattr(step, "call_name", None) or type(step).__name__.upper()


def _discriminated_table(steps: tuple[ast.Step, ...], column: str) -> str | None:
    """The profile table a real-time interaction's FILTER names with
    `<profile id column>_LogicalName == 'contact'`."""
    wanted = f"{column}_logicalname".casefold()
    for step in steps:
        if not isinstance(step, ast.Filter):
            continue
        for node in ast.walk(step.condition):
            if (isinstance(node, ast.Comparison) and node.op is ast.CompareOp.EQ
                    and isinstance(node.left, ast.Attribute) and node.left.name.name.casefold() == wanted
                    and isinstance(node.right, ast.StringLiteral)):
                return node.right.value.lower()
    return None
