"""SARIF output, validated against the OASIS SARIF 2.1.0 JSON schema (errata 01),
vendored beside this test as sarif-schema-2.1.0.json."""

import json
from pathlib import Path

from jsonschema import Draft4Validator

from output_helpers import reports
from segquery.engine import CheckOptions, check_text
from segquery.output.sarif import render_sarif

SCHEMA = json.loads((Path(__file__).with_name("sarif-schema-2.1.0.json")).read_text(encoding="utf-8"))


def validate(log: dict) -> list[str]:
    return [f"{list(error.path)}: {error.message}" for error in Draft4Validator(SCHEMA).iter_errors(log)]


def test_the_vendored_schema_is_the_sarif_2_1_0_schema():
    Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_log_is_valid_and_complete():
    log = json.loads(render_sarif(reports()))
    assert validate(log) == []
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["L001", "L002"]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "warning", "enabled": True}
    result = run["results"][1]
    assert (result["ruleId"], result["ruleIndex"], result["level"]) == ("L002", 1, "warning")
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "segments/q.segq"},
        "region": {"startLine": 1, "startColumn": 30, "endLine": 1, "endColumn": 33, "charOffset": 29,
                   "charLength": 3}}
    assert result["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"charOffset": 29, "charLength": 3}, "insertedContent": {"text": "'a'"}}]


def test_every_kind_of_finding_is_valid():
    text = "// segquery: ignore[L0001]\nPROFILE(contact).FILTER(x == 1 && x == 1 && emailaddress1 == '')).TAKE(1)\n"
    unparsable = check_text(text, path="a.segq", options=CheckOptions(select=("ALL",)))
    related = check_text("PROFILE(contact).FILTER(x == 1 && x == 1 && emailaddress1 == '')\n", path=None,
                         options=CheckOptions(select=("ALL",)))
    empty = check_text("", path="empty.segq")
    log = json.loads(render_sarif([unparsable, related, empty]))
    assert validate(log) == []
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"S006", "L100", "L020", "L024", "S008"}
    assert any("relatedLocations" in r for r in results)
    assert any(r["fixes"][0]["properties"] == {"applicability": "unsafe"} for r in results if "fixes" in r)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == \
        {"a.segq", "stdin", "empty.segq"}


def test_an_empty_run_is_valid():
    log = json.loads(render_sarif([]))
    assert validate(log) == [] and log["runs"][0]["results"] == []
