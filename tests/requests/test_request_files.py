"""check_request_file: HTTP-style files, bare bodies, OData collections, files on disk."""

import json

from segquery.diagnostics import Applicability
from segquery.requests import check_request_file

from request_helpers import after, apply_fix, at, found, found_messages

HTTP_FILE = """\
# Create then include
POST {{orgUrl}}/api/data/v9.0/msdyncrm_segments HTTP/1.1
Content-Type: application/json
Accept: application/json

{
  "msdyncrm_segmentname": "Adults",
  "msdyncrm_segmenttype": 192350000,
  "statuscode": 192350000,
  "msdyncrm_segmentquery": "PROFILE(contact).FILTER(age > 18"
}

###
POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMemberInSegment
{"msdyncrm_segmentid": "59ac8bbf-57e7-e811-a9a9-000d3a35f403", "msdyncrm_segmentmemberid": \
"[\\"b5672bdb-8899-43cb-9fa1-0ae4dc61dad3\\", \\"694e1c8e-f704-4b23-9b07-e65db1620e47\\"]"}
GET {{orgUrl}}/api/data/v9.0/msdyncrm_segments?$select=msdyncrm_segmentname,msdyncrm_segmentnam
POST {{orgUrl}}/api/data/v9.0/msdyncrm_includemembersinsegment
{}
"""


def test_http_file_with_several_requests_reports_in_file_positions():
    diagnostics = check_request_file(HTTP_FILE)
    members = json.dumps(json.dumps(["b5672bdb-8899-43cb-9fa1-0ae4dc61dad3", "694e1c8e-f704-4b23-9b07-e65db1620e47"]))
    assert found_messages(diagnostics) == [
        ("S007", "10:52-10:53", "`(` is never closed: add `)`"),
        ("R031", at(HTTP_FILE, members), "`msdyncrm_IncludeMemberInSegment` takes one id; this list has 2: use "
                                         "`msdyncrm_IncludeMembersInSegment`"),
        ("R018", after(HTTP_FILE, "$select=msdyncrm_segmentname,", len("msdyncrm_segmentnam")),
         "`msdyncrm_segmentnam` is not a column of msdyncrm_segment; did you mean `msdyncrm_segmentname`?"),
        ("R012", at(HTTP_FILE, "msdyncrm_includemembersinsegment"), "`msdyncrm_includemembersinsegment` is "
         "neither `msdyncrm_segments` nor a segment message; did you mean `msdyncrm_IncludeMembersInSegment`?"),
    ]
    assert HTTP_FILE.splitlines()[9][51] == "("


def test_plural_fix_renames_the_message_in_the_url_and_the_parameter():
    diagnostics = check_request_file(HTTP_FILE)
    plural = next(d for d in diagnostics if d.code == "R031")
    fixed = apply_fix(HTTP_FILE, plural)
    assert "POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment\n" in fixed
    assert '"msdyncrm_segmentmemberids": "[' in fixed
    assert plural.fix.applicability is Applicability.SAFE
    assert not any(d.code == "R031" for d in check_request_file(fixed))


def test_endpoint_and_select_fixes_edit_the_url():
    diagnostics = check_request_file(HTTP_FILE)
    endpoint = next(d for d in diagnostics if d.code == "R012")
    assert endpoint.fix.applicability is Applicability.SAFE
    assert "/msdyncrm_IncludeMembersInSegment\n{}" in apply_fix(HTTP_FILE, endpoint)
    select = next(d for d in diagnostics if d.code == "R018")
    assert "$select=msdyncrm_segmentname,msdyncrm_segmentname\n" in apply_fix(HTTP_FILE, select)
    assert select.fix.applicability is Applicability.UNSAFE


def test_stray_lines_and_missing_bodies():
    text = "Add a member\nPOST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment\n\n// note\n"
    assert found_messages(check_request_file(text)) == [
        ("R011", "1:1-1:13", "`Add a member` is not a request line: a request starts with METHOD URL; write "
                             "comments after `#`"),
        ("R014", at(text, "POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment"),
         "a POST request needs a JSON body"),
    ]


def test_body_of_a_get_request_is_reported():
    text = "GET {{orgUrl}}/api/data/v9.0/msdyncrm_segments\n\n{\"statuscode\": 192350000}\n"
    assert found(check_request_file(text)) == [("R015", "3:1-3:26")]


def test_crlf_line_endings():
    text = 'PATCH {{orgUrl}}/api/data/v9.0/msdyncrm_segments({{id}})\r\n{\r\n  "statuscode": 192350001\r\n}\r\n'
    assert found(check_request_file(text)) == [("R023", "3:17-3:26")]


def test_file_with_only_comments():
    assert found_messages(check_request_file("# nothing yet\n")) == [
        ("R001", "1:1-1:1", "the file holds no request and no JSON body")]


def test_bare_body_is_a_create_unless_told_otherwise():
    text = '{"statuscode": 192350001}'
    assert found(check_request_file(text)) == [("R017", "1:1-1:2"), ("R017", "1:1-1:2"), ("R023", "1:16-1:25")]
    assert found(check_request_file(text, method="PATCH",
                                    path="msdyncrm_segments(7649566b-79e2-e811-a989-000d3a135be0)")) == [
        ("R023", "1:16-1:25")]


def test_collection_records_are_checked_as_read_records():
    text = json.dumps({"@odata.context": "x", "value": [
        {"msdyncrm_segmentname": "a", "statuscode": 5},
        {"msdyncrm_segmenttype": 192350001, "msdyncrm_segmentquery": "PROFILE(contact"},
        {"msdyncrm_segmentname": "b", "statuscode": 192350001, "_ownerid_value": "x", "@odata.etag": "W/1"},
    ]})
    assert found(check_request_file(text)) == [
        ("R021", after(text, '"statuscode": ', 1)),
        ("R022", at(text, '"msdyncrm_segmentquery"')),
        ("S007", "1:152-1:153"),
    ]
    assert text[151] == "("


def test_files_on_disk(tmp_path):
    path = tmp_path / "create.http"
    path.write_text('POST {{orgUrl}}/api/data/v9.0/msdyncrm_segments\n{ msdyncrm_segmentname: "a" }\n')
    expected = [("R017", "2:1-2:2"), ("R017", "2:1-2:2"), ("R002", "2:3-2:23")]
    assert found(check_request_file(path)) == expected
    assert found(check_request_file(str(path))) == expected


def test_byte_order_mark_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "body.json"
    path.write_bytes(b'\xef\xbb\xbf{"statuscode": 192350006}')
    assert found(check_request_file(path, method="PATCH", path="msdyncrm_segments({{id}})")) == []


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "body.json"
    path.write_bytes(b'{"msdyncrm_segmentname": "caf\xe9"}')
    assert found_messages(check_request_file(path)) == [
        ("E002", "1:30-1:31", "the file is not valid UTF-8 text: byte 0xe9 cannot be decoded")]
