"""to_validation_results: findings in the service's own result form."""

import json

from segquery.diagnostics import Severity
from segquery.requests import to_validation_results, validate_request, validate_segment

QUERY_BODY = json.dumps({"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350000, "statuscode": 192350006,
                         "msdyncrm_segmentquery": "PROFILE(contact"})


def test_query_errors_use_the_service_code_and_field_name():
    assert to_validation_results(validate_segment(QUERY_BODY, operation="validate")) == [
        {"ErrorCode": "SegmentDciValidator_SegmentInvalid", "FieldName": "msdyncrm_query",
         "Message": "`(` is never closed: add `)`"}]


def test_record_errors_use_the_rule_name_and_the_field():
    diagnostics = validate_segment('{"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": "static"}')
    assert to_validation_results(diagnostics) == [
        {"ErrorCode": "SegQuery_MissingRequiredField", "FieldName": "statuscode",
         "Message": "a new segment needs `statuscode`"},
        {"ErrorCode": "SegQuery_UnknownSegmentType", "FieldName": "msdyncrm_segmenttype",
         "Message": "`msdyncrm_segmenttype` takes the option value, not its label: 'static' is 192350001 "
                    "(Static segment)"},
    ]


def test_body_level_errors_have_an_empty_field_name():
    assert to_validation_results(validate_request("POST", "msdyncrm_segments", '{"a": 1')) == [
        {"ErrorCode": "SegQuery_JsonSyntaxError", "FieldName": "",
         "Message": "the body ends inside the object opened at line 1, column 1: `}` is missing"}]


def test_only_errors_count_unless_asked_and_a_valid_segment_gives_an_empty_list():
    diagnostics = validate_segment('{"statuscode": 192350001}', operation="update")
    assert [d.severity for d in diagnostics] == [Severity.WARNING]
    assert to_validation_results(diagnostics) == []
    assert to_validation_results(diagnostics, minimum=Severity.WARNING) == [
        {"ErrorCode": "SegQuery_DirectStatusJump", "FieldName": "statuscode",
         "Message": "setting 192350001 (Live) directly skips going live: set 192350006 (Going live) and let the "
                    "service finish the change"}]


def test_comment_in_a_query_is_a_query_error_for_the_service():
    body = json.dumps({"msdyncrm_segmentquery": "PROFILE(contact) /* x */"})
    assert to_validation_results(validate_segment(body, operation="update")) == [
        {"ErrorCode": "SegmentDciValidator_SegmentInvalid", "FieldName": "msdyncrm_query",
         "Message": "a comment in a query sent to the service: the service's query language has no comments"}]
