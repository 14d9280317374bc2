"""`--output-format gitlab`: GitLab's Code Quality report (a JSON array).

Each finding has a description, the rule as `check_name`, a severity in
GitLab's words, its path and lines, and a fingerprint that stays the same
across unrelated edits (see `segquery.output.fingerprint`).
"""

from __future__ import annotations

import json
from typing import Iterable

from segquery.diagnostics import Severity
from segquery.report import FileReport
from segquery.output.findings import collect
from segquery.output.fingerprint import fingerprints
from segquery.rules import catalog

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info", Severity.HINT: "info"}


def render_gitlab(reports: Iterable[FileReport]) -> str:
    findings = collect(reports)
    issues = []
    for finding, fingerprint in zip(findings, fingerprints(findings)):
        diagnostic = finding.diagnostic
        rule = catalog.get_rule(diagnostic.code)
        issues.append({
            "type": "issue",
            "description": f"{diagnostic.code} {diagnostic.message}",
            "check_name": f"{diagnostic.code} {rule.name}" if rule else diagnostic.code,
            "categories": ["Style" if rule is not None and rule.category.value == "style" else "Bug Risk"],
            "severity": _SEVERITIES[diagnostic.severity],
            "fingerprint": fingerprint,
            "location": {"path": finding.path,
                         "lines": {"begin": diagnostic.range.start.line, "end": diagnostic.range.end.line}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False)
