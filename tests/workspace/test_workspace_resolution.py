"""Matching rules of SEGMENT(x), the exact graph, order, dependents, and the lookup API."""

import json

import pytest

from segquery.workspace import CycleError, Match, SegmentLookupError, Workspace
from workspace_helpers import apply_edits, edges, findings, related, workspace_of

LEAF = "PROFILE(contact)"


def test_exact_graph_with_reference_spans():
    workspace = workspace_of(a="SEGMENT(b) UNION SEGMENT(c)\n  EXCEPT SEGMENT(b)", b="SEGMENT(c)", c=LEAF)
    assert edges(workspace) == {"a": ["b", "c", "b"], "b": ["c"], "c": []}
    assert [(e.source, e.target, e.location.path, e.location.range.start.line, e.location.range.start.column,
             e.location.range.end.column) for e in workspace.graph["a"]] == [
        ("a", "b", "a.segq", 1, 9, 10), ("a", "c", "a.segq", 1, 26, 27), ("a", "b", "a.segq", 2, 18, 19)]


def test_exact_match_wins_over_a_case_insensitive_one():
    workspace = workspace_of(Adults=LEAF, adults=LEAF, x="SEGMENT(adults) UNION SEGMENT(Adults)")
    [first, second] = workspace.resolution(workspace.segment("x"))
    assert (first.match, first.target.path, second.match, second.target.path) == (
        Match.EXACT, "adults.segq", Match.EXACT, "Adults.segq")
    assert findings(workspace) == []


def test_case_insensitive_match_resolves_a_single_candidate():
    workspace = workspace_of(adults=LEAF, x="SEGMENT(ADULTS)")
    [resolution] = workspace.resolution(workspace.segment("x"))
    assert (resolution.match, resolution.target.key) == (Match.CASE_INSENSITIVE, "adults")


def test_several_case_insensitive_candidates_are_ambiguous():
    workspace = workspace_of(Adults=LEAF, adults=LEAF, x="SEGMENT(ADULTS)")
    assert findings(workspace) == [
        ("x.segq", "W009", "1:9-1:15", "`ADULTS` matches 2 segments ignoring case: `Adults` (Adults.segq:1:1), "
                                       "`adults` (adults.segq:1:1)")]
    [diagnostic] = workspace.diagnostics_for("x.segq")
    assert related(diagnostic) == [("Adults.segq", "1:1-1:1", "candidate `Adults`"),
                                   ("adults.segq", "1:1-1:1", "candidate `adults`")]
    assert edges(workspace)["x"] == []


def test_resolution_by_display_name_stem_and_backend_query_name():
    records = [{"msdyncrm_segmentname": "Webinar attendees",
                "msdyncrm_segmentid": "3b2d7c1e-5f80-4a6b-9c1d-2e3f4a5b6c7d", "msdyncrm_segmentquery": LEAF}]
    workspace = Workspace.from_texts({
        "records.json": json.dumps(records),
        "renamed.segq": "// segquery: name = Renamed\n" + LEAF,
        "x.segq": "SEGMENT(SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d) UNION SEGMENT('Webinar attendees')\n"
                  "UNION SEGMENT(renamed) UNION SEGMENT(Renamed)",
    })
    assert edges(workspace)["x"] == ["Webinar attendees", "Webinar attendees", "Renamed", "Renamed"]


def test_a_missing_reference_suggests_the_closest_name_with_an_unsafe_fix():
    text = "SEGMENT(in_seatle) UNION SEGMENT(zzz)"
    workspace = Workspace.from_texts({"in_seattle.segq": LEAF, "x.segq": text})
    assert findings(workspace) == [
        ("x.segq", "W001", "1:9-1:18", "no segment named `in_seatle` in the workspace; did you mean `in_seattle`?"),
        ("x.segq", "W001", "1:34-1:37", "no segment named `zzz` in the workspace"),
    ]
    first, second = workspace.diagnostics_for("x.segq")
    assert first.fix.applicability.value == "unsafe"
    assert apply_edits(text, first.fix.edits) == "SEGMENT(in_seattle) UNION SEGMENT(zzz)"
    assert second.fix is None


def test_a_suggestion_that_is_not_an_identifier_comes_without_a_fix():
    workspace = Workspace.from_texts({
        "r.json": json.dumps({"msdyncrm_segmentname": "Webinar attendees", "msdyncrm_segmentquery": LEAF}),
        "x.segq": "SEGMENT(Webinar_attendee)"})
    [diagnostic] = workspace.diagnostics_for("x.segq")
    assert diagnostic.message == ("no segment named `Webinar_attendee` in the workspace; "
                                  "did you mean `Webinar attendees`?")
    assert diagnostic.fix is None


def test_order_puts_dependencies_first_and_breaks_ties_by_name():
    workspace = workspace_of(top="SEGMENT(mid) UNION SEGMENT(b_leaf)", mid="SEGMENT(a_leaf)", a_leaf=LEAF,
                             b_leaf=LEAF, c_alone=LEAF)
    assert workspace.order() == ["a_leaf", "b_leaf", "c_alone", "mid", "top"]
    assert workspace.order(reverse=True) == ["c_alone", "top", "b_leaf", "mid", "a_leaf"]


def test_order_refuses_a_cycle():
    workspace = workspace_of(a="SEGMENT(b)", b="SEGMENT(c)", c="SEGMENT(a)", d="SEGMENT(d)", e=LEAF)
    with pytest.raises(CycleError) as raised:
        workspace.order()
    assert raised.value.cycles == [["a", "b", "c", "a"], ["d", "d"]]
    assert str(raised.value) == "the segments cannot be ordered because of 2 cycles: a -> b -> c -> a; d -> d"


def test_dependents_and_dependencies_direct_and_transitive():
    workspace = workspace_of(top="SEGMENT(mid) UNION SEGMENT(leaf)", mid="SEGMENT(leaf)", leaf=LEAF, other=LEAF)
    assert workspace.dependents("leaf") == ["mid", "top"]
    assert workspace.dependents("leaf", transitive=False) == ["mid", "top"]
    assert workspace.dependents("mid") == ["top"]
    assert workspace.dependents("top") == []
    assert workspace.dependencies("top") == ["leaf", "mid"]
    assert workspace.dependencies("top", transitive=False) == ["leaf", "mid"]
    assert workspace.dependencies("mid") == ["leaf"]


def test_dependents_through_a_chain():
    workspace = workspace_of(a="SEGMENT(b)", b="SEGMENT(c)", c="SEGMENT(d)", d=LEAF)
    assert workspace.dependents("d", transitive=False) == ["c"]
    assert workspace.dependents("d") == ["a", "b", "c"]
    assert workspace.depth("a") == 3
    assert workspace.depth("d") == 0


def test_lookup_errors_suggest_or_list_candidates():
    workspace = workspace_of(Adults=LEAF, adults=LEAF, kids=LEAF)
    with pytest.raises(SegmentLookupError) as missing:
        workspace.segment("kid")
    assert (str(missing.value), missing.value.suggestion) == ("no segment named `kid`; did you mean `kids`?", "kids")
    with pytest.raises(SegmentLookupError) as ambiguous:
        workspace.segment("ADULTS")
    assert str(ambiguous.value) == ("`ADULTS` matches several segments: `Adults` (Adults.segq:1:1), "
                                    "`adults` (adults.segq:1:1)")
    assert workspace.segment("KIDS").key == "kids"
