"""What a query means over data shaped like a Dataverse export.

`resolve` turns a parsed query into a `Plan`: which table each chain reads,
the joins of TRAVERSE/RELATE, the interaction table, counts and windows of
HAVING, set operations, and `SEGMENT(x)` references inlined. Names are
checked against a `Catalog` (the tables and columns there are), and every
problem is a diagnostic with a position (Q001-Q007).

The SQL compiler (`segquery.sql`) and the reference evaluator
(`segquery.evaluate`) both start from a plan; neither depends on the other.
"""

from segquery.query_plan.catalog import Catalog, InteractionLayout, TableLayout
from segquery.query_plan.kinds import ColumnKind
from segquery.query_plan.model import (
    ChainPlan,
    ColumnRef,
    HavingPlan,
    InteractionPlan,
    Join,
    Plan,
    SetPlan,
    Stage,
    stages,
)
from segquery.query_plan.resolve import PlanError, SegmentSource, resolve

__all__ = [
    "Catalog",
    "ChainPlan",
    "ColumnKind",
    "ColumnRef",
    "HavingPlan",
    "InteractionLayout",
    "InteractionPlan",
    "Join",
    "Plan",
    "PlanError",
    "SegmentSource",
    "SetPlan",
    "Stage",
    "TableLayout",
    "resolve",
    "stages",
]
