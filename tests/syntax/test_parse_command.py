"""`segquery parse`: the AST as JSON with spans."""

import json

from click.testing import CliRunner

from segquery.cli import main


def run(args, stdin=None):
    return CliRunner().invoke(main, args, input=stdin)


def test_parse_prints_the_tree_with_spans():
    result = run(["parse", "-", "--indent", "0"], stdin="PROFILE(contact, c)")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["diagnostics"] == []
    source = payload["ast"]["body"]["source"]
    assert source["kind"] == "profile"
    assert source["table"] == {"kind": "identifier", "name": "contact", "qualifier": None,
                               "span": {"start": 8, "end": 15, "start_line": 1, "start_column": 9,
                                        "end_line": 1, "end_column": 16}}
    assert source["alias"]["name"] == "c"


def test_parse_reports_diagnostics_and_exits_1(tmp_path):
    path = tmp_path / "bad.segq"
    path.write_text("PROFILE(contact).FILTER(a ==")
    result = run(["parse", str(path)])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["ast"] is None
    assert [(d["code"], d["range"]["start"]["column"]) for d in payload["diagnostics"]] == [("S007", 24)]


def test_parse_missing_file_is_a_usage_error(tmp_path):
    result = run(["parse", str(tmp_path / "missing.segq")])
    assert result.exit_code == 2
