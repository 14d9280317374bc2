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
        "artifactLocation": {"uri": "segments/q.segq", "uriBaseId": "%SRCROOT%"},
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


# --------------------------------------------------- an independent validator

import os
import subprocess

from external_tools import require
from segquery.output.sarif import artifact_location

VALIDATOR_DIR = Path(__file__).with_name("sarif_validator")
MULTITOOL = VALIDATOR_DIR / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"


def multitool_problems(log_path: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """What Microsoft's SARIF multitool finds with its SARIF and GitHub rule sets."""
    tool = require(MULTITOOL, f"npm ci --prefix {VALIDATOR_DIR}")
    out = tmp_path / "validation.sarif"
    completed = subprocess.run([str(tool), "validate", str(log_path), "--output", str(out), "--rule-kind",
                                "Gh;Sarif", "--log", "ForceOverwrite"], capture_output=True, text=True,
                               env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    results = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    return [(result["ruleId"], json.dumps(result["message"].get("arguments"))) for result in results]


def test_paths_are_uris_relative_to_the_project_root(tmp_path):
    root = tmp_path / "project"
    inside = root / "odd dir#1" / "my file%2.segq"
    assert artifact_location(str(inside), root) == {"uri": "odd%20dir%231/my%20file%252.segq",
                                                    "uriBaseId": "%SRCROOT%"}
    outside = tmp_path / "elsewhere" / "a b.segq"
    assert artifact_location(str(outside), root) == {"uri": outside.as_uri()}
    assert artifact_location("-", root) == {"uri": "stdin", "uriBaseId": "%SRCROOT%"}


def test_logs_with_odd_paths_pass_the_sarif_multitool(tmp_path):
    root = tmp_path / "project"
    options = CheckOptions(select=("ALL",))
    text = 'profile(contact).FILTER(x == "a" && x == "a")\n'
    reports_ = [check_text(text, path=str(root / "odd dir#1" / "my file%2.segq"), options=options),
                check_text(text, path=str(tmp_path / "outside [x].segq"), options=options),
                check_text("PROFILE(contact", path=None, options=options)]
    log = json.loads(render_sarif(reports_, root=root))
    assert validate(log) == []
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": root.as_uri() + "/"}}
    assert run["tool"]["driver"]["informationUri"] == "https://github.com/segquery/segquery"
    assert all(rule["helpUri"].startswith("https://github.com/segquery/segquery/blob/main/docs/rules.md#")
               for rule in run["tool"]["driver"]["rules"])
    log_path = tmp_path / "log.sarif"
    log_path.write_text(json.dumps(log), encoding="utf-8")
    assert multitool_problems(log_path, tmp_path) == []


def test_fingerprints_survive_unrelated_edits_and_tell_repeats_apart():
    options = CheckOptions(select=("L002",))
    before = check_text("PROFILE(contact)\n.FILTER(x == \"a\" || y == \"a\")\n", path="q.segq", options=options)
    after = check_text("// a comment\n\nPROFILE(contact)\n  .FILTER(x == \"a\"   || y == \"a\")\n", path="q.segq",
                       options=options)

    def prints(report):
        return [r["partialFingerprints"]["segquery/v1"] for r in json.loads(render_sarif([report]))["runs"][0]["results"]]

    assert len(set(prints(before))) == 2
    assert prints(before) == prints(after)
