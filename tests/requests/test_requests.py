"""validate_request: URLs, methods, bodies and the include/exclude messages."""

import json

import pytest

from segquery.diagnostics import Applicability, Severity
from segquery.requests import check_request_file, validate_request

from request_helpers import apply_fix, at, found, found_messages, span_at

API = "{{orgUrl}}/api/data/v9.0/"
SEGMENT = "59ac8bbf-57e7-e811-a9a9-000d3a35f403"
MEMBER_1 = "b5672bdb-8899-43cb-9fa1-0ae4dc61dad3"
MEMBER_2 = "694e1c8e-f704-4b23-9b07-e65db1620e47"
CREATE = json.dumps({"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350001, "statuscode": 192350000})


def members(*ids: str) -> str:
    return json.dumps(list(ids))


def test_well_formed_requests_have_no_findings():
    assert validate_request("POST", API + "msdyncrm_segments", CREATE) == []
    assert validate_request("GET", API + f"msdyncrm_segments({SEGMENT})") == []
    assert validate_request("DELETE", API + f"msdyncrm_segments({SEGMENT})") == []
    assert validate_request("GET", API + "msdyncrm_segments?$select=msdyncrm_segmentname,statuscode&$top=5") == []
    assert validate_request("patch", API + "msdyncrm_segments({{SegmentId}})", '{"statuscode": 192350006}') == []
    body = {"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": members(MEMBER_1, MEMBER_2)}
    assert validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body) == []
    body = {"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberid": MEMBER_1}
    assert validate_request("POST", API + "msdyncrm_ExcludeMemberFromSegment", body) == []


@pytest.mark.parametrize("method, url, message", [
    ("POST", f"msdyncrm_segments({SEGMENT})",
     "a create goes to `msdyncrm_segments` without an id; to change this segment, use PATCH"),
    ("PATCH", "msdyncrm_segments", "an update needs the segment id: `msdyncrm_segments(<segment id>)`"),
    ("DELETE", "msdyncrm_segments", "a delete needs the segment id: `msdyncrm_segments(<segment id>)`"),
    ("PUT", f"msdyncrm_segments({SEGMENT})", "PUT is not used on `msdyncrm_segments`: create with POST, read with "
                                             "GET, update with PATCH, delete with DELETE"),
    ("GET", "msdyncrm_IncludeMembersInSegment",
     "`msdyncrm_IncludeMembersInSegment` is a message: call it with POST, not GET"),
])
def test_methods_that_do_not_fit_the_url(method, url, message):
    body = "{}" if method in ("POST", "PATCH", "PUT") else None
    diagnostics = [d for d in validate_request(method, API + url, body) if d.code == "R013"]
    assert found_messages(diagnostics) == [("R013", "1:1-1:1", message)]


@pytest.mark.parametrize("resource, suggestion", [
    ("msdyncrm_includemembersinsegment", "msdyncrm_IncludeMembersInSegment"),
    ("msdyncrm_IncludeMemberInSegments", "msdyncrm_IncludeMemberInSegment"),
    ("msdyncrm_segment", "msdyncrm_segments"),
])
def test_unknown_endpoints_suggest_the_closest_name(resource, suggestion):
    diagnostics = validate_request("POST", API + resource, "{}")
    assert found_messages(diagnostics) == [
        ("R012", "1:1-1:1", f"`{resource}` is neither `msdyncrm_segments` nor a segment message; did you mean "
                            f"`{suggestion}`?")]
    assert diagnostics[0].fix is None  # the URL is not in the body's text


def test_url_without_resource():
    assert found_messages(validate_request("POST", API, "{}")) == [
        ("R012", "1:1-1:1", "the URL ends with `/`, and names neither `msdyncrm_segments` nor a segment message")]


@pytest.mark.parametrize("url", ["", "?$select=msdyncrm_segmentname"])
def test_url_without_path(url):
    assert found_messages(validate_request("GET", url)) == [
        ("R012", "1:1-1:1", "the URL has no path, and names neither `msdyncrm_segments` nor a segment message")]


def test_url_without_path_in_a_request_file():
    text = "GET ?$top=1\n"
    assert found_messages(check_request_file(text)) == [
        ("R012", "1:5-1:5", "the URL has no path, and names neither `msdyncrm_segments` nor a segment message")]


def test_malformed_segment_id_in_the_url():
    assert found_messages(validate_request("GET", API + "msdyncrm_segments(7649566b-79e2-e811-a989-000d3a135be)")) == [
        ("R026", "1:1-1:1", "the segment id `7649566b-79e2-e811-a989-000d3a135be` in the URL is not a GUID: group 5 "
                            "has 11 digits, 12 are needed")]


def test_unknown_select_names():
    diagnostics = validate_request("GET", API + "msdyncrm_segments?$select=msdyncrm_segmentnam,foo")
    assert found_messages(diagnostics) == [
        ("R018", "1:1-1:1", "`foo` is not a column of msdyncrm_segment"),
        ("R018", "1:1-1:1", "`msdyncrm_segmentnam` is not a column of msdyncrm_segment; did you mean "
                            "`msdyncrm_segmentname`?"),
    ]


def test_missing_and_unexpected_bodies():
    assert found_messages(validate_request("POST", API + "msdyncrm_segments", None)) == [
        ("R014", "1:1-1:1", "a POST request needs a JSON body")]
    diagnostics = validate_request("DELETE", API + f"msdyncrm_segments({SEGMENT})", '{"statuscode": 1}')
    assert found_messages(diagnostics) == [
        ("R015", "1:1-1:18", "a DELETE request takes no body: the service ignores it")]
    assert diagnostics[0].severity is Severity.WARNING


def test_create_and_validate_bodies_are_checked_as_records():
    assert found(validate_request("POST", API + "msdyncrm_segments", "{}")) == [("R017", "1:1-1:2")] * 3
    assert found(validate_request("POST", API + "msdyncrm_ValidateSegment", "{}")) == [("R017", "1:1-1:2")] * 3
    assert found_messages(validate_request("POST", API + "msdyncrm_ValidateSegment", "{}"))[0][2] == (
        "a segment definition needs `msdyncrm_segmentname`")


def test_update_uses_the_known_state_of_the_segment_in_the_url():
    known = {SEGMENT: ("dynamic", "draft")}
    diagnostics = validate_request("PATCH", API + f"msdyncrm_segments({SEGMENT.upper()})", '{"statuscode": 192350007}',
                                   known_segments=known)
    assert found(diagnostics) == [("R024", "1:16-1:25")]


def test_singular_message_with_several_ids_asks_for_the_plural_message():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberid": members(MEMBER_1, MEMBER_2)})
    diagnostics = validate_request("POST", API + "msdyncrm_IncludeMemberInSegment", body)
    value = json.dumps(members(MEMBER_1, MEMBER_2))
    assert found_messages(diagnostics) == [
        ("R031", at(body, value), "`msdyncrm_IncludeMemberInSegment` takes one id; this list has 2: use "
                                  "`msdyncrm_IncludeMembersInSegment`")]
    assert diagnostics[0].fix is None  # the fix edits the URL, which only a request file holds


def test_singular_message_with_a_one_element_array_and_the_plural_parameter_name():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": members(MEMBER_1), "extra": 1})
    diagnostics = validate_request("POST", API + "msdyncrm_ExcludeMemberFromSegment", body)
    assert found_messages(diagnostics) == [
        ("R019", at(body, '"msdyncrm_segmentmemberids"'), "`msdyncrm_ExcludeMemberFromSegment` takes "
         "`msdyncrm_segmentmemberid`, not `msdyncrm_segmentmemberids`: the singular messages take one id in "
         "`msdyncrm_segmentmemberid`"),
        ("R027", at(body, json.dumps(members(MEMBER_1))), "`msdyncrm_segmentmemberids` of a singular message takes "
                                                          "one id, not a JSON array"),
        ("R018", at(body, '"extra"'), "`extra` is not a parameter of `msdyncrm_ExcludeMemberFromSegment`"),
    ]
    assert diagnostics[0].severity is Severity.ERROR
    assert diagnostics[0].fix.applicability is Applicability.SAFE
    fixed = json.loads(apply_fix(apply_fix(body, diagnostics[1]), diagnostics[0]))
    assert fixed["msdyncrm_segmentmemberid"] == MEMBER_1


def test_plural_message_with_the_singular_parameter_name_is_a_warning_with_an_unsafe_fix():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberid": members(MEMBER_1)})
    (diagnostic,) = validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)
    assert found_messages([diagnostic]) == [
        ("R019", at(body, '"msdyncrm_segmentmemberid"'), "`msdyncrm_IncludeMembersInSegment` takes "
         "`msdyncrm_segmentmemberids`, not `msdyncrm_segmentmemberid`: the latest documented signature of the plural "
         "messages names it `msdyncrm_segmentmemberids`")]
    assert (diagnostic.severity, diagnostic.fix.applicability) == (Severity.WARNING, Applicability.UNSAFE)


def test_plural_message_with_one_bare_id_gets_a_wrapping_fix():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": MEMBER_1})
    (diagnostic,) = validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)
    assert found_messages([diagnostic]) == [
        ("R027", at(body, f'"{MEMBER_1}"'), '`msdyncrm_segmentmemberids` holds one id, not a JSON array of ids: write '
         '["<id>", ...] inside the string; for one id, use `msdyncrm_IncludeMemberInSegment`')]
    fixed = json.loads(apply_fix(body, diagnostic))
    assert json.loads(fixed["msdyncrm_segmentmemberids"]) == [MEMBER_1]


def test_member_list_that_is_not_json():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": "not json"})
    assert found_messages(validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)) == [
        ("R027", at(body, '"not json"'), '`msdyncrm_segmentmemberids` holds `not json`, not a JSON array of ids: '
                                         'write ["<id>", ...] inside the string')]


def test_broken_member_list_is_reported_inside_the_string():
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": f'["{MEMBER_1}", ]'})
    diagnostics = validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)
    comma = body.index(", ]")
    assert found_messages(diagnostics) == [
        ("R004", span_at(body, comma, comma + 1), "trailing comma before `]`: JSON does not allow it")]
    assert apply_fix(body, diagnostics[0]) == body.replace(", ]", " ]")


def test_malformed_member_ids_say_which_and_why():
    bad = [f"crm{MEMBER_1}", MEMBER_1[:-1] + "g", MEMBER_2 + "0", "{" + MEMBER_2 + "}"]
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": members(*bad)})
    assert found_messages(validate_request("POST", API + "msdyncrm_ExcludeMembersFromSegment", body)) == [
        ("R028", at(body, bad[1]), f"member id #2 `{bad[1]}` is not a GUID: `g` at character 36 is not a "
                                   "hexadecimal digit"),
        ("R028", at(body, bad[2]), f"member id #3 `{bad[2]}` is not a GUID: group 5 has 13 digits, 12 are needed"),
        ("R028", at(body, bad[3]), f"member id #4 `{bad[3]}` is not a GUID: braces are not part of the id here"),
    ]


def test_segment_id_of_a_message():
    body = json.dumps({"msdyncrm_segmentid": "crm" + SEGMENT, "msdyncrm_segmentmemberids": members(MEMBER_1)})
    diagnostics = validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)
    assert found_messages(diagnostics) == [
        ("R026", at(body, f'"crm{SEGMENT}"'), f"`msdyncrm_segmentid` `crm{SEGMENT}` is not a GUID: the `crm` "
                                              "prefix belongs to member ids, not to segment ids")]
    assert json.loads(apply_fix(body, diagnostics[0]))["msdyncrm_segmentid"] == SEGMENT
    body = json.dumps({"msdyncrm_segmentid": 5, "msdyncrm_segmentmemberids": members(MEMBER_1)})
    assert found_messages(validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)) == [
        ("R016", at(body, "5"), "`msdyncrm_segmentid` takes the segment id as a string, not a number")]


def test_message_parameters_are_required():
    assert found_messages(validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", "{}")) == [
        ("R017", "1:1-1:2", "`msdyncrm_IncludeMembersInSegment` needs `msdyncrm_segmentid`: the segment to change"),
        ("R017", "1:1-1:2", "`msdyncrm_IncludeMembersInSegment` needs `msdyncrm_segmentmemberids`: the ids of the "
                            "contacts to include"),
    ]
    assert found_messages(validate_request("POST", API + "msdyncrm_ExcludeMemberFromSegment", "[]")) == [
        ("R016", "1:1-1:3", "the body of `msdyncrm_ExcludeMemberFromSegment` is a JSON object, not an array")]


def test_more_than_ten_thousand_ids():
    ids = [f"{number:08x}-0000-0000-0000-000000000000" for number in range(10_001)]
    body = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": members(*ids)})
    diagnostics = validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", body)
    assert [(d.code, d.message) for d in diagnostics] == [
        ("R030", "10,001 member ids in one request: the limit is 10,000; split the list into several requests")]
    assert body[diagnostics[0].start:diagnostics[0].end].startswith(ids[0])
    assert body[diagnostics[0].start:diagnostics[0].end].endswith(ids[-1])
    ten_thousand = json.dumps({"msdyncrm_segmentid": SEGMENT, "msdyncrm_segmentmemberids": members(*ids[:10_000])})
    assert validate_request("POST", API + "msdyncrm_IncludeMembersInSegment", ten_thousand) == []


@pytest.mark.parametrize("segment_type, status, reported", [
    ("dynamic", "draft", True),
    ("compound", "going live", True),
    ("dynamic", "live", False),
    ("compound", "stopped", False),
    ("static", "draft", False),
])
def test_include_exclude_needs_a_live_or_stopped_query_segment(segment_type, status, reported):
    body = json.dumps({"msdyncrm_segmentid": SEGMENT.upper(), "msdyncrm_segmentmemberids": members(MEMBER_1)})
    diagnostics = validate_request("POST", API + "msdyncrm_ExcludeMembersFromSegment", body,
                                   known_segments={SEGMENT: (segment_type, status)})
    if not reported:
        assert diagnostics == []
        return
    label = {"draft": "192350000 (Draft)", "going live": "192350006 (Going live)"}[status]
    assert found_messages(diagnostics) == [
        ("R032", at(body, f'"{SEGMENT.upper()}"'), f"the segment is a {segment_type} segment in status {label}: "
         "exclude works on dynamic and compound segments only when they are live or stopped")]


def test_plain_python_body():
    diagnostics = validate_request("POST", "msdyncrm_segments", {"msdyncrm_segmentname": "a",
                                                                 "msdyncrm_segmenttype": 192350001, "statuscode": 3})
    assert found(diagnostics) == [("R021", "4:17-4:18")]
