"""`segquery migrate`: the summary, written files, reports, --check and usage errors."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main

EXPECTED = Path(__file__).resolve().parent / "expected"

pytestmark = pytest.mark.usefixtures("at_repo_root")


def run(*args: str):
    return CliRunner().invoke(main, ["migrate", *args])


def test_the_summary_table_and_exit_status():
    result = run("examples/workspace")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (EXPECTED / "examples_workspace_summary.txt").read_text(encoding="utf-8") + "\n"


def test_check_exits_1_when_anything_is_unsupported():
    assert run("examples/workspace", "--check").exit_code == 1
    assert run("examples/workspace/contacts_in_seattle.segq", "--check").exit_code == 0


def test_out_and_report(tmp_path):
    out = tmp_path / "out"
    result = run("examples/workspace", "--out", str(out), "--report", str(tmp_path / "report.md"))
    assert result.exit_code == 0
    assert result.stdout.endswith(f"wrote 18 files to {out}\nwrote the report to {tmp_path / 'report.md'}\n")
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == (
        EXPECTED / "examples_workspace_report.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in out.iterdir())[:2] == ["01_contacts_in_bellevue.records.json",
                                                              "01_contacts_in_bellevue.segq"]


def test_json_report(tmp_path):
    report = tmp_path / "report.json"
    assert run("examples/workspace", "--report", str(report)).exit_code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["outcome"], data["totals"]) == ("unsupported", {"translated": 7, "review": 2, "unsupported": 6})
    first = data["segments"][0]
    assert {key: first[key] for key in ("order", "name", "outcome", "migrated", "text")} == {
        "order": 1, "name": "contacts_in_bellevue", "outcome": "translated", "migrated": True,
        "text": "PROFILE(contact).FILTER(address1_city == 'Bellevue')\n"}
    assert first["findings"][0] == {
        "code": "M001", "outcome": "translated", "done": "alias `contact_1` dropped",
        "why": "real-time journeys writes the profile's attributes unqualified",
        "range": {"start": {"line": 3, "column": 18, "offset": 72}, "end": {"line": 3, "column": 27, "offset": 81}}}


def test_allow_partial_writes_unsupported_segments_too(tmp_path):
    out = tmp_path / "out"
    assert run("examples/workspace", "--allow-partial", "--out", str(out)).exit_code == 0
    assert (out / "09_soft_bounced.segq").read_text(encoding="utf-8").endswith(
        "INTERACTION(EmailSoftBounced, EmailSoftBounced_ContactLink)\n    .HAVING(COUNT() > 3, UTCMONTHS(1))\n")


def test_an_interaction_map_extends_the_table(tmp_path):
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"interactions": {"EmailSoftBounced": {
        "table": "msdynmkt_emailbounced", "links": {"EmailSoftBounced_ContactLink": "contact"}}}}),
        encoding="utf-8")
    result = run("examples/workspace/soft_bounced.segq", "--interaction-map", str(mapping), "--check")
    assert (result.exit_code, result.stdout.splitlines()[1].split()) == (0, ["1", "soft_bounced", "dynamic", "review", "2"])


def test_the_configuration_names_an_interaction_map(tmp_path):
    (tmp_path / "bounces.json").write_text(json.dumps({"interactions": {"EmailSoftBounced": {
        "table": "msdynmkt_emailbounced", "links": {"EmailSoftBounced_ContactLink": "contact"}}}}), encoding="utf-8")
    (tmp_path / "segquery.toml").write_text('interaction-map = "bounces.json"\n', encoding="utf-8")
    (tmp_path / "soft.segq").write_text("INTERACTION(EmailSoftBounced, EmailSoftBounced_ContactLink)"
                                        ".HAVING(COUNT() > 3)", encoding="utf-8")
    result = run(str(tmp_path), "--check")
    assert (result.exit_code, result.stdout.splitlines()[1].split()) == (0, ["1", "soft", "dynamic", "review", "1"])


def test_a_missing_configured_interaction_map_is_a_configuration_error(tmp_path):
    (tmp_path / "segquery.toml").write_text('interaction-map = "nothere.json"\n', encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("segquery: configuration error: ")
    assert "`interaction-map`: no interaction map at 'nothere.json'" in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not JSON: Expecting property name enclosed in double quotes"),
    ('{"interactions": {"X": {"links": {}}}}', "interaction `X`: `table` must name the real-time interaction table"),
    ('{"interactions": {"X": {"table": "t", "links": {"L": "account"}}}}',
     "interaction `X`: a link maps to `contact` or `lead`, not `account`"),
])
def test_a_bad_interaction_map_is_a_usage_error(tmp_path, content, message):
    mapping = tmp_path / "map.json"
    mapping.write_text(content, encoding="utf-8")
    result = run("examples/workspace", "--interaction-map", str(mapping))
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_bad_id_map_is_a_usage_error(tmp_path):
    ids = tmp_path / "ids.json"
    ids.write_text('{"ids": {"engaged": "not-a-guid"}}', encoding="utf-8")
    result = run("examples/workspace", "--id-map", str(ids))
    assert result.exit_code == 2
    assert "the id of `engaged` is not a GUID: 'not-a-guid'" in result.stderr


def test_unreadable_files_are_named_on_stderr(tmp_path):
    (tmp_path / "bad.json").write_text('{"msdyncrm_segmentname": ', encoding="utf-8")
    (tmp_path / "fine.segq").write_text("PROFILE(contact)", encoding="utf-8")
    result = run(str(tmp_path), "--check")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'bad.json'}:1:")
    assert " R001 " in result.stderr.splitlines()[0]
    assert result.stdout.splitlines()[-1] == "1 translated, 0 to review, 0 unsupported; 1 file(s) not read"
