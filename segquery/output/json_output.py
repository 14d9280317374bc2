"""`--output-format json`: one JSON document, stable and sorted.

    {
      "version": 1,
      "summary": {"files": 2, "findings": 1, "fixed": 0, "fixable": 1},
      "findings": [
        {"path": "a.segq", "code": "L001", "name": "keyword-case", "category": "style",
         "severity": "warning", "message": "...",
         "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {...}},
         "fix": {"message": "...", "applicability": "safe",
                 "edits": [{"start": 0, "end": 7, "new_text": "PROFILE", "range": {...}}]} or null,
         "related": [{"message": "...", "path": "a.segq", "range": {...}}]}
      ]
    }

Findings are sorted by path, position and code; object keys are sorted.
"""

from __future__ import annotations

import json
from typing import Iterable

from segquery.report import FileReport
from segquery.lint.fixes import is_applicable
from segquery.output.findings import collect, display_path
from segquery.rules import catalog

JSON_VERSION = 1


def finding_to_dict(path: str, report: FileReport, diagnostic) -> dict:
    rule = catalog.get_rule(diagnostic.code)
    data = diagnostic.to_dict(report.source)
    data["path"] = path
    data["name"] = rule.name if rule else None
    data["category"] = rule.category.value if rule else None
    for related in data["related"]:
        related["path"] = display_path(related["path"]) if related["path"] else path
    return data


def render_json(reports: Iterable[FileReport], *, unsafe_fixes: bool = False) -> str:
    reports = list(reports)
    findings = collect(reports)
    payload = {
        "version": JSON_VERSION,
        "summary": {
            "files": len(reports),
            "findings": len(findings),
            "fixed": sum(sum(report.fixed.values()) for report in reports),
            "fixable": sum(1 for f in findings if is_applicable(f.diagnostic.fix, unsafe=unsafe_fixes)),
        },
        "findings": [finding_to_dict(f.path, f.report, f.diagnostic) for f in findings],
    }
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False)
