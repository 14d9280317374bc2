"""`make_plan` and `apply_plan` against the fake org: order, exact bodies, refusals, failures and re-runs."""

import itertools
import json

import pytest

from org_state import FakeOrg, outbound
from segquery.org import OrgError
from segquery.org.apply import apply_plan
from segquery.org.plan import Plan, Step, member_steps
from segquery.org.planning import plan_for

A = "7649566b-79e2-e811-a989-000d3a135be0"
M1, M2 = "b5672bdb-8899-43cb-9fa1-0ae4dc61dad3", "694e1c8e-f704-4b23-9b07-e65db1620e47"


def ids():
    counter = itertools.count(1)
    return lambda: f"00000000-0000-4000-8000-{next(counter):012d}"


def write(directory, name, text):
    (directory / name).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    write(tmp_path, "adults.segq", f"// segquery: name = Adults\n// segquery: id = {A}\n// segquery: type = dynamic\n"
                                   "// segquery: status = live\nPROFILE(contact).FILTER(birthdate < DATE(1990, 1, 1))\n")
    write(tmp_path, "adult_openers.segq", "// segquery: status = live\nSEGMENT(Adults) INTERSECT SEGMENT(openers)\n")
    write(tmp_path, "openers.segq", "// segquery: status = live\nPROFILE(contact).FILTER(donotemail == false)\n")
    write(tmp_path, "vip.json", json.dumps({"msdyncrm_segmentname": "VIP", "msdyncrm_segmenttype": 192350001,
                                            "statuscode": 192350000,
                                            "msdyncrm_segmentmemberids": json.dumps([M1, M2])}))
    return tmp_path


@pytest.fixture
def org(httpserver):
    made = FakeOrg()
    made.tables["msdyncrm_segments"].append(outbound(A, "Adults", "PROFILE(contact)"))
    made.install(httpserver)
    return made


def test_the_plan_creates_in_dependency_order_with_exact_bodies(client, org, repo):
    plan = plan_for(client, repo, new_id=ids())
    assert [(step.action, step.segment, step.method, step.url, step.body) for step in plan.steps] == [
        ("update-query", "Adults", "PATCH", f"msdyncrm_segments({A})",
         {"msdyncrm_segmentquery": "PROFILE(contact).FILTER(birthdate < DATE(1990, 1, 1))"}),
        ("create", "openers", "POST", "msdyncrm_segments",
         {"msdyncrm_segmentid": "00000000-0000-4000-8000-000000000001", "msdyncrm_segmentname": "openers",
          "msdyncrm_segmenttype": 192350000, "statuscode": 192350006,
          "msdyncrm_segmentquery": "PROFILE(contact).FILTER(donotemail == false)"}),
        ("create", "adult_openers", "POST", "msdyncrm_segments",
         {"msdyncrm_segmentid": "00000000-0000-4000-8000-000000000002", "msdyncrm_segmentname": "adult_openers",
          "msdyncrm_segmenttype": 192350002, "statuscode": 192350006,
          "msdyncrm_segmentquery": "SEGMENT(Adults) INTERSECT SEGMENT(openers)"}),
        ("create", "VIP", "POST", "msdyncrm_segments",
         {"msdyncrm_segmentid": "00000000-0000-4000-8000-000000000003", "msdyncrm_segmentname": "VIP",
          "msdyncrm_segmenttype": 192350001, "statuscode": 192350000}),
        ("include-members", "VIP", "POST", "msdyncrm_IncludeMembersInSegment",
         {"msdyncrm_segmentid": "00000000-0000-4000-8000-000000000003",
          "msdyncrm_segmentmemberid": json.dumps([M1, M2])}),
    ]
    assert plan.refused == []
    assert plan.api_root == client.api_root


def test_apply_then_plan_again_plans_nothing(client, org, repo):
    report = apply_plan(client, plan_for(client, repo, new_id=ids()))
    assert report.ok and len(report.done) == 5
    assert plan_for(client, repo, new_id=ids()).steps == []


def test_apply_stops_at_the_first_failure_and_a_rerun_completes(client, org, repo):
    org.fail_at = 3
    plan = plan_for(client, repo, new_id=ids())
    report = apply_plan(client, plan)
    assert [step.segment for step in report.done] == ["Adults", "openers"]
    assert (report.failed.segment, report.error) == (
        "adult_openers", f"POST {client.api_root}msdyncrm_segments: 400 BAD REQUEST: "
                         "Segment query is not valid: unexpected token")
    assert [step.segment for step in report.not_done] == ["VIP", "VIP"]
    assert report.render_text(client.api_root).splitlines()[-1] == "2 done, 1 failed, 2 not done"
    rerun = plan_for(client, repo, new_id=ids())
    assert [(step.action, step.segment) for step in rerun.steps] == [
        ("create", "adult_openers"), ("create", "VIP"), ("include-members", "VIP")]
    assert apply_plan(client, rerun).ok
    assert plan_for(client, repo, new_id=ids()).steps == []


def test_an_invalid_query_is_refused_and_so_are_its_dependents(client, org, repo):
    write(repo, "openers.segq", "PROFILE(contact).FILTER(\n")
    plan = plan_for(client, repo, new_id=ids())
    assert [(r.segment, r.reason) for r in plan.refused] == [
        ("openers", "invalid: 1:24: S007 `(` is never closed: add `)`"),
        ("adult_openers", "it references `openers`, which is refused")]
    assert [step.segment for step in plan.steps] == ["Adults", "VIP", "VIP"]


def test_a_query_over_the_request_limit_is_refused(client, org, repo):
    long_query = "PROFILE(contact).FILTER(" + " || ".join(["fullname == 'x'"] * 700) + ")\n"
    write(repo, "openers.segq", long_query)
    plan = plan_for(client, repo, new_id=ids())
    assert plan.refused[0].reason == f"the query has {len(long_query.strip()):,} characters; a request takes at most 10,000"


def test_member_lists_are_sent_in_calls_of_at_most_10000_ids():
    members = tuple(f"00000000-0000-4000-9000-{n:012d}" for n in range(10_001))
    steps = list(member_steps("Big", A, members[1:], members[:1]))
    assert [(step.action, len(json.loads(step.body["msdyncrm_segmentmemberid"]))) for step in steps] == [
        ("include-members", 10_000), ("exclude-members", 1)]


def test_a_plan_survives_its_json_form_and_is_only_sent_to_its_org(client, org, repo):
    plan = plan_for(client, repo, new_id=ids())
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan
    other = Plan("https://other.crm.dynamics.com", "https://other.crm.dynamics.com/api/data/v9.2/", plan.steps)
    with pytest.raises(OrgError, match="this plan was made for https://other.crm.dynamics.com/api/data/v9.2/"):
        apply_plan(client, other)


def test_a_hand_edited_step_over_a_limit_is_not_sent(client, org):
    step = Step("include-members", "Big", "POST", "msdyncrm_IncludeMembersInSegment",
                {"msdyncrm_segmentid": A, "msdyncrm_segmentmemberid": json.dumps(["x"] * 10_001)})
    report = apply_plan(client, Plan(client.url, client.api_root, [step]))
    assert report.error == "10,001 member ids in one call; the segment API takes at most 10,000"
    assert org.requests == []


def test_real_time_segments_are_created_as_definition_and_segment_then_published(client, org, tmp_path):
    write(tmp_path, "rt.segq", "// segquery: name = RT adults\n// segquery: status = live\n"
                               "// segquery: dialect = realtime\nPROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(step.method, step.url, step.body) for step in plan.steps] == [
        ("POST", "msdynmkt_segmentdefinitions",
         {"msdynmkt_segmentdefinitionid": "00000000-0000-4000-8000-000000000001",
          "msdynmkt_segmentquery": "PROFILE(contact)", "statecode": 0, "statuscode": 723270001,
          "msdynmkt_staticlistmembers": "[]"}),
        ("POST", "msdynmkt_segments",
         {"msdynmkt_segmentid": "00000000-0000-4000-8000-000000000002", "msdynmkt_displayname": "RT adults",
          "msdynmkt_type": 11, "msdynmkt_source": 12, "msdynmkt_baseentitylogicalname": "contact",
          "statecode": 0, "statuscode": 1,
          "msdynmkt_sourcesegmentuid": "00000000-0000-4000-8000-000000000001"}),
        ("POST", "msdynmkt_PublishSegmentDefinition", {"SegmentId": "00000000-0000-4000-8000-000000000001"}),
    ]
    assert apply_plan(client, plan).ok
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_a_draft_segment_is_taken_live_through_going_live(client, org, tmp_path):
    org.tables["msdyncrm_segments"][0]["statuscode"] = 192350000
    write(tmp_path, "adults.segq", f"// segquery: id = {A}\n// segquery: status = live\nPROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(step.action, step.method, step.url, step.body) for step in plan.steps] == [
        ("set-status", "PATCH", f"msdyncrm_segments({A})", {"statuscode": 192350006})]
    assert apply_plan(client, plan).ok
    assert plan_for(client, tmp_path, new_id=ids()).steps == []


def test_a_real_time_query_is_validated_in_its_own_dialect(client, org, tmp_path):
    write(tmp_path, "rt.segq", "// segquery: dialect = realtime\nSEGMENT(adults)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(r.segment, r.reason) for r in plan.refused] == [
        ("rt", "invalid: 2:9: S032 real-time journeys references a segment by its definition id: "
               "`SEGMENT(SEGMENT_CJO_ID_<32 hexadecimal digits>)`, not `adults`")]
    assert plan.steps == []


def test_real_time_references_by_definition_id_come_after_what_they_reference(client, org, tmp_path):
    base = "00000000-0000-4000-a000-00000000000b"
    write(tmp_path, "a_uses.segq", "// segquery: dialect = realtime\n// segquery: status = draft\n"
                                   f"SEGMENT(SEGMENT_CJO_ID_{base.replace('-', '')})\n")
    write(tmp_path, "z_base.segq", f"// segquery: dialect = realtime\n// segquery: id = {base}\nPROFILE(contact)\n")
    plan = plan_for(client, tmp_path, new_id=ids())
    assert [(step.segment, step.url) for step in plan.steps] == [
        ("z_base", "msdynmkt_segmentdefinitions"), ("z_base", "msdynmkt_segments"),
        ("a_uses", "msdynmkt_segmentdefinitions"), ("a_uses", "msdynmkt_segments")]
    write(tmp_path, "z_base.segq", f"// segquery: dialect = realtime\n// segquery: id = {base}\nPROFILE(\n")
    refused = plan_for(client, tmp_path, new_id=ids()).refused
    assert [(r.segment, r.reason) for r in refused][1] == ("a_uses", "it references `z_base`, which is refused")


def test_a_hand_edited_query_over_10000_characters_is_not_sent(client, org):
    step = Step("update-query", "Adults", "PATCH", f"msdyncrm_segments({A})",
                {"msdyncrm_segmentquery": "PROFILE(contact)" + " " * 10_000})
    report = apply_plan(client, Plan(client.url, client.api_root, [step]))
    assert (report.failed, report.error) == (step, "the query has 10,016 characters; a request takes at most 10,000")
    assert org.requests == []
