"""Real-time requests: endpoints, actions, the dialect a body is read in, request files and the examples."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segquery.requests import check_request_file, validate_request, validate_segment

from request_helpers import REPO_ROOT, after, apply_fix, at, found, found_messages

EXAMPLES = REPO_ROOT / "examples" / "realtime" / "requests"
ID = "4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f10"


# ---------------------------------------------------------------- endpoints and methods


@pytest.mark.parametrize("method, url, message", [
    ("PATCH", "msdynmkt_segmentdefinitions", "an update needs the segment definition id: "
     "`msdynmkt_segmentdefinitions(<segment definition id>)`"),
    ("DELETE", "msdynmkt_segments", "a delete needs the segment id: `msdynmkt_segments(<segment id>)`"),
    ("POST", f"msdynmkt_segments({ID})", "a create goes to `msdynmkt_segments` without an id; to change this "
     "segment, use PATCH"),
    ("GET", "msdynmkt_MembersList", "`msdynmkt_MembersList` is an action: call it with POST, not GET"),
    ("PUT", "msdynmkt_segmentdefinitions", "PUT is not used on `msdynmkt_segmentdefinitions`: create with POST, "
     "read with GET, update with PATCH, delete with DELETE"),
])
def test_methods_that_do_not_fit_a_real_time_url(method, url, message):
    body = "{}" if method in ("PATCH", "POST") else None
    assert found_messages(validate_request(method, url, body))[:1] == [("R013", "1:1-1:1", message)]


def test_real_time_urls_ids_and_near_misses():
    assert found_messages(validate_request("GET", "msdynmkt_segmentdefinitions(123)")) == [
        ("R044", "1:1-1:1", "the segment definition id `123` in the URL is not a GUID: it has 1 group of digits, "
         "a GUID has 5 (8-4-4-4-12)")]
    assert found_messages(validate_request("POST", "msdynmkt_segmentdefinition", "{}")) == [
        ("R012", "1:1-1:1", "`msdynmkt_segmentdefinition` is neither `msdynmkt_segmentdefinitions`, "
         "`msdynmkt_segments` nor a real-time segment action; did you mean `msdynmkt_segmentdefinitions`?")]
    assert validate_request("GET", f"msdynmkt_segments({ID})") == []
    assert validate_request("DELETE", f"msdynmkt_segmentdefinitions({ID})") == []


def test_select_names_columns_of_the_real_time_table():
    text = "GET {{orgUrl}}/api/data/v9.2/msdynmkt_segments?$select=msdynmkt_displayname,msdynmkt_typ"
    [diagnostic] = check_request_file(text)
    assert found_messages([diagnostic]) == [
        ("R040", at(text, "msdynmkt_typ"), "`msdynmkt_typ` is not a known column of msdynmkt_segment; did you "
         "mean `msdynmkt_type`?")]
    assert apply_fix(text, diagnostic).endswith("$select=msdynmkt_displayname,msdynmkt_type")


# ---------------------------------------------------------------- actions


def test_the_actions_take_one_segment_id():
    assert validate_request("POST", "msdynmkt_PublishSegmentDefinition", json.dumps({"SegmentId": ID})) == []
    assert validate_request("POST", "msdynmkt_MembersList", json.dumps({"SegmentId": "{{SegmentId}}"})) == []
    text = '{"segmentId": "abc", "Force": true}'
    diagnostics = validate_request("POST", "msdynmkt_PublishSegmentDefinition", text)
    assert found_messages(diagnostics) == [
        ("R052", at(text, '"segmentId"'), "`segmentId` is not a parameter of `msdynmkt_PublishSegmentDefinition`; "
         "did you mean `SegmentId`?"),
        ("R044", at(text, '"abc"'), "`SegmentId` `abc` is not a GUID: it has 1 group of digits, a GUID has 5 "
         "(8-4-4-4-12)"),
        ("R052", at(text, '"Force"'), "`Force` is not a parameter of `msdynmkt_PublishSegmentDefinition`")]
    assert apply_fix(text, diagnostics[0]) == '{"SegmentId": "abc", "Force": true}'


def test_an_action_body_without_a_usable_segment_id():
    assert found_messages(validate_request("POST", "msdynmkt_MembersList", "{}")) == [
        ("R041", "1:1-1:2", "`msdynmkt_MembersList` needs `SegmentId`: the id of the segment")]
    assert found_messages(validate_request("POST", "msdynmkt_MembersList", '{"SegmentId": 5}')) == [
        ("R016", "1:15-1:16", "`SegmentId` takes the segment id as a string, not a number")]
    assert found_messages(validate_request("POST", "msdynmkt_MembersList", '{"SegmentId": null}')) == [
        ("R041", "1:15-1:19", "`SegmentId` takes the segment id as a string, not null")]
    assert found_messages(validate_request("POST", "msdynmkt_MembersList", "[]")) == [
        ("R016", "1:1-1:3", "the body of `msdynmkt_MembersList` is a JSON object, not an array")]


# ---------------------------------------------------------------- which dialect a body is read in


def test_real_time_fields_sent_to_the_outbound_table_are_checked_as_a_definition():
    text = '{"msdynmkt_segmentquery": "PROFILE(contact).FILTER(gendercode IN [1])", "statuscode": 5}'
    assert found_messages(validate_request("POST", "msdyncrm_segments", text)) == [
        ("R053", at(text, '"msdynmkt_segmentquery"'), "this body has real-time journeys fields: it is a "
         "msdynmkt_segmentdefinition record, which goes to `msdynmkt_segmentdefinitions`, not `msdyncrm_segments`"),
        ("R042", at(text, "5"), "5 is not an option of `statuscode`; the options are 723270000 (Live), 723270001 "
         "(Draft), 723270002 (Going live), 723270003 (Deleted)")]


def test_outbound_fields_sent_to_a_real_time_table_are_checked_as_an_outbound_record():
    text = '{"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350001, "statuscode": 192350000}'
    assert found_messages(validate_request("POST", "msdynmkt_segmentdefinitions", text)) == [
        ("R053", at(text, '"msdyncrm_segmentname"'), "this body has outbound marketing fields: it is a "
         "msdyncrm_segment record, which goes to `msdyncrm_segments`, not `msdynmkt_segmentdefinitions`")]


def test_a_body_that_mixes_both_dialects():
    text = '{"msdynmkt_segmentquery": "PROFILE(contact)", "msdyncrm_segmentquery": "PROFILE(contact)"}'
    assert found_messages(validate_request("POST", "msdynmkt_segmentdefinitions", text)) == [
        ("R053", at(text, '"msdyncrm_segmentquery"'), "`msdyncrm_segmentquery` is an outbound marketing column: a "
         "msdynmkt_segmentdefinition record of real-time journeys does not have it")]
    outbound = ('{"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350001, "statuscode": 192350000, '
                '"msdynmkt_type": 10}')
    assert found_messages(validate_request("POST", "msdyncrm_segments", outbound)) == [
        ("R053", at(outbound, '"msdynmkt_type"'), "`msdynmkt_type` is a real-time journeys column: a "
         "msdyncrm_segment record of outbound marketing does not have it")]


def test_a_record_or_a_bare_body_is_read_as_the_table_its_fields_name():
    assert [d.code for d in validate_segment({"msdynmkt_displayname": "A"})] == ["R041"] * 4
    # The query of a definition is validated with the real-time rules: a segment of accounts is V050.
    assert [d.code for d in validate_segment({"msdynmkt_segmentquery": "PROFILE(account)"})] == ["V050"]
    assert validate_segment({"msdynmkt_segmentquery": "PROFILE(lead)"}) == []
    assert [d.code for d in check_request_file('{"msdynmkt_type": 12}')] == ["R041"] * 4 + ["R042"]
    assert found_messages(check_request_file('{"SegmentId": "x"}')) == [
        ("R044", "1:15-1:18", "`SegmentId` `x` is not a GUID: `x` at character 1 is not a hexadecimal digit")]
    collection = json.dumps({"@odata.context": "...", "value": [
        {"msdynmkt_segmentdefinitionid": ID, "msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": 723270000},
        {"msdyncrm_segmentname": "old", "statuscode": 192350001}]})
    assert check_request_file(collection) == []


# ---------------------------------------------------------------- files and examples


def test_the_vendor_bodies_get_exactly_the_non_strict_json_findings():
    path = EXAMPLES / "vendor" / "create-segment.http"
    text = path.read_text()
    diagnostics = check_request_file(path)
    assert found_messages(diagnostics) == [
        ("R005", at(text, "// draft"), "a `//` comment is not JSON"),
        ("R004", after(text, '"[]"', 1), "trailing comma before `}`: JSON does not allow it"),
        ("R005", at(text, "// no static member groups"), "a `//` comment is not JSON"),
        ("R005", at(text, "// dynamic"), "a `//` comment is not JSON"),
        ("R005", at(text, "// Customer Insights - Journeys"), "a `//` comment is not JSON"),
        ("R005", at(text, "// the id of the segment definition created above"), "a `//` comment is not JSON")]
    fixed = text
    for diagnostic in reversed(diagnostics):
        fixed = apply_fix(fixed, diagnostic)
    assert check_request_file(fixed) == []


PINNED = {
    "good/create-segment.http": [],
    "good/static-definition.json": [],
    "bad/definition.json": [("S030", "2:44-2:55"), ("S030", "2:57-2:65"), ("S035", "2:136-2:147"),
                            ("R054", "4:17-4:26"), ("R040", "5:3-5:36")],
    "bad/segment.json": [("R042", "3:20-3:29"), ("R042", "4:22-4:52"), ("R043", "5:37-5:43"), ("R044", "6:32-6:69")],
    "bad/static-members.json": [("R045", "4:108-4:119"), ("R045", "4:187-4:188"), ("R045", "4:201-4:241"),
                                ("R051", "5:3-5:29"), ("R048", "5:68-5:69"), ("R055", "6:3-6:29")],
    "bad/wrong-endpoints.http": [("R053", "3:31-3:48"), ("R013", "11:30-11:50"), ("R052", "16:2-16:13")],
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_every_example_gets_its_pinned_findings(name):
    assert found(check_request_file(EXAMPLES / name)) == PINNED[name]


def test_every_example_is_pinned():
    files = {str(path.relative_to(EXAMPLES)) for path in EXAMPLES.rglob("*") if path.is_file()}
    assert files == set(PINNED) | {"vendor/create-segment.http"}


# ---------------------------------------------------------------- any input


RT_FIELDS = ["msdynmkt_segmentquery", "msdynmkt_staticlistmembers", "msdynmkt_includedmembers",
             "msdynmkt_excludedmembers", "statuscode", "statecode", "msdynmkt_type", "msdynmkt_source",
             "msdynmkt_baseentitylogicalname", "msdynmkt_sourcesegmentuid", "msdynmkt_displayname", "SegmentId",
             "msdynmkt_other", "msdyncrm_segmentname", "@odata.etag"]
RT_SCALARS = (st.none() | st.booleans() | st.integers() | st.sampled_from([ID, f"crm{ID}", "{{id}}", "x", "", "[]",
                                                                           f"{ID},,{ID};x", "[{", "[1, {}]"])
              | st.lists(st.fixed_dictionaries({}, optional={"groupId": st.sampled_from([ID, "x", 1]),
                                                              "includeType": st.sampled_from(["Include", "exclude"]),
                                                              "name": st.text(max_size=3), "other": st.none()}),
                         max_size=3).map(json.dumps)
              | st.text(max_size=20))
RT_RECORDS = st.dictionaries(st.sampled_from(RT_FIELDS), RT_SCALARS | st.lists(RT_SCALARS, max_size=3), max_size=6)
RT_URLS = st.sampled_from(["msdynmkt_segmentdefinitions", f"msdynmkt_segmentdefinitions({ID})", "msdynmkt_segments",
                           "msdynmkt_segments(x)", "msdynmkt_PublishSegmentDefinition", "msdynmkt_MembersList",
                           "msdyncrm_segments", "msdynmkt_segments?$select=x"])


@given(st.sampled_from(["GET", "POST", "PATCH", "DELETE"]), RT_URLS, RT_RECORDS)
def test_any_real_time_request_gives_positioned_diagnostics(method, url, record):
    rendered = json.dumps(record, indent=2)
    for diagnostic in validate_request(method, url, record):
        assert 0 <= diagnostic.start <= diagnostic.end <= len(rendered)


def test_check_reports_the_pinned_findings_of_the_examples_and_of_the_workspace_records(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    from segquery.checking import check_paths

    named = [f"examples/realtime/requests/{name}" for name in sorted(PINNED)]
    reports = check_paths([*named, "examples/realtime/workspace/quiet_in_seattle.json"])
    assert {report.path: found(report.diagnostics) for report in reports} == {
        **{path: PINNED[path.removeprefix("examples/realtime/requests/")] for path in named},
        "examples/realtime/workspace/quiet_in_seattle.json": []}
