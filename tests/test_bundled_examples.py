"""The bundled examples: every finding `segquery check examples` reports is pinned
(code and range), and everything outside examples/broken/ is clean."""

import os
from pathlib import Path

from segquery.checking import check_paths

ROOT = Path(__file__).resolve().parents[1]

EXPECTED = [
    ("examples/broken/assignment.segq", "S011", "1:1-1:20"),
    ("examples/broken/extra_parenthesis.segq", "S006", "1:87-1:88"),
    ("examples/broken/having_before_filter.segq", "S015", "1:99-1:135"),
    ("examples/broken/having_before_filter.segq", "V022", "1:106-1:117"),
    ("examples/broken/method_set_operators.segq", "S012", "1:30-1:53"),
    ("examples/broken/method_set_operators.segq", "S012", "1:54-1:84"),
    ("examples/broken/missing_operator.segq", "S004", "1:70-1:71"),
    ("examples/broken/quoted_relationship.segq", "S013", "1:27-1:61"),
    ("examples/broken/unknown_attribute.segq", "V022", "1:25-1:37"),
    ("examples/broken/unknown_function.segq", "S014", "1:50-1:64"),
    ("examples/realtime/broken/dotted_alias.segq", "S033", "3:40-3:57"),
    ("examples/realtime/broken/double_quotes.segq", "S035", "1:42-1:51"),
    ("examples/realtime/broken/endswith.segq", "S034", "1:25-1:62"),
    ("examples/realtime/broken/outbound_segment_id.segq", "S032", "1:9-1:56"),
    ("examples/realtime/broken/outbound_segment_id.segq", "W014", "1:73-1:120"),
    ("examples/realtime/broken/traverse.segq", "S030", "2:16-2:27"),
    ("examples/realtime/broken/traverse.segq", "S030", "3:6-3:14"),
    ("examples/realtime/workspace/outbound_newsletter.segq", "W013", "3:9-3:19"),
    ("examples/realtime/workspace/stale_reference.segq", "W014", "3:15-3:62"),
]


def test_every_finding_in_the_examples_is_pinned(monkeypatch):
    monkeypatch.chdir(ROOT)
    reports = check_paths(["examples"])
    found = [(report.path, d.code, f"{d.range.start.line}:{d.range.start.column}-{d.range.end.line}:"
              f"{d.range.end.column}") for report in reports for d in report.diagnostics]
    assert found == EXPECTED
    assert len(reports) >= 40
    query_examples = [r for r in reports if os.path.dirname(r.path) == "examples"]
    assert len(query_examples) >= 20


def test_the_real_time_examples_under_the_dialect_option(monkeypatch):
    """`segquery check --dialect realtime examples/realtime` reports exactly the pinned real-time findings."""
    import json

    from click.testing import CliRunner

    from segquery.cli import main

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--dialect", "realtime", "--output-format", "json",
                                       "examples/realtime"])
    found = [(item["path"], item["code"], f"{item['range']['start']['line']}:{item['range']['start']['column']}-"
              f"{item['range']['end']['line']}:{item['range']['end']['column']}")
             for item in json.loads(result.stdout)["findings"]]
    assert result.exit_code == 1
    assert found == [finding for finding in EXPECTED if finding[0].startswith("examples/realtime/")]
