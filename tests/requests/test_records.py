"""validate_segment: required fields, option values, types, queries, member ids, status changes."""

import json

import pytest

from segquery.diagnostics import Applicability, Severity
from segquery.requests import validate_segment

from request_helpers import after, apply_fix, at, found, found_messages

SEGMENT = "7649566b-79e2-e811-a989-000d3a135be0"


def body(**fields) -> str:
    """A one-line body, so that columns are easy to read in the assertions."""
    return json.dumps(fields)


def no_query(text, kind):
    return []


def test_complete_draft_dynamic_segment_has_no_findings():
    text = body(msdyncrm_segmentname="Adults", msdyncrm_segmenttype=192350000, statuscode=192350000,
                msdyncrm_segmentquery="PROFILE(contact)")
    assert validate_segment(text) == []


def test_missing_required_fields_point_at_the_opening_brace():
    assert found_messages(validate_segment("{}")) == [
        ("R017", "1:1-1:2", "a new segment needs `msdyncrm_segmentname`"),
        ("R017", "1:1-1:2", "a new segment needs `msdyncrm_segmenttype`"),
        ("R017", "1:1-1:2", "a new segment needs `statuscode`"),
    ]


@pytest.mark.parametrize("segment_type, kind", [(192350000, "dynamic"), (192350002, "compound")])
def test_dynamic_and_compound_segments_need_a_query(segment_type, kind):
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=segment_type, statuscode=192350000)
    assert found_messages(validate_segment(text)) == [
        ("R017", "1:1-1:2", f"a {kind} segment needs `msdyncrm_segmentquery`: its members are the result of the query")]


def test_static_segment_needs_no_query_and_a_query_on_it_is_a_warning():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350001, statuscode=192350000)
    assert validate_segment(text) == []
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350001, statuscode=192350000,
                msdyncrm_segmentquery="PROFILE(contact)")
    (diagnostic,) = validate_segment(text)
    assert found_messages([diagnostic]) == [
        ("R022", at(text, '"msdyncrm_segmentquery"'), "a static segment has no query: its members are the ids it is given; this query is "
                               "at best unused")]
    assert diagnostic.severity is Severity.WARNING


def test_empty_and_null_required_values():
    text = body(msdyncrm_segmentname="", msdyncrm_segmenttype=192350000, statuscode=None, msdyncrm_segmentquery=" ")
    assert found_messages(validate_segment(text)) == [
        ("R017", at(text, '""'), "`msdyncrm_segmentname` is empty: a segment needs a name"),
        ("R017", at(text, "null"), "`statuscode` is required and cannot be null"),
        ("R017", at(text, '" "'), "a dynamic segment needs a query; `msdyncrm_segmentquery` is empty"),
    ]


def test_labels_given_for_option_values_get_the_value_as_a_safe_fix():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype="Static", statuscode="live")
    diagnostics = validate_segment(text)
    assert found_messages(diagnostics) == [
        ("R020", at(text, '"Static"'), "`msdyncrm_segmenttype` takes the option value, not its label: 'Static' is "
                                       "192350001 (Static segment)"),
        ("R021", at(text, '"live"'), "`statuscode` takes the option value, not its label: 'live' is 192350001 (Live)"),
    ]
    assert [d.fix.applicability for d in diagnostics] == [Applicability.SAFE, Applicability.SAFE]
    assert json.loads(apply_fix(text, diagnostics[1]))["statuscode"] == 192350001


def test_a_close_label_is_an_unsafe_suggestion():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350001, statuscode="goin live")
    (diagnostic,) = validate_segment(text)
    assert found_messages([diagnostic]) == [
        ("R021", at(text, '"goin live"'), "`statuscode` takes an option value, not the text 'goin live'; did you mean "
                              "192350006 (Going live)?")]
    assert diagnostic.fix.applicability is Applicability.UNSAFE


def test_number_in_a_string_is_a_type_error_with_a_fix():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype="192350001", statuscode=192350000)
    (diagnostic,) = validate_segment(text)
    assert found_messages([diagnostic]) == [
        ("R016", at(text, '"192350001"'), "`msdyncrm_segmenttype` takes a number, not a string: write 192350001 "
                                          "without quotes")]
    assert json.loads(apply_fix(text, diagnostic))["msdyncrm_segmenttype"] == 192350001


def test_a_number_in_a_string_too_long_to_read_is_reported_not_crashed():
    digits = "1" * 5000
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=digits, statuscode=192350000)
    assert found_messages(validate_segment(text)) == [
        ("R020", at(text, f'"{digits}"'), f"`msdyncrm_segmenttype` takes an option value, not the text "
                                          f"'{digits[:39]}…'; the options are 192350000 (Dynamic segment), "
                                          "192350001 (Static segment), 192350002 (Compound segment)")]


def test_unknown_option_numbers_list_the_options():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350003, statuscode=192350009, msdyncrm_scope=1)
    assert found_messages(validate_segment(text)) == [
        ("R020", at(text, "192350003"), "192350003 is not an option of `msdyncrm_segmenttype`; the options are 192350000 "
                              "(Dynamic segment), 192350001 (Static segment), 192350002 (Compound segment)"),
        ("R021", at(text, "192350009"), "192350009 is not an option of `statuscode`; the options are 192350000 (Draft), "
                              "192350001 (Live), 192350002 (Stopped), 192350003 (Live editable), 192350004 "
                              "(Expired), 192350005 (Error), 192350006 (Going live), 192350007 (Stopping)"),
        ("R035", after(text, '"msdyncrm_scope": ', 1), "1 is not an option of `msdyncrm_scope`; the options are 270100000 (Organization), "
                                "270100001 (Business unit)"),
    ]


def test_other_column_types():
    text = body(msdyncrm_segmentname=5, msdyncrm_islive="false", msdyncrm_segmentsize=1.5,
                msdyncrm_segmentrefreshrateintervalminutes=60.0, msdyncrm_segmentid="abc")
    diagnostics = validate_segment(text, operation="read")
    assert found_messages(diagnostics) == [
        ("R016", at(text, "5"), "`msdyncrm_segmentname` takes a string, not a number"),
        ("R016", at(text, '"false"'), "`msdyncrm_islive` takes true or false, not a string"),
        ("R016", at(text, "1.5"), "`msdyncrm_segmentsize` takes a whole number, not `1.5`"),
        ("R016", at(text, "60.0"), "`msdyncrm_segmentrefreshrateintervalminutes` takes a whole number: write `60`"),
        ("R026", at(text, '"abc"'), "`msdyncrm_segmentid` `abc` is not a GUID: it has 1 group of digits, a GUID has 5 "
                                    "(8-4-4-4-12)"),
    ]
    assert [apply_fix(text, d)[d.start:d.start + 7] for d in diagnostics if d.fix] == ['"5", "m', "false, ", "60, \"ms"]


def test_too_long_values():
    text = body(msdyncrm_segmentname="x" * 101, msdyncrm_segmenttype=192350000, statuscode=192350000,
                msdyncrm_segmentquery="PROFILE(contact)" + " " * 4000)
    assert found_messages(validate_segment(text, query_checker=no_query)) == [
        ("R025", at(text, '"' + "x" * 101 + '"'), "`msdyncrm_segmentname` is 101 characters long: the column holds at most 100"),
        ("R025", at(text, '"PROFILE(contact)' + " " * 4000 + '"'), "`msdyncrm_segmentquery` is 4,016 characters long: the column holds at most 4,000"),
    ]


def test_unknown_fields_suggest_the_closest_column():
    text = body(msdyncrm_segmentnam="a", StatusCode=192350000, colour="red")
    diagnostics = validate_segment(text, operation="update")
    assert found_messages(diagnostics) == [
        ("R018", "1:2-1:23", "`msdyncrm_segmentnam` is not a column of msdyncrm_segment; did you mean "
                             "`msdyncrm_segmentname`?"),
        ("R018", "1:30-1:42", "`StatusCode` is not a column of msdyncrm_segment; did you mean `statuscode`?"),
        ("R018", "1:55-1:63", "`colour` is not a column of msdyncrm_segment"),
    ]
    assert [d.fix.applicability if d.fix else None for d in diagnostics] == [
        Applicability.UNSAFE, Applicability.SAFE, None]
    assert apply_fix(text, diagnostics[1]).startswith('{"msdyncrm_segmentnam": "a", "statuscode"')


def test_annotations_and_lookup_values_of_read_records_are_accepted():
    text = body(**{"@odata.etag": 'W/"1"', "_ownerid_value": SEGMENT, "statuscode@OData.Community.Display.V1."
                   "FormattedValue": "Draft", "statuscode": 192350000, "msdyncrm_segmentname": "a"})
    assert validate_segment(text, operation="read") == []


def test_query_field_variant_is_renamed_and_its_query_still_checked():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350002, statuscode=192350000,
                msdyncrm_query="SEGMENT(a) UNION SEGMENT(b")
    diagnostics = validate_segment(text)
    assert found_messages(diagnostics) == [
        ("R019", "1:91-1:107", "`msdyncrm_query` is not a column of msdyncrm_segment: the column is "
                               "`msdyncrm_segmentquery`"),
        ("S007", "1:134-1:135", "`(` is never closed: add `)`"),
    ]
    assert diagnostics[0].fix.applicability is Applicability.SAFE
    assert '"msdyncrm_segmentquery": "SEGMENT' in apply_fix(text, diagnostics[0])


def test_query_is_checked_in_the_kind_its_type_implies():
    seen = []

    def recording(text, kind):
        seen.append((text, kind))
        return []

    for segment_type in (192350000, 192350001, 192350002):
        validate_segment(body(msdyncrm_segmentname="a", msdyncrm_segmenttype=segment_type, statuscode=192350000,
                              msdyncrm_segmentquery="PROFILE(contact)"), query_checker=recording)
    validate_segment(body(msdyncrm_segmentquery="PROFILE(contact)"), operation="update", segment_id=SEGMENT,
                     known_segments={SEGMENT: ("compound", "live")}, query_checker=recording)
    validate_segment(body(msdyncrm_segmentquery="PROFILE(contact)"), operation="update", query_checker=recording)
    assert seen == [("PROFILE(contact)", "dynamic"), ("PROFILE(contact)", "static"), ("PROFILE(contact)", "compound"),
                    ("PROFILE(contact)", "compound"), ("PROFILE(contact)", None)]


def test_member_ids_of_a_static_record():
    ids = ["1405f4ba-1ee9-e811-a99d-000d3a35f12f", "crm1405F4BA-1ee9-e811-a99d-000d3a35f12f", "crmxyz", 5]
    text = body(msdyncrm_segmentmemberids=json.dumps(ids))
    diagnostics = validate_segment(text, operation="update")
    assert found_messages(diagnostics) == [
        ("R029", at(text, ids[0]), "member id #1 `1405f4ba-1ee9-e811-a99d-000d3a35f12f` has no `crm` prefix: static "
                              "segment members are written `crm<GUID>`"),
        ("R034", at(text, ids[1]), "member id #2 repeats member id #1"),
        ("R028", at(text, "crmxyz"), "member id #3 `crmxyz` is not a GUID after its `crm` prefix: `x` at character 1 is "
                                "not a hexadecimal digit"),
        ("R027", after(text, 'crmxyz\\", ', 1), "member id #4 is a number: ids are strings"),
    ]
    assert text[diagnostics[0].start:diagnostics[0].end] == ids[0]
    prefixed = json.loads(json.loads(apply_fix(text, diagnostics[0]))["msdyncrm_segmentmemberids"])
    assert prefixed[0] == "crm" + ids[0]
    deduplicated = json.loads(json.loads(apply_fix(text, diagnostics[1]))["msdyncrm_segmentmemberids"])
    assert deduplicated == [ids[0], "crmxyz", 5]


def test_member_ids_given_as_an_array_get_a_stringifying_fix():
    text = body(msdyncrm_segmentmemberids=["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"])
    (diagnostic,) = validate_segment(text, operation="update")
    assert found_messages([diagnostic]) == [
        ("R016", at(text, '["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"]'), "`msdyncrm_segmentmemberids` takes a string that holds a JSON array of ids, not an "
                              "array: the array must be sent as a string")]
    fixed = json.loads(apply_fix(text, diagnostic))
    assert json.loads(fixed["msdyncrm_segmentmemberids"]) == ["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"]


def test_member_id_field_variant_and_members_on_a_dynamic_segment():
    text = body(msdyncrm_segmentmemberid='["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"]')
    diagnostics = validate_segment(text, operation="update", segment_id=SEGMENT,
                                   known_segments={SEGMENT: (192350000, 192350001)})
    assert found_messages(diagnostics) == [
        ("R019", "1:2-1:28", "`msdyncrm_segmentmemberid` is not a column of msdyncrm_segment: the column is "
                             "`msdyncrm_segmentmemberids`"),
        ("R033", "1:2-1:28", "a dynamic segment takes its members from its query: member ids belong to static "
                             "segments; use the include/exclude messages instead"),
    ]
    assert [d.severity for d in diagnostics] == [Severity.ERROR, Severity.WARNING]


def test_empty_member_list():
    text = body(msdyncrm_segmentmemberids="[]")
    assert found_messages(validate_segment(text, operation="update")) == [
        ("R027", at(text, '"[]"'), "`msdyncrm_segmentmemberids` holds an empty list: there is no member to change")]


def test_going_live_and_stopping_are_recommended():
    diagnostics = validate_segment(body(statuscode=192350001), operation="update")
    assert found_messages(diagnostics) == [
        ("R023", "1:16-1:25", "setting 192350001 (Live) directly skips going live: set 192350006 (Going live) and "
                              "let the service finish the change")]
    assert diagnostics[0].severity is Severity.WARNING
    assert diagnostics[0].fix.applicability is Applicability.UNSAFE
    assert apply_fix(body(statuscode=192350001), diagnostics[0]) == '{"statuscode": 192350006}'
    assert found(validate_segment(body(statuscode=192350002), operation="update")) == [("R023", "1:16-1:25")]
    assert validate_segment(body(statuscode=192350006), operation="update") == []
    assert validate_segment(body(statuscode=192350007), operation="update") == []


def test_status_jump_is_not_reported_for_definitions_and_read_records():
    text = body(msdyncrm_segmentname="a", msdyncrm_segmenttype=192350001, statuscode=192350001)
    assert validate_segment(text, operation="validate") == []
    assert validate_segment(text, operation="read") == []
    assert found(validate_segment(text, operation="create")) == [("R023", at(text, "192350001", 2))]


def test_status_transition_outside_the_status_model():
    known = {SEGMENT.upper(): ("dynamic", "draft")}
    diagnostics = validate_segment(body(statuscode=192350002), operation="update", segment_id=SEGMENT,
                                   known_segments=known)
    assert found_messages(diagnostics) == [
        ("R024", "1:16-1:25", "the segment is 192350000 (Draft), which can change only to 192350006 (Going live), "
                              "192350001 (Live), 192350004 (Expired); not to 192350002 (Stopped)")]
    expired = {SEGMENT: ("static", "expired")}
    assert found_messages(validate_segment(body(statuscode=192350006), operation="update", segment_id=SEGMENT,
                                           known_segments=expired)) == [
        ("R024", "1:16-1:25", "the segment is 192350004 (Expired), which can change only to nothing; not to "
                              "192350006 (Going live)")]


def test_plain_data_is_checked_in_its_indented_rendering():
    diagnostics = validate_segment({"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": "static",
                                    "statuscode": 192350000})
    assert found(diagnostics) == [("R020", "3:27-3:35")]


def test_read_diagnostics_are_included_and_unknown_operations_refused():
    assert found(validate_segment("{ msdyncrm_segmentname: 'a' }", operation="update")) == [
        ("R002", "1:3-1:23"), ("R003", "1:25-1:28")]
    assert found(validate_segment("{", operation="update")) == [("R001", "1:2-1:2")]
    with pytest.raises(ValueError, match="operation must be one of create, update, validate, read, not 'delete'"):
        validate_segment("{}", operation="delete")


def test_known_segments_with_an_unknown_label_is_refused():
    with pytest.raises(ValueError, match="'liv' is not an option of statuscode"):
        validate_segment("{}", operation="update", segment_id=SEGMENT, known_segments={SEGMENT: ("dynamic", "liv")})


def test_body_that_is_not_an_object():
    assert found_messages(validate_segment("[1]")) == [
        ("R016", "1:1-1:4", "a segment record is a JSON object, not an array")]


def test_a_value_from_a_read_document_is_checked_in_its_source():
    from segquery.requests import read_json

    text = '{"value": [\n  {"msdyncrm_segmentname": "a", "statuscode": "live"}\n]}'
    record = read_json(text).value.get("value").value.items[0]
    assert found(validate_segment(record, operation="read", source=text)) == [("R021", at(text, '"live"'))]
    with pytest.raises(TypeError, match="a positioned JSON value needs the `source` it was read from"):
        validate_segment(record)
