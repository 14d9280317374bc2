"""Member calls within the documented limits, publishing by definition id, and new ids written back
into the files they were planned from (against the fake org)."""

import json

import pytest

from org_fakes import API
from org_state import FakeOrg, outbound
from segquery.diagnostics import Severity
from segquery.org.apply import apply_plan
from segquery.org.id_files import file_digest
from segquery.org.plan import Plan, Step, member_steps
from segquery.org.planning import plan_for
from segquery.requests import validate_request
from test_org_plan_apply import A, ids, write

D = "0a1b2c3d-0000-4000-8000-000000000001"     # a real-time segment definition
E = "0a1b2c3d-0000-4000-8000-0000000000e1"     # the msdynmkt_segment record linked to it
MEMBERS = tuple(f"00000000-0000-4000-9000-{n:012d}" for n in range(2_500))


def realtime_static(path, members, *, status=None):
    """A real-time static segment's file, as `segquery pull` writes one: its two records, linked."""
    definition = {"msdynmkt_segmentdefinitionid": D}
    if status is not None:
        definition["statuscode"] = status
    definition["msdynmkt_includedmembers"] = ",".join(members)
    link = {"msdynmkt_segmentid": E, "msdynmkt_displayname": "RT list", "msdynmkt_type": 10, "msdynmkt_source": 12,
            "msdynmkt_baseentitylogicalname": "contact", "msdynmkt_sourcesegmentuid": D}
    path.write_text(json.dumps({"value": [definition, link]}, indent=2) + "\n", encoding="utf-8")


def org_with_realtime_segment(httpserver, *, members=(), status=723270000, query=None):
    org = FakeOrg()
    definition = {"msdynmkt_segmentdefinitionid": D, "statuscode": status,
                  "msdynmkt_includedmembers": ",".join(members)}
    if query is not None:
        definition["msdynmkt_segmentquery"] = query
    org.tables["msdynmkt_segmentdefinitions"].append(definition)
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": E, "msdynmkt_displayname": "RT list", "msdynmkt_type": 10 if query is None else 11,
        "statuscode": 1, "msdynmkt_sourcesegmentuid": D, "msdynmkt_baseentitylogicalname": "contact"})
    org.install(httpserver)
    return org


def errors_of(step):
    """What segquery's own request checker finds wrong with a step (errors only)."""
    found = validate_request(step.method, API + step.url, json.dumps(step.body))
    return [(d.code, d.message) for d in found if d.severity is Severity.ERROR]


# ---------------------------------------------------------------- real-time static members


def test_2500_real_time_members_go_in_exactly_3_calls_and_a_rerun_plans_nothing(client, httpserver, tmp_path):
    org = org_with_realtime_segment(httpserver)
    realtime_static(tmp_path / "rt_list.json", MEMBERS)
    plan = plan_for(client, tmp_path, new_id=ids())
    address = f"msdynmkt_segmentdefinitions({D})"
    assert [(step.action, step.method, step.url, step.body) for step in plan.steps] == [
        ("include-members", "PATCH", address, {"msdynmkt_includedmembers": ",".join(MEMBERS[:1_000])}),
        ("include-members", "PATCH", address, {"msdynmkt_includedmembers": ",".join(MEMBERS[1_000:2_000])}),
        ("include-members", "PATCH", address, {"msdynmkt_includedmembers": ",".join(MEMBERS[2_000:])}),
    ]
    assert [errors_of(step) for step in plan.steps] == [[], [], []]
    assert apply_plan(client, plan).ok
    assert len(org.requests) == 3
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_removed_members_are_excluded_1000_a_call_and_added_ones_included(client, httpserver, tmp_path):
    org = org_with_realtime_segment(httpserver, members=MEMBERS)
    kept, added = MEMBERS[:400], ("00000000-0000-4000-a000-000000000001",)
    realtime_static(tmp_path / "rt_list.json", kept + added)
    plan = plan_for(client, tmp_path, new_id=ids())
    address = f"msdynmkt_segmentdefinitions({D})"
    assert [(step.action, step.url, step.body) for step in plan.steps] == [
        ("include-members", address, {"msdynmkt_includedmembers": added[0]}),
        ("exclude-members", address, {"msdynmkt_excludedmembers": ",".join(MEMBERS[400:1_400])}),
        ("exclude-members", address, {"msdynmkt_excludedmembers": ",".join(MEMBERS[1_400:2_400])}),
        ("exclude-members", address, {"msdynmkt_excludedmembers": ",".join(MEMBERS[2_400:])}),
    ]
    assert apply_plan(client, plan).ok
    assert org.tables["msdynmkt_segmentdefinitions"][0]["msdynmkt_includedmembers"] == ",".join(kept + added)
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_a_new_real_time_static_segment_is_created_then_filled_then_published(client, httpserver, tmp_path):
    org = FakeOrg()
    org.install(httpserver)
    realtime_static(tmp_path / "rt_list.json", MEMBERS, status=723270000)
    plan = plan_for(client, tmp_path, new_id=ids())
    address = f"msdynmkt_segmentdefinitions({D})"
    assert [(step.action, step.method, step.url, step.body) for step in plan.steps] == [
        ("create", "POST", "msdynmkt_segmentdefinitions",
         {"msdynmkt_segmentdefinitionid": D, "statecode": 0, "statuscode": 723270001,
          "msdynmkt_staticlistmembers": "[]", "msdynmkt_includedmembers": ",".join(MEMBERS[:1_000])}),
        ("create", "POST", "msdynmkt_segments",
         {"msdynmkt_segmentid": "00000000-0000-4000-8000-000000000001", "msdynmkt_displayname": "RT list",
          "msdynmkt_type": 10, "msdynmkt_source": 12, "msdynmkt_baseentitylogicalname": "contact",
          "statecode": 0, "statuscode": 1, "msdynmkt_sourcesegmentuid": D}),
        ("include-members", "PATCH", address, {"msdynmkt_includedmembers": ",".join(MEMBERS[1_000:2_000])}),
        ("include-members", "PATCH", address, {"msdynmkt_includedmembers": ",".join(MEMBERS[2_000:])}),
        ("publish", "POST", "msdynmkt_PublishSegmentDefinition", {"SegmentId": D}),
    ]
    assert [errors_of(step) for step in plan.steps] == [[]] * 5
    assert apply_plan(client, plan).ok
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_a_hand_edited_real_time_call_over_1000_ids_is_not_sent(client, httpserver):
    org = org_with_realtime_segment(httpserver)
    step = Step("exclude-members", "RT list", "PATCH", f"msdynmkt_segmentdefinitions({D})",
                {"msdynmkt_excludedmembers": ",".join(MEMBERS[:1_001])})
    report = apply_plan(client, Plan(client.url, client.api_root, [step]))
    assert report.error == "1,001 member ids in one call; a real-time member call takes at most 1,000"
    assert org.requests == []


def test_25000_outbound_members_go_in_calls_of_10000_within_the_20000_of_a_batch(client, httpserver):
    many = tuple(f"00000000-0000-4000-9000-{n:012d}" for n in range(25_000))
    org = FakeOrg()
    org.tables["msdyncrm_segments"].append(outbound(A, "VIP", None, kind=192350001, status=192350000, members=[]))
    org.install(httpserver)
    steps = list(member_steps("VIP", A, many, ()))
    assert [(step.action, step.url, step.body["msdyncrm_segmentid"], json.loads(step.body["msdyncrm_segmentmemberid"]))
            for step in steps] == [
        ("include-members", "msdyncrm_IncludeMembersInSegment", A, list(many[:10_000])),
        ("include-members", "msdyncrm_IncludeMembersInSegment", A, list(many[10_000:20_000])),
        ("include-members", "msdyncrm_IncludeMembersInSegment", A, list(many[20_000:])),
    ]
    assert apply_plan(client, Plan(client.url, client.api_root, steps)).ok
    held = tuple(json.loads(org.tables["msdyncrm_segments"][0]["msdyncrm_segmentmemberids"]))
    assert held == many
    assert list(member_steps("VIP", A, many, held)) == []


# ---------------------------------------------------------------- which id publishing takes


def test_publishing_names_the_segment_definition_not_the_segment_record(client, httpserver, tmp_path):
    """Pinned decision (docs/org.md, "Which id publishing takes"): SegmentId is the definition's id."""
    org = org_with_realtime_segment(httpserver, status=723270001, query="PROFILE(contact)")
    write(tmp_path, "rt.segq", f"// segquery: id = {D}\n// segquery: status = live\n"
                               "// segquery: dialect = realtime\nPROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(step.action, step.method, step.url, step.body) for step in plan.steps] == [
        ("publish", "POST", "msdynmkt_PublishSegmentDefinition", {"SegmentId": D})]
    assert D != E
    assert apply_plan(client, plan).ok
    assert org.tables["msdynmkt_segmentdefinitions"][0]["statuscode"] == 723270000
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


# ---------------------------------------------------------------- new ids written back


@pytest.fixture
def empty_org(httpserver):
    org = FakeOrg()
    org.install(httpserver)
    return org


NEW = "00000000-0000-4000-8000-000000000001"


def test_a_created_segment_gets_its_id_in_its_file_and_is_then_matched_by_id(client, empty_org, tmp_path):
    write(tmp_path, "openers.segq", "// segquery: name = Openers\r\n// segquery: status = live\r\n"
                                    "PROFILE(contact).FILTER(donotemail == false)\r\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert plan.render_text().splitlines()[3] == f"   then its id is written into {tmp_path / 'openers.segq'}"
    report = apply_plan(client, plan)
    assert [(write.path, write.id) for write in report.ids_written] == [(str(tmp_path / "openers.segq"), NEW)]
    assert (tmp_path / "openers.segq").read_bytes() == (
        f"// segquery: name = Openers\r\n// segquery: id = {NEW}\r\n// segquery: status = live\r\n"
        "PROFILE(contact).FILTER(donotemail == false)\r\n").encode()
    assert f"id {NEW} written into {tmp_path / 'openers.segq'}" in report.render_text(client.api_root)
    text = (tmp_path / "openers.segq").read_text(encoding="utf-8").replace("Openers", "Email openers")
    (tmp_path / "openers.segq").write_text(text, encoding="utf-8", newline="")
    assert plan_for(client, tmp_path, new_id=ids()).steps == []      # matched by id, not by its new name


def test_ids_go_into_json_records_as_their_first_member(client, empty_org, tmp_path):
    write(tmp_path, "lists.json", '{"value": [\n  {\n    "msdyncrm_segmentname": "VIP",\n    "msdyncrm_segmenttype": '
                                  '192350001,\n    "statuscode": 192350000\n  },\n  {"msdyncrm_segmentid": null, '
                                  '"msdyncrm_segmentname": "Gold", "msdyncrm_segmenttype": 192350001, '
                                  '"statuscode": 192350000}\n]}\n')
    write(tmp_path, "rt.segq", "// segquery: dialect = realtime\nPROFILE(contact)\n")
    report = apply_plan(client, plan_for(client, tmp_path, new_id=ids()))
    assert report.ok and report.ids_not_written == []
    gold, rt, vip = (f"00000000-0000-4000-8000-00000000000{n}" for n in (1, 2, 4))   # 3: rt's segment record
    assert (tmp_path / "lists.json").read_text() == (
        f'{{"value": [\n  {{\n    "msdyncrm_segmentid": "{vip}",\n    "msdyncrm_segmentname": "VIP",\n'
        '    "msdyncrm_segmenttype": 192350001,\n    "statuscode": 192350000\n'
        f'  }},\n  {{"msdyncrm_segmentid": "{gold}", "msdyncrm_segmentname": "Gold", '
        '"msdyncrm_segmenttype": 192350001, "statuscode": 192350000}\n]}\n')
    assert (tmp_path / "rt.segq").read_text() == f"// segquery: id = {rt}\n// segquery: dialect = realtime\nPROFILE(contact)\n"
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_a_file_changed_since_the_plan_is_not_overwritten_and_the_id_is_reported(client, empty_org, tmp_path):
    write(tmp_path, "openers.segq", "PROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert plan.steps[0].write_id.sha256 == file_digest(str(tmp_path / "openers.segq"))
    write(tmp_path, "openers.segq", "PROFILE(contact).FILTER(donotemail == false)\n")
    report = apply_plan(client, plan)
    assert report.ok and report.ids_written == []
    assert (tmp_path / "openers.segq").read_text() == "PROFILE(contact).FILTER(donotemail == false)\n"
    assert report.render_text(client.api_root).splitlines()[1] == (
        f"id {NEW} NOT written into {tmp_path / 'openers.segq'}: it changed since the plan was made; it is left "
        f"as it is; add it yourself (`// segquery: id = {NEW}`), or the next plan matches the segment by its name")


def test_the_id_to_write_survives_the_plan_file(client, empty_org, tmp_path):
    write(tmp_path, "vip.json", json.dumps({"msdyncrm_segmentname": "VIP", "msdyncrm_segmenttype": 192350001,
                                            "statuscode": 192350000}))
    plan = plan_for(client, tmp_path, new_id=ids())
    data = json.loads(json.dumps(plan.to_json()))
    assert data["steps"][0]["write_id"] == {"path": str(tmp_path / "vip.json"),
                                            "sha256": file_digest(str(tmp_path / "vip.json")),
                                            "id": NEW, "key": "msdyncrm_segmentid", "record": 0}
    assert Plan.from_json(data) == plan


def test_a_real_time_segment_cannot_change_between_static_and_query(client, httpserver, tmp_path):
    org_with_realtime_segment(httpserver)
    write(tmp_path, "rt.segq", f"// segquery: id = {D}\n// segquery: dialect = realtime\nPROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(r.segment, r.reason) for r in plan.refused] == [
        ("rt", "the org has it as a static segment; a segment's type cannot change")]
    assert plan.steps == []


def test_a_real_time_query_that_references_another_is_updated_in_place(client, httpserver, tmp_path):
    org = org_with_realtime_segment(httpserver, status=723270000, query="PROFILE(contact)")
    other = "0a1b2c3d00004000800000000000aaaa"
    query = f"PROFILE(contact) INTERSECT SEGMENT(SEGMENT_CJO_ID_{other})"
    write(tmp_path, "rt.segq", f"// segquery: id = {D}\n// segquery: status = live\n"
                               f"// segquery: dialect = realtime\n{query}\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(step.action, step.url, step.body) for step in plan.steps] == [
        ("update-query", f"msdynmkt_segmentdefinitions({D})", {"msdynmkt_segmentquery": query}),
        ("publish", "msdynmkt_PublishSegmentDefinition", {"SegmentId": D})]
    assert apply_plan(client, plan).ok
    assert org.tables["msdynmkt_segmentdefinitions"][0]["msdynmkt_segmentquery"] == query
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_members_given_as_groups_are_refused_rather_than_read_as_none(client, httpserver, tmp_path):
    org = org_with_realtime_segment(httpserver, members=MEMBERS[:3])
    group = {"groupId": "7e0c1c3e-0000-4000-8000-000000000001", "includeType": "Include", "name": "Fair",
             "inputType": "manualSelect"}
    (tmp_path / "rt_list.json").write_text(json.dumps({"value": [
        {"msdynmkt_segmentdefinitionid": D, "msdynmkt_staticlistmembers": json.dumps([group])},
        {"msdynmkt_segmentid": E, "msdynmkt_displayname": "RT list", "msdynmkt_type": 10, "msdynmkt_source": 12,
         "msdynmkt_baseentitylogicalname": "contact", "msdynmkt_sourcesegmentuid": D}]}))
    plan = plan_for(client, tmp_path, new_id=ids())
    assert (plan.steps, [(r.segment, r.reason) for r in plan.refused]) == ([], [
        ("RT list", "its members are `msdynmkt_staticlistmembers` groups, which no documented request fills; list "
                    "them in `msdynmkt_includedmembers` (and leave `msdynmkt_staticlistmembers` as \"[]\") to have "
                    "them planned")])
    assert org.requests == []


def test_a_static_record_without_a_member_column_leaves_the_org_s_members_alone(client, httpserver, tmp_path):
    org = FakeOrg()
    org.tables["msdyncrm_segments"].append(outbound(A, "VIP", None, kind=192350001, status=192350000,
                                                    members=list(MEMBERS[:2])))
    org.install(httpserver)
    write(tmp_path, "vip.json", json.dumps({"msdyncrm_segmentid": A, "msdyncrm_segmentname": "VIP",
                                            "msdyncrm_segmenttype": 192350001, "statuscode": 192350000}))
    assert plan_for(client, tmp_path, new_id=ids()).steps == []
    write(tmp_path, "vip.json", json.dumps({"msdyncrm_segmentid": A, "msdyncrm_segmentname": "VIP",
                                            "msdyncrm_segmenttype": 192350001, "statuscode": 192350000,
                                            "msdyncrm_segmentmemberids": "[]"}))
    assert [(step.action, json.loads(step.body["msdyncrm_segmentmemberid"]))
            for step in plan_for(client, tmp_path, new_id=ids()).steps] == [("exclude-members", list(MEMBERS[:2]))]
