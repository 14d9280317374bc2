"""`--output-format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=a.segq,line=1,col=5,endLine=1,endColumn=9,title=segquery (L001)::message
"""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Severity
from segquery.report import FileReport
from segquery.output.findings import collect

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: Iterable[FileReport]) -> str:
    lines = []
    for finding in collect(reports):
        diagnostic = finding.diagnostic
        start, end = diagnostic.range.start, diagnostic.range.end
        properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
            ("file", finding.path), ("line", start.line), ("col", start.column),
            ("endLine", end.line), ("endColumn", end.column), ("title", f"segquery ({diagnostic.code})")))
        lines.append(f"::{_COMMANDS[diagnostic.severity]} {properties}::{escape_data(diagnostic.message)}")
    return "\n".join(lines)
