"""Real-time segments in a workspace: SEGMENT_CJO_ID_ references, definitions in files and records,
each file in its own dialect, references across dialects, order and expansion."""

import json

import pytest
from click.testing import CliRunner

from segquery.cli import main
from segquery.checking import check_paths
from segquery.engine import CheckOptions
from segquery.syntax.dialects import dialect_named
from segquery.workspace import ExpandError, SegmentType, Workspace
from workspace_helpers import REPO_ROOT, apply_edits, findings, related

REALTIME = dialect_named("realtime")
RT = "// segquery: dialect = realtime\n"
A = "4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f10"
B = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
OLD = "59ac8bbf-57e7-e811-a9a9-000d3a35f403"


def cjo(guid: str) -> str:
    return "SEGMENT_CJO_ID_" + guid.replace("-", "")


def definition(guid: str, query: str, status: str = "live") -> str:
    return f"{RT}// segquery: id = {guid}\n// segquery: status = {status}\n{query}"


SEATTLE = definition(A, "PROFILE(contact).FILTER(address1_city == 'Seattle')")
OPENERS = definition(B, "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
                        ".FILTER(msdynmkt_entityid_LogicalName == 'contact')")


def test_a_definition_id_resolves_real_time_references_in_any_case():
    workspace = Workspace.from_texts({
        "seattle.segq": SEATTLE, "openers.segq": OPENERS,
        "both.segq": RT + f"SEGMENT({cjo(A)}) INTERSECT SEGMENT({cjo(B).upper()})"})
    assert findings(workspace) == []
    assert {segment.key: segment.dialect.name for segment in workspace.segments} == {
        "both": "realtime", "openers": "realtime", "seattle": "realtime"}
    assert workspace.segment("seattle").handles == ("seattle", cjo(A))
    assert workspace.order() == ["openers", "seattle", "both"]
    assert workspace.dependents("seattle") == ["both"]


def test_each_file_is_parsed_in_its_dialect():
    workspace = Workspace.from_texts({"rt.segq": SEATTLE, "out.segq": "PROFILE(contact, c1)"})
    assert [d.code for d in workspace.diagnostics_for("rt.segq", syntax=True)] == []
    assert workspace.segment("rt").query is not None
    configured = Workspace.from_texts({"rt.segq": "PROFILE(contact).FILTER(x IN [1])"},
                                      dialect_of=lambda path: "realtime")
    assert configured.segment("rt").dialect is REALTIME
    assert configured.diagnostics_for("rt.segq", syntax=True) == []
    assert [d.code for d in Workspace.from_texts({"rt.segq": "PROFILE(contact).FILTER(x IN [1])"})
            .diagnostics_for("rt.segq", syntax=True)] == ["S031"]
    inferred = Workspace.from_texts({"rt.segq": "PROFILE(contact).FILTER(x IN [1])", "out.segq": "PROFILE(contact)"},
                                    dialect_of=lambda path: "auto")
    assert [(s.key, s.dialect.name) for s in inferred.segments] == [("out", "outbound"), ("rt", "realtime")]


def test_an_unknown_definition_id_is_reported_with_the_closest_known_id():
    typo = cjo(A)[:-1] + "1"
    text = RT + f"SEGMENT({typo})"
    workspace = Workspace.from_texts({"seattle.segq": SEATTLE, "x.segq": text})
    [diagnostic] = workspace.diagnostics_for("x.segq")
    assert findings(workspace) == [
        ("x.segq", "W014", "2:9-2:56", f"no segment definition with the id of `{typo}` in the workspace: a `.segq` "
         "file with `// segquery: id = <id>` in the real-time dialect, or a msdynmkt_segmentdefinition record; "
         f"did you mean `{cjo(A)}`?")]
    assert apply_edits(text, diagnostic.fix.edits) == RT + f"SEGMENT({cjo(A)})"
    assert diagnostic.fix.applicability.value == "unsafe"
    alone = Workspace.from_texts({"x.segq": text})
    assert [(code, message.endswith("record")) for _, code, _, message in findings(alone)] == [("W014", True)]


def test_references_across_dialects_are_errors():
    texts = {
        "seattle.segq": SEATTLE,
        "old.segq": f"// segquery: id = {OLD}\nPROFILE(contact)",
        "rt_by_old_id.segq": RT + f"SEGMENT({cjo(OLD)})",
        "rt_by_name.segq": RT + "SEGMENT(old)",
        "out_by_name.segq": "SEGMENT(seattle)",
        "out_by_new_id.segq": f"SEGMENT(SEGMENT_CRM_ID_{A.replace('-', '')})",
    }
    workspace = Workspace.from_texts(texts)
    to_old = ("W013", "`old` is a segment of outbound marketing, but `{}` is written in real-time journeys: a "
                      "segment can reference only segments of its own dialect")
    to_seattle = ("W013", "`seattle` is a segment of real-time journeys, but `{}` is written in outbound marketing: "
                          "a segment can reference only segments of its own dialect")
    assert findings(workspace) == [
        ("out_by_name.segq", to_seattle[0], "1:9-1:16", to_seattle[1].format("out_by_name")),
        ("out_by_new_id.segq", to_seattle[0], "1:9-1:56", to_seattle[1].format("out_by_new_id")),
        ("rt_by_name.segq", to_old[0], "2:9-2:12", to_old[1].format("rt_by_name")),
        ("rt_by_old_id.segq", to_old[0], "2:9-2:56", to_old[1].format("rt_by_old_id"))]
    [diagnostic] = workspace.diagnostics_for("out_by_name.segq")
    assert related(diagnostic) == [("seattle.segq", "1:1-1:1", "`seattle` is defined here")]
    with pytest.raises(ExpandError, match="written in outbound marketing but references `seattle`, a segment of "
                                          "real-time journeys: it cannot be inlined"):
        workspace.expand("out_by_name")


def test_definition_records_and_the_segment_records_that_name_them():
    records = [
        {"msdynmkt_segmentdefinitionid": A, "msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": 723270001},
        {"msdynmkt_displayname": "Everyone", "msdynmkt_sourcesegmentuid": A, "msdynmkt_type": 11,
         "msdynmkt_baseentitylogicalname": "contact"},
        {"msdynmkt_segmentdefinitionid": B, "msdynmkt_segmentquery": f"SEGMENT({cjo(A)})", "statuscode": "Live"},
        {"msdynmkt_segmentquery": f"SEGMENT({cjo(B)})"},
    ]
    text = json.dumps(records, indent=1)
    workspace = Workspace.from_texts({"defs.json": text})
    unnamed_line = text[:text.rindex("{")].count("\n") + 1
    assert [(s.key, s.status.label if s.status else None, s.segment_type, s.target_profile)
            for s in workspace.segments] == [
        ("Everyone", "draft", SegmentType.DYNAMIC, "contact"), (cjo(B), "live", None, None),
        (f"(unnamed defs.json:{unnamed_line})", None, None, None)]
    assert [(code, message) for _, code, _, message in findings(workspace)] == [
        ("W006", f"`{cjo(B)}` is live but references `Everyone`, which is draft: take `Everyone` live first "
                 "(see `segquery deps --order`)"),
        ("W011", "this segment definition has no `msdynmkt_segmentdefinitionid`: no segment can reference it")]
    assert workspace.order()[:2] == ["Everyone", cjo(B)]


def test_real_time_status_directives():
    workspace = Workspace.from_texts({"a.segq": definition(A, "PROFILE(contact)", "deleted"),
                                      "b.segq": definition(B, f"SEGMENT({cjo(A)})", "going live"),
                                      "c.segq": RT + "// segquery: status = stopped\nPROFILE(contact)"})
    assert findings(workspace) == [
        ("b.segq", "W006", "4:9-4:56", "`b` is going live but references `a`, which is deleted: take `a` live first "
                                       "(see `segquery deps --order`)"),
        ("c.segq", "W010", "2:23-2:30", "`stopped` is not a status of a real-time segment definition: one of live, "
                                        "draft, going live, deleted")]


def test_cycles_and_expansion_of_real_time_segments():
    cyclic = Workspace.from_texts({"a.segq": definition(A, f"SEGMENT({cjo(B)})"),
                                   "b.segq": definition(B, f"PROFILE(contact) UNION SEGMENT({cjo(A)})")})
    assert [(code, message) for _, code, _, message in findings(cyclic)] == [
        ("W002", "2 segments reference each other in a cycle: `a` -> `b` -> `a`")]
    workspace = Workspace.from_texts({"seattle.segq": SEATTLE, "openers.segq": OPENERS,
                                      "both.segq": RT + f"SEGMENT({cjo(A)})\nINTERSECT SEGMENT({cjo(B)})"})
    assert workspace.expand("both") == (
        "(PROFILE(contact).FILTER(address1_city == 'Seattle')) INTERSECT (INTERACTION(msdynmkt_emailopened, "
        "msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact'))")


def test_check_reads_a_mixed_workspace_in_each_files_dialect(tmp_path):
    (tmp_path / "segquery.toml").write_text('dialect = "realtime"\n')
    (tmp_path / "seattle.segq").write_text(SEATTLE.replace(RT, ""))
    (tmp_path / "legacy.segq").write_text("// segquery: dialect = outbound\nSEGMENT(seattle)\n")
    (tmp_path / "both.segq").write_text(f"SEGMENT({cjo(A)}) UNION PROFILE(contact)\n")
    reports = {report.path: report for report in check_paths([str(tmp_path)])}
    assert [d.code for d in reports[str(tmp_path / "both.segq")].diagnostics] == []
    assert [(d.code, d.range.start.line) for d in reports[str(tmp_path / "legacy.segq")].diagnostics] == [
        ("W013", 2)]
    as_outbound = check_paths([str(tmp_path / "both.segq")], options=CheckOptions(dialect="outbound"))
    # The parser rejects the real-time reference in an outbound file; the workspace does not say it again.
    assert [d.code for d in as_outbound[0].diagnostics] == ["S031"]


# ---------------------------------------------------------------- the example workspace


EXAMPLE = REPO_ROOT / "examples" / "realtime" / "workspace"


def test_the_example_workspace_gets_its_pinned_findings(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    workspace = Workspace.from_paths(["examples/realtime/workspace"],
                                     dialect_of=lambda path: "realtime")
    prefix = "examples/realtime/workspace/"
    assert [(path.removeprefix(prefix), code, where) for path, code, where, _ in findings(workspace)] == [
        ("outbound_newsletter.segq", "W013", "3:9-3:19"), ("stale_reference.segq", "W014", "3:15-3:62")]
    assert workspace.order() == ["in_seattle", "outbound_newsletter", "stale_reference", "with_email",
                                 "Quiet in Seattle", "reachable_in_seattle"]


def test_deps_reads_the_configured_dialect_of_the_example(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    result = CliRunner().invoke(main, ["deps", "examples/realtime/workspace", "--expand", "Quiet in Seattle"])
    assert result.exit_code == 1    # the broken files' findings are reported first
    assert result.stdout.splitlines()[-1] == (
        "(PROFILE(contact).FILTER(address1_city == 'Seattle')) EXCEPT (PROFILE(contact).FILTER("
        "ISNOTNULL(emailaddress1)))")
    order = CliRunner().invoke(main, ["deps", "examples/realtime/workspace", "--order"])
    assert order.stdout.splitlines()[-6:] == ["1. in_seattle", "2. outbound_newsletter", "3. stale_reference",
                                              "4. with_email", "5. Quiet in Seattle", "6. reachable_in_seattle"]


def test_a_segment_record_whose_definition_is_not_in_the_workspace():
    text = json.dumps([{"msdynmkt_displayname": "Adults", "msdynmkt_sourcesegmentuid": A},
                       {"msdynmkt_displayname": "Broken link", "msdynmkt_sourcesegmentuid": "x"}])
    workspace = Workspace.from_texts({"segments.json": text})
    start = text.index(f'"{A}"')
    assert findings(workspace) == [
        ("segments.json", "W015", f"1:{start + 1}-1:{start + len(A) + 3}", f"this segment record links to the "
         f"segment definition `{A}`, which is not in the workspace: the segment has no query without it")]
    assert workspace.segments == []
    assert workspace.update_file("seattle.segq", SEATTLE) == ["seattle.segq", "segments.json"]
    assert findings(workspace) == []


def test_the_language_server_reads_each_file_in_its_configured_dialect(tmp_path):
    from segquery.lsp.project import Project

    (tmp_path / "segquery.toml").write_text('dialect = "realtime"\n')
    (tmp_path / "seattle.segq").write_text(SEATTLE.replace(RT, ""))
    (tmp_path / "both.segq").write_text(f"SEGMENT({cjo(A)}) UNION PROFILE(contact)\n")
    project = Project()
    project.load([tmp_path], {})
    assert [(segment.key, segment.dialect.name) for segment in project.segments()] == [
        ("both", "realtime"), ("seattle", "realtime")]
    assert project.workspace.diagnostics_for(str(tmp_path / "both.segq")) == []
