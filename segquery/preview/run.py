"""Preview: the member count of every stage of a query, and the first members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from segquery.query_plan import Catalog, FetchPlan, Plan, SegmentSource, resolve, stages
from segquery.preview.engines import Engine
from segquery.schema import Schema
from segquery.sql import count_query, members_query, render
from segquery.syntax import ast

#: Called before each stage runs: (index from 0, number of stages, label).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class StageCount:
    depth: int
    label: str
    members: int


@dataclass(frozen=True, slots=True)
class PreviewResult:
    stages: tuple[StageCount, ...]
    members: tuple[str, ...]
    in_query_order: bool = False    # the members come in a member fetch's order, not by id

    @property
    def total(self) -> int:
        return self.stages[-1].members

    def to_dict(self) -> dict:
        return {"members": self.total,
                "stages": [{"depth": s.depth, "step": s.label, "members": s.members} for s in self.stages],
                "first_members": list(self.members), "order": "query" if self.in_query_order else "id"}


def plan_for(query: ast.Query, engine: Engine, *, now: datetime, schema: Schema | None = None,
             segments: SegmentSource | None = None) -> Plan:
    """The plan of `query` over the tables the engine found (PlanError when a name is missing)."""
    return resolve(query, Catalog.from_columns(engine.columns(), schema), now=now, segments=segments)


def preview(plan: Plan, engine: Engine, *, now: datetime, members: int = 0,
            progress: Progress | None = None) -> PreviewResult:
    """Count the members of every stage (each step and each set operation), then list `members` ids."""
    found = stages(plan)
    counts: list[StageCount] = []
    for index, stage in enumerate(found):
        if progress is not None:
            progress(index, len(found), stage.label)
        (count,), = engine.rows(render(count_query(stage.plan, now=now), engine.dialect, pretty=False))
        counts.append(StageCount(stage.depth, stage.label, int(count)))
    first: tuple[str, ...] = ()
    if members > 0:
        rows = engine.rows(render(members_query(plan, now=now, limit=members), engine.dialect, pretty=False))
        first = tuple(str(row[0]) for row in rows)
    return PreviewResult(tuple(counts), first, isinstance(plan, FetchPlan))
