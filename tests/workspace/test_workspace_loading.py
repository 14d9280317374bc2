"""Reading .segq and JSON files into segments: names, handles, directives, records, positions."""

import json

from segquery.source import Span
from segquery.workspace import SegmentStatus, SegmentType, Workspace
from workspace_helpers import findings, related, where

SEATTLE = "PROFILE(contact).FILTER(address1_city == 'Seattle')"


def test_a_stem_is_the_file_name_without_its_last_suffix():
    workspace = Workspace.from_texts({"a/in.seattle.segq": SEATTLE, "b/.segq": SEATTLE, "c/..segq": SEATTLE,
                                      "d/x.": SEATTLE})
    assert [segment.name for segment in workspace.segments] == ["in.seattle", ".segq", ".", "x."]


def test_a_query_file_is_named_by_its_stem():
    workspace = Workspace.from_texts({"segments/in_seattle.segq": SEATTLE})
    [segment] = workspace.segments
    assert (segment.key, segment.name, segment.handles, segment.name_source) == (
        "in_seattle", "in_seattle", ("in_seattle",), "stem")
    assert segment.definition == Span(0, 0)
    assert (segment.segment_type, segment.status, segment.target_profile) == (None, None, None)


def test_directives_name_and_describe_the_segment():
    text = ("// segquery: name = Seattle_contacts\n"
            "// segquery: id = 59AC8BBF-57E7-E811-A9A9-000D3A35F403\n"
            "// segquery: type = compound\n"
            "// segquery: status = going live\n"
            "// segquery: profile = contact\n" + SEATTLE)
    workspace = Workspace.from_texts({"in_seattle.segq": text})
    [segment] = workspace.segments
    assert segment.name == "Seattle_contacts"
    assert segment.handles == ("Seattle_contacts", "in_seattle", "SEGMENT_CRM_ID_59ac8bbf57e7e811a9a9000d3a35f403")
    assert text[segment.definition.start:segment.definition.end] == "Seattle_contacts"
    assert (segment.segment_type, segment.status, segment.target_profile) == (
        SegmentType.COMPOUND, SegmentStatus.GOING_LIVE, "contact")
    assert findings(workspace) == []


def test_bad_directive_values_are_reported_with_a_suggestion():
    text = ("// segquery: status = livee\n"
            "// segquery: type = compund\n"
            "// segquery: id = 1234\n"
            "// segquery: profile = 'contact'\n"
            "// segquery: name = first\n"
            "// segquery: name = second\n" + SEATTLE)
    workspace = Workspace.from_texts({"a.segq": text})
    assert findings(workspace) == [
        ("a.segq", "W010", "1:23-1:28",
         "`livee` is not a segment status: one of draft, live, stopped, live editable, expired, error, "
         "going live, stopping; did you mean `live`?"),
        ("a.segq", "W010", "2:21-2:28",
         "`compund` is not a segment type: one of dynamic, static, compound; did you mean `compound`?"),
        ("a.segq", "W010", "3:19-3:23", "`1234` is not a GUID: it has 1 group of digits, a GUID has 5 (8-4-4-4-12)"),
        ("a.segq", "W010", "4:24-4:33", "`'contact'` is not a table name"),
        ("a.segq", "W010", "6:1-6:27", "`name` is given twice; the first one, on line 5, counts"),
    ]
    [segment] = workspace.segments
    assert segment.name == "first"
    assert segment.status is None
    diagnostic = workspace.diagnostics_for("a.segq")[0]
    assert diagnostic.fix.edits[0].new_text == "live"
    assert diagnostic.fix.applicability.value == "unsafe"


def test_a_directive_without_a_value_is_reported():
    workspace = Workspace.from_texts({"a.segq": "// segquery: status\n// segquery: type =\n" + SEATTLE})
    assert findings(workspace) == [
        ("a.segq", "W010", "1:1-1:20", "write the `status` directive as `// segquery: status = value`"),
        ("a.segq", "W010", "2:1-2:20", "the `type` directive has no value"),
    ]


ODATA = {
    "@odata.context": "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#msdyncrm_segments",
    "value": [
        {"msdyncrm_segmentid": "3b2d7c1e-5f80-4a6b-9c1d-2e3f4a5b6c7d", "msdyncrm_segmentname": "Webinar attendees",
         "msdyncrm_segmenttype": 192350000, "statuscode": 192350001,
         "msdyncrm_segmentquery": "INTERACTION(EventCheckIn, EventCheckIn_ContactLink).HAVING(COUNT() > 0)"},
        {"msdyncrm_segmentname": "Follow-up", "msdyncrm_segmentqueryname": "follow_up",
         "msdyncrm_segmenttype": 192350002, "statuscode": 192350006, "msdyncrm_segmenttargetprofiletypename": "contact",
         "msdyncrm_query": "SEGMENT(SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d)"},
        {"msdyncrm_segmentname": "Badge scans", "msdyncrm_segmenttype": 192350001, "statuscode": 192350000},
        {"something": "else"},
    ],
}


def test_an_odata_collection_gives_one_segment_per_record():
    text = json.dumps(ODATA, indent=2)
    workspace = Workspace.from_texts({"segments.json": text})
    summary = [(s.key, s.handles, s.name_source, s.segment_type, s.status, s.target_profile, s.query_text is None,
                [r.name for r in s.references]) for s in workspace.segments]
    assert summary == [
        ("Webinar attendees", ("Webinar attendees", "SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d"), "record",
         SegmentType.DYNAMIC, SegmentStatus.LIVE, None, False, []),
        ("Follow-up", ("Follow-up", "follow_up"), "record", SegmentType.COMPOUND, SegmentStatus.GOING_LIVE,
         "contact", False, ["SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d"]),
        ("Badge scans", ("Badge scans",), "record", SegmentType.STATIC, SegmentStatus.DRAFT, None, True, []),
    ]
    follow_up = workspace.segments[1]
    assert text[follow_up.definition.start:follow_up.definition.end] == "Follow-up"
    assert workspace.graph["Follow-up"][0].target == "Webinar attendees"


def test_a_single_record_and_an_array_of_records_are_read_too():
    record = {"msdyncrm_segmentname": "Adults", "msdyncrm_segmentquery": "PROFILE(contact)"}
    workspace = Workspace.from_texts({"one.json": json.dumps(record),
                                      "many.json": json.dumps([record | {"msdyncrm_segmentname": "Kids"}])})
    assert [(s.path, s.key) for s in workspace.segments] == [("many.json", "Kids"), ("one.json", "Adults")]


def test_reference_positions_inside_json_strings_map_to_the_file():
    # The escaped quotes and the \u0020 make the raw text longer than the decoded query.
    text = ('{"msdyncrm_segmentname": "a", "msdyncrm_segmentquery": '
            '"PROFILE(contact).FILTER(fullname == \\"x\\")\\u0020UNION SEGMENT(missing_one)"}')
    workspace = Workspace.from_texts({"a.json": text})
    [diagnostic] = workspace.diagnostics_for("a.json")
    assert diagnostic.code == "W001"
    assert text[diagnostic.start:diagnostic.end] == "missing_one"
    assert where(diagnostic) == "1:119-1:130"


def test_syntax_errors_inside_json_strings_map_to_the_file():
    text = '{"msdyncrm_segmentname": "a",\n "msdyncrm_segmentquery": "PROFILE(contact).FILTER(x ==\\t)"}'
    workspace = Workspace.from_texts({"a.json": text})
    assert workspace.diagnostics_for("a.json") == []
    [diagnostic] = workspace.diagnostics_for("a.json", syntax=True)
    assert (diagnostic.code, where(diagnostic), text[diagnostic.start:diagnostic.end]) == ("S004", "2:58-2:59", ")")


def test_a_record_without_a_name_is_reported_and_still_checked():
    text = '[{"msdyncrm_segmentquery": "SEGMENT(nobody)"}]'
    workspace = Workspace.from_texts({"a.json": text})
    assert findings(workspace) == [
        ("a.json", "W011", "1:2-1:3", "this segment record has no `msdyncrm_segmentname`, "
         "`msdyncrm_segmentqueryname` or `msdyncrm_segmentid`: no segment can reference it"),
        ("a.json", "W001", "1:37-1:43", "no segment named `nobody` in the workspace"),
    ]
    assert workspace.segments[0].key == "(unnamed a.json:1)"


def test_invalid_json_is_one_positioned_diagnostic_and_the_rest_still_resolves(tmp_path):
    (tmp_path / "broken.json").write_text('{"value": [{"msdyncrm_segmentname": "x",}\n', encoding="utf-8")
    (tmp_path / "a.segq").write_text("SEGMENT(b)", encoding="utf-8")
    (tmp_path / "b.segq").write_text(SEATTLE, encoding="utf-8")
    workspace = Workspace.from_paths([tmp_path])
    broken = str(tmp_path / "broken.json")
    [diagnostic] = workspace.diagnostics_for(broken)
    assert (diagnostic.code, where(diagnostic)) == ("R001", "2:1-2:1")
    assert diagnostic.message.startswith("the body ends inside the array opened at line 1, column 11")
    assert workspace.order() == ["b", "a"]


def test_unreadable_files_are_reported_without_a_traceback(tmp_path):
    missing = str(tmp_path / "gone.segq")
    workspace = Workspace.from_paths([missing])
    [diagnostic] = workspace.diagnostics_for(missing)
    assert (diagnostic.code, where(diagnostic)) == ("E001", "1:1-1:1")
    assert diagnostic.message == "cannot read the file: No such file or directory"
    assert workspace.segments == []


def test_json_named_explicitly_without_segments_is_reported_but_found_in_a_directory_is_skipped(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "tools", "values": []}', encoding="utf-8")
    explicit = str(tmp_path / "package.json")
    assert findings(Workspace.from_paths([explicit])) == [
        (explicit, "W012", "1:1-1:2", "no segment records here: expected a record with `msdyncrm_segmentname`, "
         "an array of records, or an OData collection `{\"value\": [...]}`")]
    assert findings(Workspace.from_paths([tmp_path])) == []


def test_discovery_skips_hidden_directories_and_other_suffixes(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.segq").write_text(SEATTLE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("SEGMENT(a)", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.segq").write_text(SEATTLE, encoding="utf-8")
    (tmp_path / "a.segq").write_text("SEGMENT(b)", encoding="utf-8-sig")
    workspace = Workspace.from_paths([tmp_path])
    assert [s.key for s in workspace.segments] == ["a", "b"]
    assert workspace.segments[0].references[0].span == Span(8, 9)


def test_duplicate_names_point_at_the_first_definition():
    workspace = Workspace.from_texts({
        "a/adults.segq": SEATTLE, "b/adults.segq": SEATTLE,
        "records.json": json.dumps([{"msdyncrm_segmentname": "adults", "msdyncrm_segmentquery": "PROFILE(contact)"}]),
    })
    assert findings(workspace) == [
        ("b/adults.segq", "W008", "1:1-1:1",
         "another segment has the same name `adults` (a/adults.segq:1:1): references to it are ambiguous"),
        ("records.json", "W008", "1:28-1:34",
         "another segment has the same name `adults` (a/adults.segq:1:1): references to it are ambiguous"),
    ]
    [diagnostic] = workspace.diagnostics_for("b/adults.segq")
    assert related(diagnostic) == [("a/adults.segq", "1:1-1:1", "`adults (a/adults.segq:1)` is defined here")]
    assert [s.key for s in workspace.segments] == [
        "adults (a/adults.segq:1)", "adults (b/adults.segq:1)", "adults (records.json:1)"]
