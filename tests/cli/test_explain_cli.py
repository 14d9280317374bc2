"""`segquery explain FILE|-`: text and JSON output, diagnostics for bad input."""

from __future__ import annotations

import json

from cli_helpers import run, write

QUERY = "PROFILE(contact).FILTER(statecode == 0)\n    .TRAVERSE(contact_account_parentcustomerid)\n"


def test_text_output(tmp_path):
    path = write(tmp_path / "active.segq", QUERY)
    result = run("explain", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "Contacts\n  whose statecode is Active\n"
           "  then their related accounts (through `contact_account_parentcustomerid`)\n", "")


def test_json_output_from_standard_input():
    result = run("explain", "-", "--output-format", "json", stdin="SEGMENT(a) UNION SEGMENT(b)")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["path"] is None
    assert payload["text"] == "Members of segment `a`\ntogether with those in segment `b`"
    assert [(line["depth"], line["kind"], line["range"]["start"]["column"], line["range"]["end"]["column"])
            for line in payload["lines"]] == [(0, "source", 1, 11), (0, "set-operation", 12, 28)]


def test_an_unparsable_query_gets_positioned_diagnostics_and_exit_1(tmp_path):
    path = write(tmp_path / "bad.segq", "PROFILE(contact).FILTER(statecode == )")
    result = run("explain", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{path}:1:38: S004 [error] unexpected `)`: expected a value, a name or `(`\n"
        "   1 | PROFILE(contact).FILTER(statecode == )\n"
        "                                            ^\n")


def test_a_user_schema_names_the_options(tmp_path):
    schema = write(tmp_path / "schema.json", json.dumps({"version": 1, "tables": {"contact": {"attributes": {
        "tier": {"type": "picklist", "options": {"1": "Gold"}}}}}}))
    result = run("explain", "-", "--schema", str(schema), stdin="PROFILE(contact).FILTER(tier == 1)")
    assert (result.exit_code, result.stdout) == (0, "Contacts\n  whose tier is Gold\n")


def test_a_missing_file_is_a_usage_error(tmp_path):
    result = run("explain", str(tmp_path / "missing.segq"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_a_dialect_directive_is_read(tmp_path):
    path = write(tmp_path / "rt.segq", "// segquery: dialect = realtime\n"
                                        "PROFILE(contact).FILTER(industrycode IN [1])")
    result = run("explain", str(path))
    assert (result.exit_code, result.stdout) == (0, "Contacts\n  whose industrycode is 1\n")


def test_dialect_auto_reads_the_dialect_from_the_query():
    result = run("explain", "-", "--dialect", "auto",
                 stdin="PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name IN ['x'])")
    assert (result.exit_code, result.stdout) == (
        0, "Contacts\n  with a related account `a` (through `contact_customer_accounts`)\n  whose a.name is 'x'\n")
