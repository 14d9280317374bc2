"""What a query means over data shaped like a Dataverse export.

`resolve` turns a parsed query into a `Plan`: which table each chain reads,
the joins of TRAVERSE/RELATE, the interaction table, counts and windows of
HAVING, set operations, member-fetch steps (ORDERBY, SKIP, TAKE, SELECT), and
`SEGMENT(x)` references inlined. Names are checked against a `Catalog` (the
tables and columns there are), and every problem is a diagnostic with a
position (Q001-Q007).

The SQL compiler (`segquery.sql`) and the preview start from a plan. The
reference evaluator (`segquery.evaluate`) does not: it resolves names on its
own, so that a mistake here cannot hide from the tests that compare the two.
"""

from segquery.query_plan.catalog import Catalog, InteractionLayout, TableLayout
from segquery.query_plan.kinds import ColumnKind
from segquery.query_plan.model import (
    ChainPlan,
    ColumnRef,
    FetchPlan,
    FetchStep,
    HavingPlan,
    InteractionPlan,
    Join,
    Plan,
    SetPlan,
    SortKey,
    Stage,
    Window,
    stages,
)
from segquery.query_plan.resolve import PlanError, SegmentSource, resolve

__all__ = [
    "Catalog",
    "ChainPlan",
    "ColumnKind",
    "ColumnRef",
    "FetchPlan",
    "FetchStep",
    "HavingPlan",
    "InteractionLayout",
    "InteractionPlan",
    "Join",
    "Plan",
    "PlanError",
    "SegmentSource",
    "SetPlan",
    "SortKey",
    "Stage",
    "TableLayout",
    "Window",
    "resolve",
    "stages",
]
