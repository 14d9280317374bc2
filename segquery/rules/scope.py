"""How far a rule looks: what a finding of the rule may depend on.

The language server keeps the findings of STEP rules per unit of the query (a
chain step, or an operand of a long FILTER condition: segquery/step_units.py)
and checks again only the units an edit touched (segquery/step_findings.py);
QUERY rules run over the whole query on every check.
"""

from __future__ import annotations

import enum


class RuleScope(enum.Enum):
    # A finding made at a node inside a chain step depends only on that step: its nodes and tokens, the
    # types of their parents, the text between it and its neighbours, the records and aliases it reads
    # (its StepScope), the names of the aliases its chain declares, the kind of chain that holds it, and
    # the check's settings; made inside an operand of a FILTER's top `&&` or `||`, it depends only on that
    # operand the same way (and on the operator). Findings made at nodes outside every unit (sources,
    # chains, set operations, the condition around operands) may depend on anything: they are made again.
    STEP = "step"
    # As STEP, but its messages print line and column numbers, so a unit's findings are kept only
    # while the unit starts at the same line and column.
    STEP_POSITIONED = "step-positioned"
    # A finding may depend on several steps (aliases declared or used elsewhere, lines, the whole chain).
    QUERY = "query"
