"""How far a rule looks: what a finding of the rule may depend on.

The language server keeps the findings of STEP rules per chain step and
checks again only the steps an edit touched (segquery/step_findings.py);
QUERY rules run over the whole query on every check.
"""

from __future__ import annotations

import enum


class RuleScope(enum.Enum):
    # A finding made at a node inside a chain step depends only on that step: its text with the white
    # space and `.` before it and the character after it, the records and aliases it reads
    # (its StepScope), the kind of chain that holds it, and the check's settings. Findings made at nodes
    # outside every step (sources, chains, set operations) may depend on anything: they are always made again.
    STEP = "step"
    # As STEP, but its messages print line and column numbers, so a step's findings are kept only
    # while the step starts at the same line and column.
    STEP_POSITIONED = "step-positioned"
    # A finding may depend on several steps (aliases declared or used elsewhere, lines, the whole chain).
    QUERY = "query"
