"""`--output-format sarif`: a SARIF 2.1.0 log for code-scanning services.

Columns are counted in Unicode code points (`columnKind`), as segquery
counts them; `charOffset`/`charLength` give the same ranges as offsets.
Fixes are SARIF fixes; an unsafe fix says so in its `properties`.

Artifact locations are URIs: a file below the project root (the folder
segquery runs in) is a percent-encoded path relative to `%SRCROOT%`, whose
absolute `file:` URI is given in `originalUriBaseIds`; any other file is an
absolute `file:` URI. Each result carries a stable fingerprint (see
`segquery.output.fingerprint`) so that code scanning tracks it across commits.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable
from urllib.parse import quote

from segquery.version import __version__
from segquery.diagnostics import Diagnostic, Severity
from segquery.report import FileReport
from segquery.output.findings import collect, display_path
from segquery.output.fingerprint import fingerprints
from segquery.rules.links import HOMEPAGE, rule_url
from segquery.rules import catalog
from segquery.rules.registry import RuleInfo
from segquery.source import Range

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
STDIN_URI = "stdin"
ROOT_BASE_ID = "%SRCROOT%"
FINGERPRINT_KEY = "segquery/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def artifact_location(path: str, root: Path) -> dict:
    """A valid URI for `path`: relative to the project root when it lies below it."""
    if path == "-":
        return {"uri": STDIN_URI, "uriBaseId": ROOT_BASE_ID}
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": ROOT_BASE_ID}


def _root_uri(root: Path) -> str:
    uri = root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(range_: Range) -> dict:
    return {
        "startLine": range_.start.line,
        "startColumn": range_.start.column,
        "endLine": range_.end.line,
        "endColumn": range_.end.column,
        "charOffset": range_.start.offset,
        "charLength": range_.end.offset - range_.start.offset,
    }


def _location(artifact: dict, range_: Range) -> dict:
    return {"physicalLocation": {"artifactLocation": artifact, "region": _region(range_)}}


def _rule_descriptor(code: str, rule: RuleInfo | None) -> dict:
    if rule is None:
        return {"id": code}
    return {
        "id": rule.code,
        "name": rule.name,
        "helpUri": rule_url(rule.code),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what_it_does or rule.summary},
        "help": {"text": rule.summary, "markdown": rule.markdown()},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.default_enabled},
        "properties": {"category": rule.category.value, "fix": rule.fix.value, "tags": [rule.category.value]},
    }


def _result(artifact: dict, diagnostic: Diagnostic, rule_index: int, fingerprint: str, root: Path) -> dict:
    result: dict = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(artifact, diagnostic.range)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": index, "message": {"text": related.message},
             **_location(artifact_location(display_path(related.path), root) if related.path else artifact,
                         related.range)}
            for index, related in enumerate(diagnostic.related, start=1)]
    fix = diagnostic.fix
    if fix is not None:
        result["fixes"] = [{
            "description": {"text": fix.message},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{"deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                                  "insertedContent": {"text": edit.new_text}} for edit in fix.edits],
            }],
            "properties": {"applicability": fix.applicability.value},
        }]
    return result


def render_sarif(reports: Iterable[FileReport], *, root: Path | None = None) -> str:
    """The SARIF log of `reports`; paths below `root` (default: the working folder) are relative."""
    root = Path(os.path.abspath(root if root is not None else Path.cwd()))
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
                "informationUri": HOMEPAGE,
                "rules": [_rule_descriptor(code, catalog.get_rule(code)) for code in codes],
            }},
            "originalUriBaseIds": {ROOT_BASE_ID: {"uri": _root_uri(root)}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(artifact_location(f.path, root), f.diagnostic, index[f.diagnostic.code], print_, root)
                        for f, print_ in zip(findings, fingerprints(findings))],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
