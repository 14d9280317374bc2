"""The plan of a query: what each part reads, joins, keeps and counts.

Every plan selects a set of profile ids. Conditions stay syntax-tree
expressions; `columns` maps each attribute in them (by identity) to the
plan row and column it reads, so a compiler or an evaluator never looks a
name up again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Mapping, Union

from segquery.query_plan.catalog import InteractionLayout, TableLayout
from segquery.query_plan.kinds import ColumnKind
from segquery.syntax import ast

# The name of the rows of the first table of a chain; joined tables are t1, t2...
FIRST_ROW = "t0"
# The name of the rows of an interaction table.
INTERACTION_ROW = "i"
# The name of the members' own rows, which ORDERBY and SELECT read.
FETCH_ROW = "f"


@dataclass(frozen=True, slots=True)
class ColumnRef:
    """A column of one row of the plan (`row` is FIRST_ROW, a join's row, or INTERACTION_ROW)."""

    row: str
    column: str
    kind: ColumnKind


@dataclass(frozen=True, slots=True)
class Join:
    """Rows of `table`, named `row`, whose `column` equals `from_column` of row `from_row`.
    An optional join (RELATEOPTIONAL) keeps the rows that have no match, with nulls."""

    row: str
    table: TableLayout
    column: str
    from_row: str
    from_column: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One step of a chain: the joins and conditions it adds, and the row whose ids
    the chain selects after it (TRAVERSE moves to the joined row, RELATE does not)."""

    label: str
    joins: tuple[Join, ...]
    conditions: tuple[ast.Expr, ...]
    current: str
    table: TableLayout


@dataclass(frozen=True, slots=True)
class ChainPlan:
    """`PROFILE(t)` (or a set of members) followed by FILTER, TRAVERSE, RELATE steps.

    The chain's rows are those of `table` (row FIRST_ROW, restricted to the ids
    `members_of` selects when it is given) joined as the steps say; a row is
    kept when every condition is true. The chain selects the distinct ids of
    the current row of its last step.
    """

    label: str
    table: TableLayout
    members_of: "Plan | None"
    steps: tuple[ChainStep, ...]
    columns: Mapping[int, ColumnRef]

    @property
    def current(self) -> str:
        return self.steps[-1].current if self.steps else FIRST_ROW

    @property
    def result_table(self) -> TableLayout:
        return self.steps[-1].table if self.steps else self.table

    @property
    def joins(self) -> tuple[Join, ...]:
        return tuple(join for step in self.steps for join in step.joins)

    @property
    def conditions(self) -> tuple[ast.Expr, ...]:
        return tuple(condition for step in self.steps for condition in step.conditions)


@dataclass(frozen=True, slots=True)
class HavingPlan:
    """`COUNT() <op> count`, over the interactions at or after `since` and at or
    before `until` (both None for a lifetime count)."""

    label: str
    op: ast.CompareOp
    count: int
    since: datetime | None
    until: datetime | None


@dataclass(frozen=True, slots=True)
class InteractionPlan:
    """Profiles whose interactions (rows of `interaction` kept by `conditions`)
    satisfy `having`; without `having`, profiles with at least one such row.
    With `profile_table`, only ids that are rows of that table count."""

    label: str
    interaction: InteractionLayout
    profile_column: str
    profile_table: TableLayout | None
    conditions: tuple[ast.Expr, ...]
    condition_labels: tuple[str, ...]
    having: HavingPlan | None
    columns: Mapping[int, ColumnRef]


@dataclass(frozen=True, slots=True)
class SegmentPlan:
    """`SEGMENT(x)`: the plan of segment x's own query, inlined."""

    label: str
    body: "Plan"


@dataclass(frozen=True, slots=True)
class SetPlan:
    """Operands combined left to right (`A INTERSECT B EXCEPT C` is `(A INTERSECT B) EXCEPT C`)."""

    label: str
    operands: tuple["Plan", ...]
    operators: tuple[ast.SetOp, ...]
    operand_labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SortKey:
    """One ORDERBY key: an expression over the member's own row (FETCH_ROW)."""

    expr: ast.Expr
    descending: bool


@dataclass(frozen=True, slots=True)
class FetchStep:
    """ORDERBY (`keys`), SKIP (`skip`), TAKE (`take`) or SELECT (`select`)."""

    label: str
    keys: tuple[SortKey, ...] | None = None
    skip: int | None = None
    take: int | None = None
    select: tuple[ColumnRef, ...] | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """Members sorted by `keys`, then by primary key; the first `offset` left out,
    at most `limit` kept (None: all)."""

    keys: tuple[SortKey, ...]
    offset: int = 0
    limit: int | None = None

    @property
    def cuts(self) -> bool:
        return self.offset > 0 or self.limit is not None


@dataclass(frozen=True, slots=True)
class FetchPlan:
    """Member-fetch steps (ORDERBY, SKIP, TAKE, SELECT) over the members of
    `members_of`, whose rows are those of `table`."""

    label: str
    members_of: "Plan"
    table: TableLayout
    steps: tuple[FetchStep, ...]
    columns: Mapping[int, ColumnRef]

    @property
    def windows(self) -> tuple[Window, ...]:
        """The steps folded into windows. A later ORDERBY replaces an earlier one,
        unless SKIP or TAKE came between: then it sorts what they kept (a new window)."""
        windows = [Window(())]
        for step in self.steps:
            last = windows[-1]
            if step.keys is not None:
                if last.cuts:
                    windows.append(Window(step.keys))
                else:
                    windows[-1] = replace(last, keys=step.keys)
            elif step.skip is not None:
                limit = None if last.limit is None else max(0, last.limit - step.skip)
                windows[-1] = replace(last, offset=last.offset + step.skip, limit=limit)
            elif step.take is not None:
                windows[-1] = replace(last, limit=step.take if last.limit is None else min(last.limit, step.take))
        return tuple(windows)

    @property
    def selected(self) -> tuple[ColumnRef, ...]:
        """The columns the last SELECT names (none without SELECT)."""
        chosen = [step.select for step in self.steps if step.select is not None]
        return chosen[-1] if chosen else ()


Plan = Union[ChainPlan, InteractionPlan, SegmentPlan, SetPlan, FetchPlan]


@dataclass(frozen=True, slots=True)
class Stage:
    """One line of a funnel: the members after a step or a set operation.
    `depth` is the nesting of set operations (operands are one deeper)."""

    depth: int
    label: str
    plan: Plan


def stages(plan: Plan, depth: int = 0) -> list[Stage]:
    """Every stage of a plan, in reading order, the whole query last."""
    if isinstance(plan, ChainPlan):
        first = replace(plan, steps=())
        return [Stage(depth, plan.label, first)] + [
            Stage(depth, step.label, replace(plan, steps=plan.steps[:index + 1]))
            for index, step in enumerate(plan.steps)]
    if isinstance(plan, InteractionPlan):
        found = [Stage(depth, plan.label, replace(plan, conditions=(), condition_labels=(), having=None))]
        for index, label in enumerate(plan.condition_labels):
            found.append(Stage(depth, label, replace(plan, conditions=plan.conditions[:index + 1],
                                                     condition_labels=plan.condition_labels[:index + 1],
                                                     having=None)))
        if plan.having is not None:
            found.append(Stage(depth, plan.having.label, plan))
        return found
    if isinstance(plan, SegmentPlan):
        return [Stage(depth, plan.label, plan)]
    if isinstance(plan, FetchPlan):
        return stages(plan.members_of, depth) + [
            Stage(depth, step.label, replace(plan, steps=plan.steps[:index + 1]))
            for index, step in enumerate(plan.steps)]
    found = stages(plan.operands[0], depth + 1)
    for index, operator in enumerate(plan.operators):
        operand = plan.operands[index + 1]
        found += stages(operand, depth + 1)
        partial = SetPlan(plan.label, plan.operands[:index + 2], plan.operators[:index + 1],
                          plan.operand_labels[:index + 2])
        found.append(Stage(depth, f"{operator.value} {plan.operand_labels[index + 1]}", partial))
    return found
