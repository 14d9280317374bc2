"""The request checks answer any input with diagnostics, never an exception."""

import json

from hypothesis import given
from hypothesis import strategies as st

from segquery.requests import check_request_file, to_validation_results, validate_request, validate_segment

FIELDS = ["msdyncrm_segmentname", "msdyncrm_segmenttype", "statuscode", "msdyncrm_segmentquery", "msdyncrm_query",
          "msdyncrm_segmentmemberids", "msdyncrm_segmentmemberid", "msdyncrm_segmentid", "msdyncrm_scope",
          "msdyncrm_islive", "createdon", "@odata.etag", "_ownerid_value", "other"]
IDS = ["59ac8bbf-57e7-e811-a9a9-000d3a35f403", "crm1405f4ba-1ee9-e811-a99d-000d3a35f12f", "{{id}}", "x", ""]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(IDS)
           | st.sampled_from([192350000, 192350001, 192350002, 192350006, "live", "static", "[]", '["x", 1]'])
           | st.lists(st.sampled_from(IDS), max_size=3).map(json.dumps) | st.text(max_size=20))
RECORDS = st.dictionaries(st.sampled_from(FIELDS), SCALARS | st.lists(SCALARS, max_size=3), max_size=6)
URLS = st.sampled_from(["msdyncrm_segments", "msdyncrm_segments(59ac8bbf-57e7-e811-a9a9-000d3a35f403)",
                        "msdyncrm_segments(x)", "msdyncrm_IncludeMemberInSegment", "msdyncrm_ExcludeMembersFromSegment",
                        "msdyncrm_ValidateSegment", "msdyncrm_segments?$select=a,,b", "", "/", "a(b)(c)", "(("])
METHODS = st.sampled_from(["GET", "POST", "PATCH", "DELETE", "PUT", "post", ""])
KNOWN = {"59ac8bbf-57e7-e811-a9a9-000d3a35f403": ("dynamic", "draft")}


@given(METHODS, URLS, RECORDS)
def test_any_request_gives_diagnostics(method, url, record):
    diagnostics = validate_request(method, url, record, known_segments=KNOWN)
    to_validation_results(diagnostics)


@given(RECORDS, st.sampled_from(["create", "update", "validate", "read"]))
def test_any_record_gives_diagnostics(record, operation):
    rendered = json.dumps(record, indent=2)
    for diagnostic in validate_segment(record, operation=operation):
        assert 0 <= diagnostic.start <= diagnostic.end <= len(rendered)


@given(st.lists(st.sampled_from(["POST msdyncrm_segments\n", "GET x\n", "PATCH msdyncrm_segments(1)\n", "###\n",
                                 "# c\n", "// c\n", "Header: v\n", "\n", "{", "}", '"a": ', "1", ",", "[", "]",
                                 "text\n", '"[\\"x\\"]"', "msdyncrm_segmentid", '"', "\\", "'"]), max_size=30)
       .map("".join))
def test_any_request_file_gives_diagnostics(text):
    for diagnostic in check_request_file(text):
        assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
