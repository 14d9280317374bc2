"""`--statistics`: how many findings of each code, most frequent first."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from segquery.report import FileReport
from segquery.lint.fixes import is_applicable
from segquery.rules import catalog


@dataclass(frozen=True)
class CodeCount:
    code: str
    name: str
    count: int
    fixable: int


def count_codes(reports: Iterable[FileReport], *, unsafe_fixes: bool = False) -> list[CodeCount]:
    counts: Counter = Counter()
    fixable: Counter = Counter()
    for report in reports:
        for diagnostic in report.diagnostics:
            counts[diagnostic.code] += 1
            if is_applicable(diagnostic.fix, unsafe=unsafe_fixes):
                fixable[diagnostic.code] += 1
    rows = []
    for code, count in counts.items():
        rule = catalog.get_rule(code)
        rows.append(CodeCount(code, rule.name if rule else "", count, fixable[code]))
    return sorted(rows, key=lambda row: (-row.count, row.code))


def render_statistics(rows: list[CodeCount]) -> str:
    if not rows:
        return ""
    width = max(len(str(row.count)) for row in rows)
    name_width = max(len(row.name) for row in rows)
    lines = []
    for row in rows:
        marker = "[*]" if row.fixable else "   "
        lines.append(f"{row.count:>{width}}  {row.code:<5} {row.name:<{name_width}} {marker}".rstrip())
    return "\n".join(lines)


def render_statistics_json(rows: list[CodeCount]) -> str:
    return json.dumps([{"code": row.code, "name": row.name, "count": row.count, "fixable": row.fixable}
                       for row in rows], indent=2, sort_keys=True)
