"""`pull_segments` against the fake org: files with directives, local edits kept, bad queries flagged."""

import json

from org_state import FakeOrg, outbound
from segquery.org.pull import pull_segments

A = "7649566b-79e2-e811-a989-000d3a135be0"
B = "fb42b289-c34f-4f5f-8e43-8e38315d49c8"
C = "23fa0663-6fe2-e811-a989-000d3a135be0"
D = "0a1b2c3d-0000-4000-8000-000000000001"
E = "0a1b2c3d-0000-4000-8000-000000000002"


def org_with_segments():
    org = FakeOrg()
    org.tables["msdyncrm_segments"] += [
        outbound(A, "Adults", "PROFILE(contact).FILTER(birthdate < 2000-01-01)"),
        outbound(B, "Broken", "PROFILE(contact).FILTER(", status=192350000),
        outbound(C, "VIP list", None, kind=192350001, members=["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"]),
    ]
    org.tables["msdynmkt_segmentdefinitions"].append({
        "msdynmkt_segmentdefinitionid": D, "msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": 723270000})
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": E, "msdynmkt_displayname": "Everyone RT", "msdynmkt_type": 11, "statuscode": 1,
        "msdynmkt_sourcesegmentuid": D, "msdynmkt_baseentitylogicalname": "contact"})
    return org


def test_segments_are_written_with_their_directives_and_members(client, httpserver, tmp_path):
    org_with_segments().install(httpserver)
    result = pull_segments(client, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adults.segq", "broken.segq", "everyone_rt.segq",
                                                          "vip_list.json"]
    assert (tmp_path / "adults.segq").read_text() == (
        "// segquery: name = Adults\n"
        f"// segquery: id = {A}\n"
        "// segquery: type = dynamic\n"
        "// segquery: status = live\n"
        "PROFILE(contact).FILTER(birthdate < 2000-01-01)")
    assert (tmp_path / "everyone_rt.segq").read_text() == (
        "// segquery: name = Everyone RT\n"
        f"// segquery: id = {D}\n"
        "// segquery: type = dynamic\n"
        "// segquery: status = live\n"
        "// segquery: dialect = realtime\n"
        "// segquery: profile = contact\n"
        "PROFILE(contact)")
    assert json.loads((tmp_path / "vip_list.json").read_text()) == {
        "msdyncrm_segmentid": C, "msdyncrm_segmentname": "VIP list", "msdyncrm_segmenttype": 192350001,
        "statuscode": 192350001, "msdyncrm_segmentmemberids": '["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"]'}
    assert len(result.written) == 4


def test_a_query_that_does_not_parse_is_pulled_as_is_and_flagged(client, httpserver, tmp_path):
    org_with_segments().install(httpserver)
    result = pull_segments(client, tmp_path)
    assert (tmp_path / "broken.segq").read_text().endswith("\nPROFILE(contact).FILTER(")
    assert [(item.path, item.message) for item in result.flagged] == [
        (str(tmp_path / "broken.segq"), "5:24: S007 `(` is never closed: add `)`")]


def test_local_edits_are_kept_unless_forced_and_the_diff_is_shown(client, httpserver, tmp_path):
    org_with_segments().install(httpserver)
    pull_segments(client, tmp_path)
    edited = (tmp_path / "adults.segq").read_text().replace("2000", "1990")
    (tmp_path / "adults.segq").write_text(edited)
    again = pull_segments(client, tmp_path)
    assert again.written == [] and len(again.unchanged) == 3
    [(path, diff)] = again.kept
    assert path == str(tmp_path / "adults.segq")
    assert [line for line in diff.splitlines() if line[:1] in "+-"] == [
        f"--- a/{path}", f"+++ b/{path}",
        "-PROFILE(contact).FILTER(birthdate < 1990-01-01)", "+PROFILE(contact).FILTER(birthdate < 2000-01-01)"]
    assert (tmp_path / "adults.segq").read_text() == edited
    forced = pull_segments(client, tmp_path, force=True)
    assert [path for path, _ in forced.overwritten] == [str(tmp_path / "adults.segq")]
    assert "1990" not in (tmp_path / "adults.segq").read_text()


def test_an_org_without_real_time_journeys_pulls_its_outbound_segments(client, httpserver, tmp_path):
    org = org_with_segments()
    org.has_realtime = False
    org.install(httpserver)
    assert len(pull_segments(client, tmp_path).written) == 3


def test_a_real_time_query_that_does_not_parse_is_flagged_in_its_dialect(client, httpserver, tmp_path):
    org = FakeOrg()
    org.tables["msdynmkt_segmentdefinitions"].append({
        "msdynmkt_segmentdefinitionid": D, "msdynmkt_segmentquery": "SEGMENT(foo)", "statuscode": 723270001})
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": E, "msdynmkt_displayname": "RT", "msdynmkt_type": 11, "statuscode": 1,
        "msdynmkt_sourcesegmentuid": D})
    org.install(httpserver)
    result = pull_segments(client, tmp_path)
    assert (tmp_path / "rt.segq").read_text().endswith("// segquery: dialect = realtime\nSEGMENT(foo)")
    assert [item.message for item in result.flagged] == [
        "6:9: S032 real-time journeys references a segment by its definition id: "
        "`SEGMENT(SEGMENT_CJO_ID_<32 hexadecimal digits>)`, not `foo`"]


def test_a_pulled_directory_plans_nothing_with_real_time_static_and_going_live(client, httpserver, tmp_path):
    from segquery.org.planning import plan_for

    org = FakeOrg()
    org.tables["msdyncrm_segments"].append(outbound(A, "Adults", "PROFILE(contact)"))
    org.tables["msdyncrm_segments"].append(outbound(C, "VIP list", None, kind=192350001, members=[D, E]))
    org.tables["msdynmkt_segmentdefinitions"].append({
        "msdynmkt_segmentdefinitionid": D, "statuscode": 723270000, "msdynmkt_includedmembers": f"{A}, {B}"})
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": E, "msdynmkt_displayname": "RT list", "msdynmkt_type": 10, "statuscode": 1,
        "msdynmkt_sourcesegmentuid": D, "msdynmkt_baseentitylogicalname": "contact"})
    going_live = "0a1b2c3d-0000-4000-8000-000000000003"
    org.tables["msdynmkt_segmentdefinitions"].append({
        "msdynmkt_segmentdefinitionid": going_live, "statuscode": 723270002, "msdynmkt_segmentquery": "PROFILE(contact)"})
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": "0a1b2c3d-0000-4000-8000-000000000004", "msdynmkt_displayname": "Everyone",
        "msdynmkt_type": 11, "statuscode": 1, "msdynmkt_sourcesegmentuid": going_live,
        "msdynmkt_baseentitylogicalname": "contact"})
    org.tables["msdyncrm_segments"].append(outbound(B, "Empty list", None, kind=192350001, members=[]))
    empty_rt = "0a1b2c3d-0000-4000-8000-000000000005"
    org.tables["msdynmkt_segmentdefinitions"].append({
        "msdynmkt_segmentdefinitionid": empty_rt, "statuscode": 723270001, "msdynmkt_includedmembers": None})
    org.tables["msdynmkt_segments"].append({
        "msdynmkt_segmentid": "0a1b2c3d-0000-4000-8000-000000000006", "msdynmkt_displayname": "Empty RT",
        "msdynmkt_type": 10, "statuscode": 1, "msdynmkt_sourcesegmentuid": empty_rt,
        "msdynmkt_baseentitylogicalname": "contact"})
    org.install(httpserver)
    assert len(pull_segments(client, tmp_path).written) == 6
    assert "// segquery: status = going live\n" in (tmp_path / "everyone.segq").read_text()
    assert json.loads((tmp_path / "rt_list.json").read_text()) == {"value": [
        {"msdynmkt_segmentdefinitionid": D, "statuscode": 723270000, "msdynmkt_includedmembers": f"{A},{B}"},
        {"msdynmkt_segmentid": E, "msdynmkt_displayname": "RT list", "msdynmkt_type": 10, "msdynmkt_source": 12,
         "msdynmkt_baseentitylogicalname": "contact", "msdynmkt_sourcesegmentuid": D}]}
    plan = plan_for(client, tmp_path)
    assert (plan.steps, plan.refused) == ([], [])
