"""Real-time segment records: msdynmkt_segmentdefinition and msdynmkt_segment bodies, their member forms."""

import json

from segquery.requests import validate_request, validate_segment

from request_helpers import after, apply_fix, at, found_messages

DEFINITIONS = "{{orgUrl}}/api/data/v9.2/msdynmkt_segmentdefinitions"
SEGMENTS = "{{orgUrl}}/api/data/v9.2/msdynmkt_segments"
ID = "4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f10"
OTHER = "5d6e7f80-91a2-4b3c-8d4e-5f60718293a4"
GROUP = {"groupId": ID, "includeType": "Include", "name": "Trade show", "inputType": "manualSelect"}


def segment_body(**changes) -> dict:
    body = {"msdynmkt_displayname": "Adults", "msdynmkt_type": 11, "msdynmkt_source": 12,
            "msdynmkt_baseentitylogicalname": "contact", "msdynmkt_sourcesegmentuid": ID}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not ...}


def text_of(body: dict) -> str:
    return json.dumps(body)


# ---------------------------------------------------------------- definitions


def test_a_clean_definition_has_no_findings():
    body = text_of({"msdynmkt_segmentquery": "PROFILE(contact).FILTER(address1_city == 'Seattle')",
                    "statecode": 0, "statuscode": 723270001, "msdynmkt_staticlistmembers": "[]",
                    "msdynmkt_disablesegmentrefresh": False, "msdynmkt_segmentrefreshintervalminutes": 60,
                    "msdynmkt_sourcesegmentcreatedon": "2026-01-05T10:00:00Z", "msdynmkt_sourcesegmentcreatedby": "me",
                    "owningbusinessunit@odata.bind": f"/businessunits({ID})"})
    assert validate_request("POST", DEFINITIONS, body) == []


def test_the_query_is_read_in_the_real_time_dialect_with_positions_in_the_string():
    query = 'PROFILE(contact).TRAVERSE(contact_account_parentcustomerid, a).FILTER(a.name == "Contoso")'
    text = text_of({"msdynmkt_segmentquery": query})
    diagnostics = validate_request("POST", DEFINITIONS, text)
    assert found_messages(diagnostics) == [
        ("S030", at(text, "TRAVERSE"), "TRAVERSE is outbound marketing's; real-time journeys joins with "
                                       "`.RELATE(relationship_schema_name, alias).FILTER(...)`"),
        ("S035", at(text, '\\"Contoso\\"'), "real-time journeys rejects double-quoted strings: use single quotes")]
    fixed = json.loads(apply_fix(text, diagnostics[1]))
    assert fixed["msdynmkt_segmentquery"] == query.replace('"Contoso"', "'Contoso'")
    assert getattr(diagnostics[0], "field_name") == "msdynmkt_segmentquery"


def test_real_time_constructs_are_accepted_in_a_definition_and_reported_in_an_outbound_record():
    query = "PROFILE(contact).FILTER(gendercode IN [1, 2])"
    assert validate_request("POST", DEFINITIONS, text_of({"msdynmkt_segmentquery": query})) == []
    outbound = text_of({"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350000, "statuscode": 192350000,
                        "msdyncrm_segmentquery": query})
    assert [d.code for d in validate_request("POST", "msdyncrm_segments", outbound)] == ["S031"]


def test_a_comment_in_a_definition_query_is_reported():
    text = text_of({"msdynmkt_segmentquery": "PROFILE(contact) // all"})
    assert found_messages(validate_request("POST", DEFINITIONS, text)) == [
        ("R036", at(text, "// all"), "a comment in a query sent to the service: the service's query language "
                                     "has no comments")]


def test_unknown_columns_wrong_options_and_a_direct_jump_to_live():
    text = ('{"msdynmkt_segmentqeury": "PROFILE(contact)", "statecode": 2, "statuscode": 723270000, '
            '"x_custom": "x", "MSDYNMKT_SEGMENTQUERY": "PROFILE(contact)"}')
    diagnostics = validate_request("PATCH", f"msdynmkt_segmentdefinitions({ID})", text)
    assert found_messages(diagnostics) == [
        ("R040", at(text, '"msdynmkt_segmentqeury"'), "`msdynmkt_segmentqeury` is not a known column of "
         "msdynmkt_segmentdefinition; did you mean `msdynmkt_segmentquery`?"),
        ("R042", at(text, "2"), "2 is not an option of `statecode`; the options are 0 (Active), 1 (Inactive)"),
        ("R054", at(text, "723270000"), "setting 723270000 (Live) directly skips the evaluation: set 723270002 "
         "(Going live) and call `msdynmkt_PublishSegmentDefinition`"),
        ("R040", at(text, '"x_custom"'), "`x_custom` is not a known column of msdynmkt_segmentdefinition"),
        ("R040", at(text, '"MSDYNMKT_SEGMENTQUERY"'), "`MSDYNMKT_SEGMENTQUERY` is not a known column of "
         "msdynmkt_segmentdefinition; did you mean `msdynmkt_segmentquery`?")]
    assert [d.severity.label for d in diagnostics] == ["warning", "error", "warning", "warning", "warning"]
    assert json.loads(apply_fix(text, diagnostics[2]))["statuscode"] == 723270002
    assert diagnostics[2].fix.applicability.value == "unsafe"
    assert diagnostics[4].fix.applicability.value == "safe"


def test_a_status_label_gets_its_value_and_types_are_checked():
    text = ('{"msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": "draft", '
            '"msdynmkt_disablesegmentrefresh": "true", "msdynmkt_segmentrefreshintervalminutes": "60"}')
    diagnostics = validate_request("POST", DEFINITIONS, text)
    assert found_messages(diagnostics) == [
        ("R042", at(text, '"draft"'), "`statuscode` takes the option value, not its label: 'draft' is "
         "723270001 (Draft)"),
        ("R016", at(text, '"true"'), "`msdynmkt_disablesegmentrefresh` takes true or false, not a string"),
        ("R016", at(text, '"60"'), "`msdynmkt_segmentrefreshintervalminutes` takes a number, not a string: "
         "write 60 without quotes")]
    assert json.loads(apply_fix(text, diagnostics[0]))["statuscode"] == 723270001


def test_a_new_definition_needs_a_query_or_members():
    assert found_messages(validate_request("POST", DEFINITIONS, '{"statecode": 0}')) == [
        ("R041", "1:1-1:2", "a new segment definition needs `msdynmkt_segmentquery` (or, for a static segment, "
         "`msdynmkt_staticlistmembers`): it selects nobody without one")]
    assert validate_request("PATCH", f"msdynmkt_segmentdefinitions({ID})", '{"statecode": 0}') == []
    static = text_of({"msdynmkt_staticlistmembers": json.dumps([GROUP])})
    assert validate_request("POST", DEFINITIONS, static) == []


# ---------------------------------------------------------------- segments


def test_a_clean_segment_has_no_findings():
    body = segment_body(statecode=0, statuscode=1, msdynmkt_scope=270100000,
                        msdynmkt_cdmpartitionprimarykeycolumn="contactid",
                        **{"owningbusinessunit@odata.bind": f"/businessunits({ID})", "_ownerid_value": ID})
    assert validate_request("POST", SEGMENTS, text_of(body)) == []


def test_segment_options_base_table_and_link():
    text = text_of(segment_body(msdynmkt_type=192350000, msdynmkt_source="Customer Insights - Journeys",
                                msdynmkt_baseentitylogicalname="Contact", msdynmkt_sourcesegmentuid=ID[:-1],
                                statuscode=9))
    diagnostics = validate_request("POST", SEGMENTS, text)
    assert found_messages(diagnostics) == [
        ("R042", at(text, "192350000"), "192350000 is not an option of `msdynmkt_type`; the options are 10 "
         "(Static), 11 (Dynamic)"),
        ("R042", at(text, '"Customer Insights - Journeys"'), "`msdynmkt_source` takes the option value, not its "
         "label: 'Customer Insights - Journeys' is 12 (Customer Insights - Journeys)"),
        ("R043", at(text, '"Contact"'), "`Contact` is not a base table of real-time journeys: segments select "
         "`contact` or `lead`; did you mean `contact`?"),
        ("R044", at(text, f'"{ID[:-1]}"'), f"`msdynmkt_sourcesegmentuid` `{ID[:-1]}` is not a GUID: group 5 has 11 "
         "digits, 12 are needed"),
        ("R042", after(text, '"statuscode": ', 1), "9 is not an option of `statuscode`; the options are 1 "
         "(Active), 2 (Inactive), "
         "3 (Error), 4 (Deleted), 5 (Exporting), 6 (Computing), 7 (Computed with warnings), 11 (Faulted)")]
    fixed = json.loads(apply_fix(text, diagnostics[2]))
    assert fixed["msdynmkt_baseentitylogicalname"] == "contact"
    assert diagnostics[2].fix.applicability.value == "safe"


def test_a_base_table_that_is_neither_contact_nor_lead():
    text = text_of(segment_body(msdynmkt_baseentitylogicalname="account"))
    assert found_messages(validate_request("POST", SEGMENTS, text)) == [
        ("R043", at(text, '"account"'), "`account` is not a base table of real-time journeys: segments select "
         "`contact` or `lead`")]


def test_a_new_segment_needs_its_fields_and_none_of_them_null():
    text = text_of({"msdynmkt_displayname": "", "msdynmkt_type": None})
    assert found_messages(validate_request("POST", SEGMENTS, text)) == [
        ("R041", "1:1-1:2", "a new segment needs `msdynmkt_baseentitylogicalname`"),
        ("R041", "1:1-1:2", "a new segment needs `msdynmkt_source`"),
        ("R041", "1:1-1:2", "a new segment needs `msdynmkt_sourcesegmentuid` (the id of its segment definition)"),
        ("R041", at(text, '""'), "`msdynmkt_displayname` is empty"),
        ("R041", at(text, "null"), "`msdynmkt_type` is required and cannot be null")]


def test_an_update_needs_no_field_and_a_read_record_is_not_held_to_create_rules():
    assert validate_request("PATCH", f"msdynmkt_segments({ID})", '{"statuscode": 2}') == []
    collection = json.dumps({"value": [segment_body(msdynmkt_displayname=..., msdynmkt_type=...)]})
    from segquery.requests import check_request_file
    assert check_request_file(collection) == []


# ---------------------------------------------------------------- static member groups


def test_group_findings_point_into_the_string():
    groups = [dict(GROUP, includeType="include", nam="x", name=...), 3,
              dict(GROUP, inputType="manualselect", extra=1)]
    value = json.dumps([{k: v for k, v in group.items() if v is not ...} if isinstance(group, dict) else group
                        for group in groups])
    text = text_of({"msdynmkt_staticlistmembers": value})
    diagnostics = validate_segment(text)
    assert found_messages(diagnostics) == [
        ("R045", after(text, '"[', 1), "group #1 has no `name`"),
        ("R045", at(text, '\\"include\\"'), "`includeType` of group #1 is 'include': it takes `Include` or `Exclude`"),
        ("R045", at(text, '\\"nam\\"'), "`nam` is not a key of a member group; did you mean `name`?"),
        ("R045", after(text, "}, ", 1), "group #2 is a number: a group is an object {groupId, includeType, name, inputType}"),
        ("R045", at(text, f'\\"{ID}\\"', 2), "group #3 has the same `groupId` as an earlier group"),
        ("R045", at(text, '\\"manualselect\\"'), "`inputType` of group #3 is 'manualselect': it takes `manualSelect`"),
        ("R045", at(text, '\\"extra\\"'), "`extra` is not a key of a member group: groupId, includeType, name, "
         "inputType")]
    assert diagnostics[4].related[0].message == "first group with this id"
    assert text[diagnostics[4].related[0].range.start.offset:].startswith(f'\\"{ID}\\"')
    fixed = json.loads(json.loads(apply_fix(text, diagnostics[1]))["msdynmkt_staticlistmembers"])
    assert fixed[0]["includeType"] == "Include"


def test_non_strict_json_inside_the_group_string_is_reported_there():
    text = text_of({"msdynmkt_staticlistmembers": "[{groupId: 1,},]"})
    assert found_messages(validate_segment(text)) == [
        ("R045", after(text, '"[', 1), "group #1 has no `includeType`, `name`, `inputType`"),
        ("R002", at(text, "groupId"), 'key `groupId` is not quoted: JSON needs "groupId"'),
        ("R045", at(text, "1"), "`groupId` of group #1 is a number: it takes a GUID as a string"),
        ("R004", after(text, "1", 1), "trailing comma before `}`: JSON does not allow it"),
        ("R004", after(text, "1,}", 1), "trailing comma before `]`: JSON does not allow it")]


def test_the_group_list_form_an_array_an_empty_string_and_more_than_ten_groups():
    array = '{"msdynmkt_staticlistmembers": []}'
    [given] = validate_segment(array)
    assert found_messages([given]) == [
        ("R045", at(array, "[]"), "`msdynmkt_staticlistmembers` takes a string that holds the JSON array of groups, "
         "not an array: the array must be sent as a string")]
    assert json.loads(apply_fix(array, given)) == {"msdynmkt_staticlistmembers": "[]"}
    empty = '{"msdynmkt_staticlistmembers": ""}'
    [blank] = validate_segment(empty, operation="update")
    assert found_messages([blank]) == [
        ("R047", at(empty, '""'), "`msdynmkt_staticlistmembers` is an empty string: with no groups, write `[]`")]
    assert apply_fix(empty, blank) == '{"msdynmkt_staticlistmembers": "[]"}'
    many = text_of({"msdynmkt_staticlistmembers": json.dumps(
        [dict(GROUP, groupId=f"{ID[:-2]}{number:02d}") for number in range(11)])})
    assert found_messages(validate_segment(many)) == [
        ("R046", at(many, many[many.index(": ") + 2:-1]), "11 member groups: a static segment holds at most 10; "
         "merge groups or split the segment")]
    ten = text_of({"msdynmkt_staticlistmembers": json.dumps(
        [dict(GROUP, groupId=f"{ID[:-2]}{number:02d}") for number in range(10)])})
    assert validate_segment(ten) == []


# ---------------------------------------------------------------- the older comma-separated member lists


def test_comma_separated_lists_separators_prefixes_ids_and_duplicates():
    value = f"{ID};{OTHER},,crm{OTHER[:-1]}5,xyz, {ID}"
    text = text_of({"msdynmkt_includedmembers": value})
    diagnostics = validate_segment(text)
    assert found_messages(diagnostics) == [
        ("R048", at(text, ";"), "`msdynmkt_includedmembers` separates ids with `;` (and 1 more place): write the "
         "ids separated by single commas"),
        ("R048", at(text, f"crm{OTHER[:-1]}5"), "id #3 has a `crm` prefix: these fields take plain GUIDs"),
        ("R044", at(text, "xyz"), "id #4 `xyz` is not a GUID: `x` at character 1 is not a hexadecimal digit"),
        ("R050", at(text, ID, 2), "id #5 repeats an earlier id of `msdynmkt_includedmembers`")]
    assert json.loads(apply_fix(text, diagnostics[0]))["msdynmkt_includedmembers"] == \
        f"{ID},{OTHER},crm{OTHER[:-1]}5,xyz,{ID}"
    assert json.loads(apply_fix(text, diagnostics[1]))["msdynmkt_includedmembers"] == value.replace("crm", "")
    assert json.loads(apply_fix(text, diagnostics[3]))["msdynmkt_includedmembers"] == value[:-len(f", {ID}")]


def test_an_array_instead_of_the_comma_separated_string():
    text = text_of({"msdynmkt_excludedmembers": [ID, OTHER]})
    [diagnostic] = validate_segment(text)
    assert found_messages([diagnostic]) == [
        ("R048", at(text, f'["{ID}", "{OTHER}"]'), "`msdynmkt_excludedmembers` takes one string of ids separated "
         "by commas, not an array")]
    assert json.loads(apply_fix(text, diagnostic)) == {"msdynmkt_excludedmembers": f"{ID},{OTHER}"}
    inside = text_of({"msdynmkt_excludedmembers": json.dumps([ID])})
    [diagnostic] = validate_segment(inside)
    assert diagnostic.message == ("`msdynmkt_excludedmembers` holds a JSON array: this older field takes the ids "
                                  "separated by commas, without brackets or quotes")
    assert json.loads(apply_fix(inside, diagnostic)) == {"msdynmkt_excludedmembers": ID}


def test_both_forms_and_an_id_both_included_and_excluded():
    text = text_of({"msdynmkt_staticlistmembers": json.dumps([GROUP]), "msdynmkt_includedmembers": OTHER,
                    "msdynmkt_excludedmembers": f"{OTHER.upper()},{ID}"})
    assert found_messages(validate_segment(text)) == [
        ("R051", at(text, '"msdynmkt_includedmembers"'), "`msdynmkt_includedmembers` (the older form) next to "
         "`msdynmkt_staticlistmembers` (the newer one): which one the service keeps is not documented; give the "
         "members in one form"),
        ("R055", at(text, '"msdynmkt_excludedmembers"'), "1 id is both in `msdynmkt_includedmembers` and in "
         f"`msdynmkt_excludedmembers`, such as `{OTHER}`")]


def test_at_most_a_thousand_ids_per_call():
    def ids(count: int) -> str:
        return ",".join(f"{number:08x}-0000-4000-8000-000000000000" for number in range(count))

    text = text_of({"msdynmkt_includedmembers": ids(1001)})
    assert found_messages(validate_segment(text)) == [
        ("R049", at(text, f'"{ids(1001)}"'), "1,001 ids in `msdynmkt_includedmembers`: a call takes at most 1,000; "
         "send several requests")]
    assert validate_segment(text_of({"msdynmkt_includedmembers": ids(1000)})) == []


def test_the_business_unit_bind_is_an_address():
    bare = text_of(segment_body(**{"owningbusinessunit@odata.bind": ID}))
    [diagnostic] = validate_request("POST", SEGMENTS, bare)
    assert found_messages([diagnostic]) == [
        ("R056", at(bare, f'"{ID}"', 2), "`owningbusinessunit@odata.bind` takes the address of a business unit, "
         f"`/businessunits(<id>)`, not `{ID}`")]
    assert json.loads(apply_fix(bare, diagnostic))["owningbusinessunit@odata.bind"] == f"/businessunits({ID})"
    wrong = text_of(segment_body(**{"owningbusinessunit@odata.bind": "/businessunits(12)"}))
    assert found_messages(validate_request("POST", SEGMENTS, wrong)) == [
        ("R044", after(wrong, "/businessunits(", 2),
         "the business unit id `12` is not a GUID: it has 1 group of digits, a GUID has 5 (8-4-4-4-12)")]
    number = text_of(segment_body(**{"owningbusinessunit@odata.bind": 5}))
    assert [code for code, _, _ in found_messages(validate_request("POST", SEGMENTS, number))] == ["R056"]
    placeholder = text_of(segment_body(**{"owningbusinessunit@odata.bind": "/businessunits({{bu}})"}))
    assert validate_request("POST", SEGMENTS, placeholder) == []
