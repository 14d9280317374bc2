"""`--output-format sarif`: a SARIF 2.1.0 log for code-scanning services.

Columns are counted in Unicode code points (`columnKind`), as segquery
counts them; `charOffset`/`charLength` give the same ranges as offsets.
Fixes are SARIF fixes; an unsafe fix says so in its `properties`.
"""

from __future__ import annotations

import json
from typing import Iterable

from segquery import __version__
from segquery.diagnostics import Diagnostic, Severity
from segquery.engine import FileReport
from segquery.output.findings import collect, display_path
from segquery.rules.registry import RuleInfo, get_rule
from segquery.source import Range

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
STDIN_URI = "stdin"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def _uri(path: str) -> str:
    return STDIN_URI if path == "-" else path


def _region(range_: Range) -> dict:
    return {
        "startLine": range_.start.line,
        "startColumn": range_.start.column,
        "endLine": range_.end.line,
        "endColumn": range_.end.column,
        "charOffset": range_.start.offset,
        "charLength": range_.end.offset - range_.start.offset,
    }


def _location(uri: str, range_: Range) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(range_)}}


def _rule_descriptor(code: str, rule: RuleInfo | None) -> dict:
    if rule is None:
        return {"id": code}
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what_it_does or rule.summary},
        "help": {"text": rule.summary, "markdown": rule.markdown()},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.default_enabled},
        "properties": {"category": rule.category.value, "fix": rule.fix.value, "tags": [rule.category.value]},
    }


def _result(uri: str, diagnostic: Diagnostic, rule_index: int) -> dict:
    result: dict = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(uri, diagnostic.range)],
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": index, "message": {"text": related.message},
             **_location(_uri(display_path(related.path)) if related.path else uri, related.range)}
            for index, related in enumerate(diagnostic.related, start=1)]
    fix = diagnostic.fix
    if fix is not None:
        result["fixes"] = [{
            "description": {"text": fix.message},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                                  "insertedContent": {"text": edit.new_text}} for edit in fix.edits],
            }],
            "properties": {"applicability": fix.applicability.value},
        }]
    return result


def render_sarif(reports: Iterable[FileReport]) -> str:
    findings = collect(reports)
    codes = sorted({finding.diagnostic.code for finding in findings})
    index = {code: position for position, code in enumerate(codes)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "segquery",
                "version": __version__,
                "rules": [_rule_descriptor(code, get_rule(code)) for code in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(_uri(f.path), f.diagnostic, index[f.diagnostic.code]) for f in findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
