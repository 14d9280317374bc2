"""Expansion: every reference inlined, exactly; and every reason it cannot be done."""

import json

import pytest

from segquery.workspace import ExpandError, Workspace
from segquery.workspace.expand import expand_segment
from workspace_helpers import EXAMPLE_WORKSPACE, workspace_of

SEATTLE = "PROFILE(contact).FILTER(address1_city == 'Seattle')"
REDMOND = "PROFILE(contact).FILTER(address1_city == 'Redmond')"


def test_references_are_inlined_in_parentheses_in_canonical_form():
    workspace = workspace_of(
        both="// both cities\nsegment(seattle)\n  union SEGMENT(redmond_or_seattle)",
        seattle="/* the city */ " + SEATTLE,
        redmond_or_seattle=REDMOND + " UNION SEGMENT(seattle)")
    assert workspace.expand("both") == (
        f"({SEATTLE}) UNION ({REDMOND} UNION ({SEATTLE}))")
    assert workspace.expand("seattle") == SEATTLE


def test_a_reference_followed_by_steps_becomes_a_group():
    workspace = workspace_of(page="(SEGMENT(seattle)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)",
                             seattle=SEATTLE)
    assert workspace.expand("page") == f"(({SEATTLE})).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)"


def test_text_that_looks_like_a_marker_is_left_alone():
    tricky = "PROFILE(contact).FILTER(fullname == 'SEGMENT(segquery_ref_0)')"
    workspace = workspace_of(x="SEGMENT(tricky) UNION SEGMENT(seattle)", tricky=tricky, seattle=SEATTLE)
    assert workspace.expand("x") == f"({tricky}) UNION ({SEATTLE})"


def test_shared_dependencies_are_expanded_once_and_inserted_everywhere():
    workspace = workspace_of(top="SEGMENT(left) INTERSECT SEGMENT(right)", left="SEGMENT(base)",
                             right="SEGMENT(base) EXCEPT SEGMENT(redmond)", base=SEATTLE, redmond=REDMOND)
    assert workspace.expand("top") == f"(({SEATTLE})) INTERSECT (({SEATTLE}) EXCEPT ({REDMOND}))"


def test_references_by_backend_name_inside_json_are_inlined():
    records = [{"msdyncrm_segmentname": "Seattle", "msdyncrm_segmentid": "3b2d7c1e-5f80-4a6b-9c1d-2e3f4a5b6c7d",
                "msdyncrm_segmentquery": SEATTLE},
               {"msdyncrm_segmentname": "Both", "msdyncrm_segmentquery":
                "SEGMENT(SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d) UNION " + REDMOND}]
    workspace = Workspace.from_texts({"r.json": json.dumps(records)})
    assert workspace.expand("Both") == f"({SEATTLE}) UNION {REDMOND}"


@pytest.mark.parametrize(("queries", "name", "message"), [
    ({"x": "SEGMENT(nobody)"}, "x", "`SEGMENT(nobody)` in `x` (x.segq:1:9) does not resolve to one segment"),
    ({"x": "SEGMENT(y)", "y": "SEGMENT(z)", "z": "SEGMENT(y)"}, "x",
     "the references form a cycle: `y` -> `z` -> `y`"),
    ({"x": "SEGMENT(y)", "y": "PROFILE(contact).FILTER(x ==)"}, "x",
     "the query of `y` (needed by `x`) has syntax errors; run `segquery check`"),
    ({"x": "SEGMENT(y)", "y": "// segquery: type = static\n" + SEATTLE}, "x",
     "`y` (needed by `x`) is a static segment: its members are a list of ids, not a query, so it cannot be "
     "inlined"),
])
def test_what_cannot_be_expanded_says_why(queries, name, message):
    with pytest.raises(ExpandError) as raised:
        workspace_of(**queries).expand(name)
    assert str(raised.value) == message


def test_a_record_without_a_query_cannot_be_inlined():
    records = [{"msdyncrm_segmentname": "list", "msdyncrm_segmenttype": 192350000},
               {"msdyncrm_segmentname": "x", "msdyncrm_segmentquery": "SEGMENT(list)"}]
    with pytest.raises(ExpandError) as raised:
        Workspace.from_texts({"r.json": json.dumps(records)}).expand("x")
    assert str(raised.value) == "`list` (needed by `x`) has no query"


OPENERS = "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(30))"


def test_an_interaction_segment_cannot_become_a_set_operand():
    workspace = workspace_of(x="SEGMENT(seattle) INTERSECT SEGMENT(alias_of_openers)", seattle=SEATTLE,
                             alias_of_openers="SEGMENT(openers)", openers=OPENERS)
    with pytest.raises(ExpandError) as raised:
        workspace.expand("x")
    assert str(raised.value) == (
        "`alias_of_openers` is an INTERACTION query, which cannot be an operand of INTERSECT in `x`: only a "
        "SEGMENT(...) reference to it can (keep_interactions, or `--keep-interactions`, keeps such references)")
    assert workspace.expand("x", keep_interactions=True) == f"({SEATTLE}) INTERSECT SEGMENT(alias_of_openers)"
    assert workspace.expand("alias_of_openers") == f"({OPENERS})"


def test_the_expansions_of_the_example_workspace_parse():
    from segquery import parse_tolerant
    workspace = Workspace.from_paths([EXAMPLE_WORKSPACE])
    assert workspace.expand("puget_sound").count("PROFILE(contact, contact_1)") == 3
    text = workspace.expand("VIP_event_invitation", keep_interactions=True)
    assert parse_tolerant(text).ok
    assert text.count("SEGMENT(") == 4


def test_an_expansion_larger_than_the_limit_is_refused():
    # Each level doubles the text: l0 references l1 twice, l1 references l2 twice, ...
    queries = {f"l{i}": f"SEGMENT(l{i + 1}) UNION SEGMENT(l{i + 1})" for i in range(12)} | {"l12": SEATTLE}
    workspace = workspace_of(**queries)
    root = workspace.segment("l0")

    def targets(segment):
        return [resolution.target for resolution in workspace.resolution(segment)]

    with pytest.raises(ExpandError) as raised:
        expand_segment(root, targets, describe=lambda segment: f"`{segment.key}`", max_chars=10_000)
    # Sizes from l12 up: 51, 2 * 51 + len("() UNION ()") = 113, 237, 485, ..., 15,861 at l4.
    assert str(raised.value) == ("the expansion of `l0` would be 15,861 characters or more; the parser accepts at "
                                 "most 10,000")
    size = len(SEATTLE)
    for _ in range(12):
        size = 2 * size + len("() UNION ()")
    assert len(workspace.expand("l0")) == size == 253_941
