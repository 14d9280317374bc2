"""The formats CI systems read: JUnit XML, GitLab Code Quality, pylint lines."""

import json
import xml.etree.ElementTree as ElementTree

from output_helpers import reports
from segquery.output.gitlab import render_gitlab
from segquery.output.junit import render_junit
from segquery.output.pylint import render_pylint


def test_junit_has_a_failing_case_per_finding_and_a_passing_case_per_clean_file():
    text = render_junit(reports())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ElementTree.fromstring(text.split("\n", 1)[1])
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["segments/clean.segq", "segments/q.segq"]
    assert [case.get("name") for case in suites["segments/clean.segq"]] == ["segments/clean.segq"]
    assert list(suites["segments/clean.segq"].iter("failure")) == []
    cases = list(suites["segments/q.segq"])
    assert [case.get("name") for case in cases] == ["segments/q.segq:1:1 L001", "segments/q.segq:1:30 L002"]
    failure = cases[1].find("failure")
    assert (failure.get("message"), failure.get("type"), failure.text) == (
        "strings are single-quoted: write 'a'", "warning",
        "segments/q.segq:1:30: L002 [warning] strings are single-quoted: write 'a'")


def test_gitlab_code_quality_issues():
    issues = json.loads(render_gitlab(reports()))
    assert [{key: value for key, value in issue.items() if key != "fingerprint"} for issue in issues] == [
        {"type": "issue", "description": "L001 `profile` is a keyword: write it in upper case, `PROFILE`",
         "check_name": "L001 keyword-case", "categories": ["Style"], "severity": "minor",
         "location": {"path": "segments/q.segq", "lines": {"begin": 1, "end": 1}}},
        {"type": "issue", "description": "L002 strings are single-quoted: write 'a'",
         "check_name": "L002 double-quoted-string", "categories": ["Style"], "severity": "minor",
         "location": {"path": "segments/q.segq", "lines": {"begin": 1, "end": 1}}},
    ]
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == 2 and all(len(fingerprint) == 32 for fingerprint in prints)


def test_pylint_lines():
    assert render_pylint(reports()).splitlines() == [
        "segments/q.segq:1: [L001] `profile` is a keyword: write it in upper case, `PROFILE`",
        "segments/q.segq:1: [L002] strings are single-quoted: write 'a'",
    ]
