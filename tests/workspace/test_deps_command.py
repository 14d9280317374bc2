"""`segquery deps`: exact output on the example workspace, exit codes, usage errors."""

import json

import pytest
from click.testing import CliRunner

from segquery.cli import main

EXAMPLE = "examples/workspace"

pytestmark = pytest.mark.usefixtures("at_repo_root")


def run(*args: str):
    return CliRunner().invoke(main, ["deps", *args])


def test_the_default_is_a_tree_of_what_each_segment_needs():
    result = run(EXAMPLE)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == """\
Trade show 2024 badge scans [static, live]
VIP_event_invitation [compound, draft]
├── engaged_puget_sound [compound, live]
│   ├── puget_sound [compound, live]
│   │   ├── contacts_in_seattle [dynamic, live]
│   │   ├── contacts_in_redmond [dynamic, live]
│   │   └── contacts_in_bellevue [dynamic, live]
│   ├── engaged [compound, live]
│   │   ├── newsletter_openers [dynamic, live]
│   │   └── link_clickers [dynamic, live]
│   └── soft_bounced [dynamic, live]
├── key_account_contacts [dynamic, live]
└── Unsubscribed last quarter [dynamic, live]
webinar_follow_up [compound, draft]
├── Webinar attendees [dynamic, live]
└── engaged (see above)
"""


def test_go_live_order_and_its_reverse():
    result = run(EXAMPLE, "--order")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        " 1. contacts_in_bellevue", " 2. contacts_in_redmond", " 3. contacts_in_seattle", " 4. key_account_contacts",
        " 5. link_clickers", " 6. newsletter_openers", " 7. engaged", " 8. puget_sound", " 9. soft_bounced",
        "10. engaged_puget_sound", "11. Trade show 2024 badge scans", "12. Unsubscribed last quarter",
        "13. VIP_event_invitation", "14. Webinar attendees", "15. webinar_follow_up"]
    reverse = run(EXAMPLE, "--order", "--reverse", "--format", "json")
    assert json.loads(reverse.stdout) == {"order": [
        "Trade show 2024 badge scans", "VIP_event_invitation", "engaged_puget_sound", "key_account_contacts",
        "puget_sound", "contacts_in_bellevue", "contacts_in_redmond", "contacts_in_seattle", "soft_bounced",
        "Unsubscribed last quarter", "webinar_follow_up", "engaged", "link_clickers", "newsletter_openers",
        "Webinar attendees"], "reverse": True}


def test_dependents():
    result = run(EXAMPLE, "--dependents", "CONTACTS_IN_SEATTLE")
    assert (result.exit_code, result.stdout) == (0, """\
Segments that reference `contacts_in_seattle` directly (1):
  puget_sound
Segments that depend on it through others (2):
  engaged_puget_sound
  VIP_event_invitation
""")
    assert run(EXAMPLE, "--dependents", "VIP_event_invitation").stdout == (
        "No segment references `VIP_event_invitation`.\n")


def test_expand():
    result = run(EXAMPLE, "--expand", "puget_sound")
    assert (result.exit_code, result.stdout) == (0, (
        "(PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')) UNION "
        "(PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Redmond')) UNION "
        "(PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Bellevue'))\n"))
    refused = run(EXAMPLE, "--expand", "engaged")
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        "segquery deps: cannot expand `engaged`: `newsletter_openers` is an INTERACTION query, which cannot be "
        "an operand of UNION in `engaged`: only a SEGMENT(...) reference to it can (keep_interactions, or "
        "`--keep-interactions`, keeps such references)\n")
    kept = run(EXAMPLE, "--expand", "engaged", "--keep-interactions", "--format", "json")
    assert (kept.exit_code, json.loads(kept.stdout)) == (
        0, {"segment": "engaged", "query": "SEGMENT(newsletter_openers) UNION SEGMENT(link_clickers)"})


def test_mermaid_and_dot():
    mermaid = run(EXAMPLE, "--format", "mermaid")
    assert mermaid.exit_code == 0
    lines = mermaid.stdout.splitlines()
    assert lines[:4] == ["flowchart LR", '  s0["contacts_in_bellevue"]', '  s1["contacts_in_redmond"]',
                         '  s2["contacts_in_seattle"]']
    assert lines[-3:] == ["  s12 --> s11", "  s14 --> s13", "  s14 --> s3"]
    assert len(lines) == 1 + 15 + 13
    dot = run(EXAMPLE, "--format", "dot")
    assert dot.stdout.splitlines()[:3] == ["digraph segments {", "  node [shape=box];", '  "contacts_in_bellevue";']
    assert '  "webinar_follow_up" -> "Webinar attendees";' in dot.stdout.splitlines()


def test_json_describes_segments_references_and_order():
    result = run(EXAMPLE, "--format", "json")
    data = json.loads(result.stdout)
    assert [segment["key"] for segment in data["segments"]][:3] == [
        "contacts_in_bellevue", "contacts_in_redmond", "contacts_in_seattle"]
    follow_up = next(segment for segment in data["segments"] if segment["key"] == "webinar_follow_up")
    assert follow_up["references"][0] == {
        "name": "SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d", "target": "Webinar attendees",
        "resolution": "resolved", "candidates": ["Webinar attendees"], "line": 4, "column": 9}
    assert (data["cycles"], data["diagnostics"], len(data["order"])) == ([], [], 15)


def test_findings_go_to_standard_error_and_exit_1(tmp_path):
    (tmp_path / "a.segq").write_text("SEGMENT(b)\n", encoding="utf-8")
    (tmp_path / "b.segq").write_text("SEGMENT(a) UNION SEGMENT(seatle)\n", encoding="utf-8")
    (tmp_path / "seattle.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    a, b = str(tmp_path / "a.segq"), str(tmp_path / "b.segq")
    result = run(str(tmp_path), "--order")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"""\
{a}:1:9: W002 [error] 2 segments reference each other in a cycle: `a` -> `b` -> `a`
   1 | SEGMENT(b)
               ^
     = note: {a}:1:9: `a` references `b` here
     = note: {b}:1:9: `b` references `a` here
{b}:1:26: W001 [error] no segment named `seatle` in the workspace; did you mean `seattle`?
   1 | SEGMENT(a) UNION SEGMENT(seatle)
                                ^^^^^^
     = fix (unsafe): Reference `seattle`
segquery deps: the segments cannot be ordered because of 1 cycle: a -> b -> a
"""


def test_syntax_errors_of_queries_are_shown_too(tmp_path):
    (tmp_path / "a.segq").write_text("SEGMENT(b) UNION\n", encoding="utf-8")
    (tmp_path / "b.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == "a\n└── b\n"
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / 'a.segq'}:1:17: S005 [error] the query ends too early: expected a name or `(`")


@pytest.mark.parametrize(("args", "message"), [
    (["--dependents", "engagd"], "Error: no segment named `engagd`; did you mean `engaged`?"),
    (["--expand", "Nothing_like_it"], "Error: no segment named `Nothing_like_it`"),
    (["--reverse"], "Error: --reverse goes with --order"),
    (["--keep-interactions"], "Error: --keep-interactions goes with --expand"),
    (["--order", "--expand", "engaged"], "Error: --order and --expand cannot be combined"),
    (["--order", "--format", "dot"], "Error: --format dot draws the graph; it does not go with --order"),
])
def test_usage_errors_exit_2(args, message):
    result = run(EXAMPLE, *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_an_unreadable_path_prints_no_graph_and_exits_1(tmp_path):
    missing = str(tmp_path / "missing.segq")
    result = run(missing)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{missing}:1:1: E001 [error] cannot read the file: No such file or directory\n"


def test_deps_leaves_out_what_the_configuration_and_the_options_exclude(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.segq").write_text("SEGMENT(missing)\n", encoding="utf-8")
    (tmp_path / "seattle.segq").write_text("PROFILE(contact).FILTER(address1_city == 'Seattle')\n", encoding="utf-8")
    result = run(".")
    assert (result.exit_code, result.stdout) == (1, "draft\n└── missing (missing)\nseattle\n")
    (tmp_path / "pyproject.toml").write_text('[tool.segquery]\nexclude = ["drafts"]\n', encoding="utf-8")
    result = run(".")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "seattle\n", "")
    result = run("--extend-exclude", "seattle.segq", ".")
    assert (result.exit_code, result.stdout) == (0, "")


def test_deps_reports_an_invalid_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.segquery]\nexclude = 3\n", encoding="utf-8")
    result = run(".")
    assert result.exit_code == 2
    assert result.stderr == (f"segquery: configuration error: {tmp_path / 'pyproject.toml'}:2:1: "
                             "`tool.segquery.exclude`: expected a list of glob patterns, got 3\n")


def test_deps_takes_the_dialect_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.segq").write_text("// segquery: id = 0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\n"
                                     "PROFILE(contact).FILTER(industrycode IN [1])\n", encoding="utf-8")
    (tmp_path / "b.segq").write_text("SEGMENT(SEGMENT_CJO_ID_0a1b2c3d4e5f60718293a4b5c6d7e8f9)\n", encoding="utf-8")
    assert run(".").exit_code == 1           # read as outbound: S031 in both files
    for dialect in ("realtime", "auto"):
        result = run("--dialect", dialect, "--order", ".")
        assert (result.exit_code, result.stdout, result.stderr) == (0, "1. a\n2. b\n", "")
