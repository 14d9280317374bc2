"""Migrating a workspace: go-live order, ids, records, the pinned report of the example workspace,
and bad input that is reported while the rest of the estate migrates."""

import json
from pathlib import Path

import pytest

from segquery.engine import CheckOptions, check_text
from segquery.migrate import Outcome, migrate
from segquery.migrate import codes
from segquery.migrate.estate import IDS_PER_CALL, SegmentMigration, members_finding
from segquery.migrate.records import member_groups, read_id_map, record_bodies, write_estate
from segquery.migrate.report import report_json, report_markdown, summary_table
from segquery.workspace import Workspace

REPO_ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"


@pytest.fixture
def example(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    return migrate(Workspace.from_paths(["examples/workspace"]))


def test_the_example_workspace_gives_the_pinned_report(example):
    assert report_markdown(example) == (EXPECTED / "examples_workspace_report.md").read_text(encoding="utf-8")


def test_the_example_workspace_summary(example):
    assert summary_table(example) == (EXPECTED / "examples_workspace_summary.txt").read_text(encoding="utf-8")


def test_segments_come_in_go_live_order(example):
    position = {segment.key: index for index, segment in enumerate(example.segments)}
    for segment in example.segments:
        for name in segment.query.references if segment.query else ():
            target = next(s for s in example.segments if name in (s.key, s.name) or name == "SEGMENT_CRM_ID_"
                          + (s.outbound_id or "").replace("-", ""))
            assert position[target.key] < position[segment.key]


def test_compound_segments_reference_the_new_ids(example):
    engaged = next(segment for segment in example.segments if segment.key == "engaged")
    ids = {segment.key: segment.new_id for segment in example.segments}
    assert engaged.query.compact == (f"SEGMENT(SEGMENT_CJO_ID_{ids['newsletter_openers']}) UNION "
                                     f"SEGMENT(SEGMENT_CJO_ID_{ids['link_clickers']})")


def test_migration_is_deterministic(example):
    again = migrate(Workspace.from_paths(["examples/workspace"]))
    assert report_json(again) == report_json(example)


def test_a_given_id_map_replaces_the_placeholders(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    estate = migrate(Workspace.from_paths(["examples/workspace"]), id_map={"newsletter_openers": "1" * 32})
    engaged = next(segment for segment in estate.segments if segment.key == "engaged")
    assert engaged.query.compact.startswith("SEGMENT(SEGMENT_CJO_ID_11111111111111111111111111111111) UNION ")


def test_written_files_in_go_live_order_with_the_id_map(example, tmp_path):
    written = write_estate(example, tmp_path)
    assert [path.name for path in written][:4] == ["01_contacts_in_bellevue.segq",
                                                   "01_contacts_in_bellevue.records.json",
                                                   "02_contacts_in_redmond.segq", "02_contacts_in_redmond.records.json"]
    assert (tmp_path / "04_key_account_contacts.segq").read_text(encoding="utf-8") == (
        "// segquery: dialect = realtime\n"
        "// segquery: name = key_account_contacts\n"
        f"// segquery: id = {example.segments[3].new_guid}\n"
        "// segquery: type = dynamic\n"
        "// segquery: status = going live\n"
        "// segquery: profile = contact\n"
        "// Contacts of accounts with more than 500 employees.\n"
        "PROFILE(contact)\n"
        "    .RELATE(contact_customer_accounts, account_1)\n"
        "    .FILTER(account_1.numberofemployees > 500)\n")
    bodies = json.loads((tmp_path / "04_key_account_contacts.records.json").read_text(encoding="utf-8"))
    guid = example.segments[3].new_guid
    assert bodies == {
        "msdynmkt_segmentdefinition": {
            "msdynmkt_segmentdefinitionid": guid,
            "msdynmkt_segmentquery": "PROFILE(contact).RELATE(contact_customer_accounts, account_1)"
                                     ".FILTER(account_1.numberofemployees > 500)",
            "statecode": 0, "statuscode": 723270002, "msdynmkt_staticlistmembers": "[]"},
        "msdynmkt_segment": {
            "msdynmkt_displayname": "key_account_contacts", "msdynmkt_type": 11, "msdynmkt_source": 12,
            "msdynmkt_baseentitylogicalname": "contact", "statecode": 0, "statuscode": 1,
            "msdynmkt_sourcesegmentuid": guid}}
    assert not (tmp_path / "09_soft_bounced.segq").exists()   # unsupported: nothing written
    assert read_id_map(tmp_path / "id-map.json") == dict(example.id_map)


def test_statuses_map_to_draft_or_going_live(tmp_path):
    query = "PROFILE(contact).FILTER(address1_city == 'Seattle')"
    estate = _estate(tmp_path, {
        "drafted.segq": f"// segquery: status = draft\n{query}",
        "live.segq": f"// segquery: status = live\n{query}",
        "stopped.segq": f"// segquery: status = stopped\n{query}",
        "unknown.segq": query,
    })
    statuses = {key: (segment.going_live, [(f.code, f.done) for f in segment.findings])
                for key, segment in _by_key(estate).items()}
    assert statuses == {
        "drafted": (False, [(codes.STATUS_MAPPED, "draft stays draft")]),
        "live": (True, [(codes.STATUS_MAPPED, "live becomes going live")]),
        "stopped": (False, [(codes.INACTIVE_STATUS, "stopped becomes draft")]),
        "unknown": (False, []),
    }
    assert _by_key(estate)["stopped"].outcome is Outcome.REVIEW


def _segment(members: tuple[str, ...]) -> SegmentMigration:
    return SegmentMigration("s", "Badge scans", "s.json", None, "c" * 32, "static", "live", True, None, (),
                            members)


def test_static_members_are_written_1000_per_call():
    bodies = record_bodies(_segment(tuple(f"id{n}" for n in range(2_500))))
    assert [len(call["ids"]) for call in bodies["member_calls"]] == [IDS_PER_CALL, IDS_PER_CALL, 500]
    groups = json.loads(bodies["msdynmkt_segmentdefinition"]["msdynmkt_staticlistmembers"])
    assert [(g["includeType"], g["inputType"], g["name"]) for g in groups] == [
        ("Include", "manualSelect", "Badge scans (migrated, part 1)")]
    assert bodies["msdynmkt_segment"]["msdynmkt_type"] == 10


def test_a_group_holds_200000_ids():
    groups = member_groups(_segment(tuple(str(n) for n in range(200_001))))
    assert [len(group["_members"]) for group in groups] == [200_000, 1]


def _estate(tmp_path: Path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return migrate(Workspace.from_paths([tmp_path]))


def _by_key(estate):
    return {segment.key: segment for segment in estate.segments}


def test_bad_input_is_reported_and_the_rest_migrates(tmp_path):
    estate = _estate(tmp_path, {
        "broken.segq": "PROFILE(contact).FILTER(address1_city == 'Seattle'",
        "a.segq": "SEGMENT(b) UNION PROFILE(contact)",
        "b.segq": "SEGMENT(a)",
        "behind.segq": "SEGMENT(a) UNION SEGMENT(fine)",
        "missing.segq": "SEGMENT(nosuch) UNION SEGMENT(fine)",
        "checkins.segq": "INTERACTION(EventCheckIn, EventCheckIn_ContactLink).HAVING(COUNT() > 0)",
        "fine.segq": "PROFILE(contact, c).FILTER(c.address1_city == 'Seattle')",
        "bad.json": '{"msdyncrm_segmentname": ',
    })
    segments = _by_key(estate)
    assert [segment.key for segment in estate.segments] == [
        "broken", "checkins", "fine", "missing", "a", "b", "behind"]
    outcomes = {key: (segment.outcome, [f.code for f in segment.findings]) for key, segment in segments.items()}
    assert outcomes == {
        "broken": (Outcome.UNSUPPORTED, [codes.DOES_NOT_PARSE]),
        "checkins": (Outcome.UNSUPPORTED, [codes.UNKNOWN_INTERACTION]),
        "fine": (Outcome.TRANSLATED, [codes.PROFILE_ALIAS_DROPPED]),
        "missing": (Outcome.UNSUPPORTED, [codes.UNMAPPED_SEGMENT, codes.SEGMENT_MAPPED]),
        "a": (Outcome.UNSUPPORTED, [codes.SEGMENT_CYCLE]),
        "b": (Outcome.UNSUPPORTED, [codes.SEGMENT_CYCLE]),
        "behind": (Outcome.UNSUPPORTED, [codes.UNMAPPED_SEGMENT, codes.SEGMENT_MAPPED]),
    }
    assert segments["fine"].query.text == "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"
    assert segments["a"].findings[0].why == (
        "it is on a cycle of references (a -> b -> a), which has no go-live order")
    assert segments["missing"].findings[0].why == "`nosuch` is not a migrated segment and the id map has no id for it"
    assert segments["behind"].findings[0].why == "`a` is in the estate but was not migrated; see its findings"
    [(path, found)] = estate.unread.items()
    assert Path(path).name == "bad.json" and [d.code for d in found] == ["R001"]
    assert estate.outcome is Outcome.UNSUPPORTED


def test_static_record_members_become_groups(tmp_path):
    record = {"msdyncrm_segmentid": "9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a", "msdyncrm_segmentname": "Badge scans",
              "msdyncrm_segmenttype": 192350001, "statuscode": 192350000,
              "msdyncrm_segmentmemberid": json.dumps(["crm1405f4ba-1ee9-e811-a99d-000d3a35f12f",
                                                      "crm0604CDD1-1ee9-e811-a99d-000d3a35f12f",
                                                      "crm1405f4ba-1ee9-e811-a99d-000d3a35f12f"])}
    estate = _estate(tmp_path, {"segments.json": json.dumps({"value": [record]})})
    [segment] = estate.segments
    assert segment.members == ("1405f4ba-1ee9-e811-a99d-000d3a35f12f", "0604cdd1-1ee9-e811-a99d-000d3a35f12f")
    assert [(f.code, f.done) for f in segment.findings] == [
        (codes.STATIC_MEMBERS, "2 members in 1 group(s), 1 call(s)"), (codes.STATUS_MAPPED, "draft stays draft")]
    bodies = record_bodies(segment)
    assert bodies["member_calls"] == [{"groupId": member_groups(segment)[0]["groupId"], "ids": list(segment.members)}]
    assert estate.id_map["SEGMENT_CRM_ID_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a"] == segment.new_id


def test_more_members_than_ten_groups_hold_is_unsupported(tmp_path):
    [segment] = Workspace.from_texts({"s.segq": "PROFILE(contact)"}).segments
    finding = members_finding(segment, 2_000_001)
    assert (finding.code, finding.why) == (codes.TOO_MANY_MEMBERS,
                                           "2,000,001 members are more than 10 groups of 200,000 hold")
    assert members_finding(segment, 2_000_000).code == codes.STATIC_MEMBERS


def test_a_dynamic_record_without_a_query_is_reported(tmp_path):
    record = {"msdyncrm_segmentname": "Empty", "msdyncrm_segmenttype": 192350000, "statuscode": 192350001}
    [segment] = _estate(tmp_path, {"segments.json": json.dumps(record)}).segments
    assert [(f.code, f.why) for f in segment.findings] == [(codes.MISSING_QUERY, "the dynamic segment has no query")]
    assert not segment.emitted


def test_every_migrated_example_checks_clean_in_the_realtime_dialect(example):
    texts = {segment.key: segment.query.text for segment in example.segments
             if segment.query is not None and segment.query.text is not None}
    assert len(texts) == 8
    assert {key: check_text(text, options=CheckOptions(dialect="realtime")).diagnostics
            for key, text in texts.items()} == {key: [] for key in texts}
