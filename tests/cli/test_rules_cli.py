import json

from click.testing import CliRunner

from segquery.cli import main
from segquery.rules.catalog import all_rules, get_rule


def test_rules_lists_every_code():
    result = CliRunner().invoke(main, ["rules"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "FIX", "DEFAULT"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in all_rules()]
    assert next(line for line in lines if line.startswith("L001")).split() == \
        ["L001", "keyword-case", "style", "warning", "safe", "on"]


def test_rules_as_json():
    data = json.loads(CliRunner().invoke(main, ["rules", "--output-format", "json"]).stdout)
    assert {entry["code"][0] for entry in data} >= {"S", "E", "V", "R", "W", "L"}
    assert next(entry for entry in data if entry["code"] == "L011") == {
        "code": "L011", "name": "line-too-long", "category": "style", "severity": "warning",
        "default_enabled": False, "fix": "none",
        "summary": "A line is longer than `line-length` (88 characters unless configured, as for `segquery format`)."}


def test_rule_page_by_code_or_name():
    by_code = CliRunner().invoke(main, ["rule", "L020"])
    by_name = CliRunner().invoke(main, ["rule", "duplicate-condition"])
    assert by_code.exit_code == 0 and by_code.stdout == by_name.stdout == get_rule("L020").markdown()
    assert by_code.stdout.startswith("# L020 duplicate-condition\n")


def test_unknown_rule_suggests():
    result = CliRunner().invoke(main, ["rule", "keyword-cse"])
    assert result.exit_code == 2
    assert result.stderr == "segquery: no rule `keyword-cse`; did you mean `keyword-case`?\n"
