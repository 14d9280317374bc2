"""Workspace diagnostics: cycles, self-references, profile types, statuses, chain depth."""

import json

from segquery.workspace import Workspace
from workspace_helpers import findings, related, workspace_of

LEAF = "PROFILE(contact)"
ACCOUNTS = "PROFILE(account).FILTER(numberofemployees > 500)"


def test_a_cycle_is_reported_once_with_its_path_and_every_reference():
    workspace = workspace_of(a="PROFILE(contact) UNION SEGMENT(b)", b="SEGMENT(c)\nUNION SEGMENT(leaf)",
                             c="SEGMENT(a)", leaf=LEAF)
    assert findings(workspace) == [
        ("a.segq", "W002", "1:32-1:33", "3 segments reference each other in a cycle: `a` -> `b` -> `c` -> `a`")]
    [diagnostic] = workspace.diagnostics_for("a.segq")
    assert related(diagnostic) == [("a.segq", "1:32-1:33", "`a` references `b` here"),
                                   ("b.segq", "1:9-1:10", "`b` references `c` here"),
                                   ("c.segq", "1:9-1:10", "`c` references `a` here")]


def test_a_component_of_several_cycles_is_walked_through_every_segment():
    # a <-> b and a <-> c: one component, no simple cycle through all three.
    workspace = workspace_of(a="SEGMENT(b) UNION SEGMENT(c)", b="SEGMENT(a)", c="SEGMENT(a)")
    [(path, code, _, message)] = findings(workspace)
    assert (path, code, message) == (
        "a.segq", "W002", "3 segments reference each other in a cycle: `a` -> `b` -> `a` -> `c` -> `a`")
    [diagnostic] = workspace.diagnostics_for("a.segq")
    assert [item.message for item in diagnostic.related] == [
        "`a` references `b` here", "`b` references `a` here", "`a` references `c` here", "`c` references `a` here"]


def test_two_separate_cycles_give_two_diagnostics():
    workspace = workspace_of(a="SEGMENT(b)", b="SEGMENT(a)", x="SEGMENT(y)", y="SEGMENT(x)")
    assert [(path, code) for path, code, _, _ in findings(workspace)] == [("a.segq", "W002"), ("x.segq", "W002")]


def test_a_self_reference():
    workspace = workspace_of(adults="PROFILE(contact).FILTER(age >= 18) UNION SEGMENT(adults)")
    assert findings(workspace) == [
        ("adults.segq", "W003", "1:50-1:56", "`adults` references itself: its members cannot be defined by its own "
                                             "members")]


def test_set_operands_that_reach_different_profile_types_through_references():
    workspace = workspace_of(adults=LEAF, big_accounts=ACCOUNTS,
                             mixed="SEGMENT(adults)\n  UNION SEGMENT(big_accounts)")
    assert findings(workspace) == [
        ("mixed.segq", "W004", "2:9-2:30", "this operand of UNION selects `account` records (through `big_accounts`), "
         "but the first operand selects `contact`: the operands of a set operation must select the same profile type")]
    [diagnostic] = workspace.diagnostics_for("mixed.segq")
    assert related(diagnostic) == [("big_accounts.segq", "1:1-1:1", "`big_accounts` ends on `account`"),
                                   ("adults.segq", "1:1-1:1", "`adults` ends on `contact`")]


def test_a_mismatch_reached_through_two_levels_of_references():
    workspace = workspace_of(accounts=ACCOUNTS, also_accounts="SEGMENT(accounts)", adults=LEAF,
                             mixed="SEGMENT(adults) INTERSECT SEGMENT(also_accounts)")
    assert [(path, code) for path, code, _, _ in findings(workspace)] == [
        ("also_accounts.segq", "W005"), ("mixed.segq", "W004")]


def test_operands_that_differ_without_references_are_left_to_the_validator():
    workspace = workspace_of(x="PROFILE(contact) UNION PROFILE(account)")
    assert findings(workspace) == []


def test_a_traverse_after_the_reference_changes_the_profile_type():
    workspace = workspace_of(big_accounts=ACCOUNTS,
                             contacts_of_big_accounts="SEGMENT(big_accounts).TRAVERSE(contact_account_parentcustomerid)")
    assert findings(workspace) == []
    assert workspace.profile_of(workspace.segment("contacts_of_big_accounts")) == "contact"


def test_a_reference_whose_members_become_the_segment_s_members_must_match_its_target():
    workspace = workspace_of(big_accounts=ACCOUNTS, x="SEGMENT(big_accounts)")
    assert findings(workspace) == [
        ("x.segq", "W005", "1:9-1:21", "`big_accounts` ends on `account`, but `x` targets `contact`: its members "
         "would be `account` records; reference a `contact` segment or TRAVERSE to `contact`")]
    [diagnostic] = workspace.diagnostics_for("x.segq")
    assert related(diagnostic) == [("big_accounts.segq", "1:1-1:1", "`big_accounts` is defined here")]


def test_the_target_comes_from_the_record_or_the_directive_or_the_workspace():
    records = [{"msdyncrm_segmentname": "accounts_again", "msdyncrm_segmenttargetprofiletypename": "account",
                "msdyncrm_segmentquery": "SEGMENT(big_accounts)"}]
    texts = {"big_accounts.segq": ACCOUNTS, "records.json": json.dumps(records),
             "declared.segq": "// segquery: profile = account\nSEGMENT(big_accounts)",
             "x.segq": "SEGMENT(big_accounts)"}
    assert [(p, c) for p, c, _, _ in findings(Workspace.from_texts(texts))] == [("x.segq", "W005")]
    assert findings(Workspace.from_texts(texts, target_profile=None)) == []


def test_a_live_segment_that_references_a_draft_or_stopped_one():
    workspace = workspace_of(
        draft_one="// segquery: status = draft\n" + LEAF,
        stopped_one="// segquery: status = stopped\n" + LEAF,
        live_one="// segquery: status = live\n" + LEAF,
        unknown_one=LEAF,
        engaged="// segquery: status = live\n"
                "SEGMENT(draft_one) UNION SEGMENT(stopped_one) UNION SEGMENT(live_one) UNION SEGMENT(unknown_one)",
        planned="// segquery: status = draft\nSEGMENT(draft_one)")
    assert findings(workspace) == [
        ("engaged.segq", "W006", "2:9-2:18", "`engaged` is live but references `draft_one`, which is draft: take "
         "`draft_one` live first (see `segquery deps --order`)"),
        ("engaged.segq", "W006", "2:34-2:45", "`engaged` is live but references `stopped_one`, which is stopped: "
         "take `stopped_one` live first (see `segquery deps --order`)"),
    ]
    first = workspace.diagnostics_for("engaged.segq")[0]
    assert related(first) == [("draft_one.segq", "1:1-1:1", "`draft_one` is draft")]


def test_statuses_from_records():
    records = [{"msdyncrm_segmentname": "base", "statuscode": 192350007, "msdyncrm_segmentquery": LEAF},
               {"msdyncrm_segmentname": "top", "statuscode": 192350006, "msdyncrm_segmentquery": "SEGMENT(base)"}]
    workspace = Workspace.from_texts({"r.json": json.dumps(records)})
    assert [message for _, _, _, message in findings(workspace)] == [
        "`top` is going live but references `base`, which is stopping: take `base` live first "
        "(see `segquery deps --order`)"]


def test_a_chain_deeper_than_the_limit():
    chain = {f"s{i}": f"SEGMENT(s{i + 1})" for i in range(4)} | {"s4": LEAF}
    workspace = Workspace.from_texts({f"{name}.segq": text for name, text in chain.items()}, max_depth=2)
    assert findings(workspace) == [
        ("s0.segq", "W007", "1:9-1:11", "the longest chain of references from `s0` has 4 links, more than the "
         "limit of 2: `s0` -> `s1` -> `s2` -> `s3` -> `s4`"),
        ("s1.segq", "W007", "1:9-1:11", "the longest chain of references from `s1` has 3 links, more than the "
         "limit of 2: `s1` -> `s2` -> `s3` -> `s4`"),
    ]
    assert findings(Workspace.from_texts({f"{name}.segq": text for name, text in chain.items()})) == []


def test_a_long_chain_is_shortened_in_the_message():
    chain = {f"s{i:02d}.segq": f"SEGMENT(s{i + 1:02d})" for i in range(20)} | {"s20.segq": LEAF}
    workspace = Workspace.from_texts(chain, max_depth=19)
    [(_, _, _, message)] = findings(workspace)
    assert message == ("the longest chain of references from `s00` has 20 links, more than the limit of 19: "
                       "`s00` -> `s01` -> `s02` -> `s03` -> `s04` -> `s05` -> `s06` -> `s07` -> `s08` -> "
                       "... 11 more ... -> `s20`")


def test_every_workspace_code_is_registered_with_full_docs():
    from segquery.rules.catalog import get_rule
    for number in range(1, 13):
        rule = get_rule(f"W{number:03d}")
        assert rule is not None and rule.category.value == "workspace"
        assert rule.summary and rule.what_it_does and rule.why, rule.code
        assert rule.example and rule.use_instead, rule.code


def test_check_reports_a_cycle_among_the_records_of_one_json_file(tmp_path):
    from segquery.checking import check_paths
    from segquery.engine import CheckOptions
    records = [{"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350002, "statuscode": 192350000,
                "msdyncrm_segmentquery": "SEGMENT(b)"},
               {"msdyncrm_segmentname": "b", "msdyncrm_segmenttype": 192350002, "statuscode": 192350000,
                "msdyncrm_segmentquery": "SEGMENT(a)"}]
    path = tmp_path / "segments.json"
    text = json.dumps({"value": records})
    path.write_text(text, encoding="utf-8")
    [report] = check_paths([path], options=CheckOptions(jobs=1))
    name_of_b = text.index("SEGMENT(b)") + len("SEGMENT(")
    assert [(d.code, d.range.start.offset, d.range.end.offset, d.message) for d in report.diagnostics] == [
        ("W002", name_of_b, name_of_b + 1, "2 segments reference each other in a cycle: `a` -> `b` -> `a`")]
