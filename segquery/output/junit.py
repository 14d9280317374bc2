"""`--output-format junit`: a JUnit XML report for CI test reporters.

One test suite per file and one failing test case per finding, named by
its position and code; a file without findings is one passing case, so
reporters show what was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from itertools import groupby
from typing import Iterable

from segquery.report import FileReport
from segquery.output.findings import collect, display_path


def render_junit(reports: Iterable[FileReport]) -> str:
    reports = list(reports)
    findings = collect(reports)
    root = ElementTree.Element("testsuites", name="segquery", failures=str(len(findings)))
    by_path = {path: list(group) for path, group in groupby(findings, key=lambda finding: finding.path)}
    cases = 0
    for path in sorted({display_path(report.path) for report in reports}):
        found = by_path.get(path, [])
        suite = ElementTree.SubElement(root, "testsuite", name=path, tests=str(max(len(found), 1)),
                                       failures=str(len(found)), errors="0", skipped="0")
        if not found:
            ElementTree.SubElement(suite, "testcase", name=path, classname=path)
            cases += 1
        for finding in found:
            diagnostic = finding.diagnostic
            start = diagnostic.range.start
            case = ElementTree.SubElement(suite, "testcase", classname=path,
                                          name=f"{path}:{start.line}:{start.column} {diagnostic.code}")
            failure = ElementTree.SubElement(case, "failure", message=diagnostic.message,
                                             type=diagnostic.severity.label)
            failure.text = (f"{path}:{start.line}:{start.column}: {diagnostic.code} "
                            f"[{diagnostic.severity.label}] {diagnostic.message}")
            cases += 1
    root.set("tests", str(cases))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode")
