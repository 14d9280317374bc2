"""Definitions, references and renames, as an editor asks for them."""

import json

import pytest

from segquery.workspace import Workspace
from workspace_helpers import apply_edits

LEAF = "PROFILE(contact)"
TOP = "SEGMENT(seattle)\n  UNION SEGMENT(Webinar)"
RECORDS = json.dumps([{"msdyncrm_segmentname": "Webinar", "msdyncrm_segmentquery": "SEGMENT(seattle) EXCEPT "
                       "SEGMENT(SEATTLE)"}])


def _workspace() -> Workspace:
    return Workspace.from_texts({"top.segq": TOP, "seattle.segq": "// segquery: status = live\n" + LEAF,
                                 "records.json": RECORDS})


def _where(location) -> tuple[str, int, int, int, int]:
    start, end = location.range.start, location.range.end
    return location.path, start.line, start.column, end.line, end.column


def test_reference_at_and_definition():
    workspace = _workspace()
    reference, resolution = workspace.reference_at("top.segq", TOP.index("Webinar"))
    assert (reference.name, resolution.target.key) == ("Webinar", "Webinar")
    assert workspace.reference_at("top.segq", TOP.index("UNION")) is None
    assert [_where(location) for location in workspace.definition("top.segq", 3)] == [("seattle.segq", 1, 1, 1, 1)]
    assert [_where(location) for location in workspace.definition("top.segq", TOP.index("Webinar"))] == [
        ("records.json", 1, 28, 1, 35)]


def test_references_to_a_segment_in_every_file():
    workspace = _workspace()
    assert [_where(location) for location in workspace.references_to("seattle")] == [
        ("records.json", 1, 72, 1, 79), ("records.json", 1, 96, 1, 103), ("top.segq", 1, 9, 1, 16)]


def test_segment_at_in_a_file_of_records():
    workspace = _workspace()
    assert workspace.segment_at("records.json", RECORDS.index("EXCEPT")).key == "Webinar"
    assert workspace.segment_at("records.json", 0) is None
    assert workspace.segment_at("top.segq", 0).key == "top"


def test_references_in_a_file_with_their_resolution():
    workspace = _workspace()
    found = workspace.references_in("records.json")
    assert [(reference.name, resolution.target.key) for reference, resolution in found] == [
        ("seattle", "seattle"), ("SEATTLE", "seattle")]


def test_rename_a_segment_named_by_its_file_renames_the_file_and_every_reference():
    workspace = _workspace()
    plan = workspace.rename("seattle", "seattle_contacts")
    assert plan.file_renames == [("seattle.segq", "seattle_contacts.segq")]
    assert apply_edits(TOP, plan.edits["top.segq"]) == "SEGMENT(seattle_contacts)\n  UNION SEGMENT(Webinar)"
    assert json.loads(apply_edits(RECORDS, plan.edits["records.json"]))[0]["msdyncrm_segmentquery"] == (
        "SEGMENT(seattle_contacts) EXCEPT SEGMENT(seattle_contacts)")
    assert sorted(plan.edits) == ["records.json", "top.segq"]


def test_rename_a_record_edits_its_name_and_its_references():
    workspace = _workspace()
    plan = workspace.rename("Webinar", "webinar_follow_up")
    assert plan.file_renames == []
    assert json.loads(apply_edits(RECORDS, plan.edits["records.json"]))[0]["msdyncrm_segmentname"] == (
        "webinar_follow_up")
    assert apply_edits(TOP, plan.edits["top.segq"]) == "SEGMENT(seattle)\n  UNION SEGMENT(webinar_follow_up)"


def test_rename_a_directive_name():
    text = "// segquery: name = old_name\n" + LEAF
    workspace = Workspace.from_texts({"file.segq": text, "x.segq": "SEGMENT(old_name) UNION SEGMENT(file)"})
    plan = workspace.rename("old_name", "new_name")
    assert apply_edits(text, plan.edits["file.segq"]) == "// segquery: name = new_name\n" + LEAF
    assert apply_edits("SEGMENT(old_name) UNION SEGMENT(file)", plan.edits["x.segq"]) == (
        "SEGMENT(new_name) UNION SEGMENT(file)")


def test_rename_refuses_names_that_cannot_be_written_or_are_taken():
    workspace = _workspace()
    with pytest.raises(ValueError, match="cannot be written in SEGMENT"):
        workspace.rename("seattle", "two words")
    with pytest.raises(ValueError, match="already names `Webinar`"):
        workspace.rename("seattle", "webinar")
    records = Workspace.from_texts({"r.json": json.dumps([{"msdyncrm_segmentqueryname": "q1",
                                                           "msdyncrm_segmentquery": LEAF}])})
    with pytest.raises(ValueError, match="has no name of its own to rename"):
        records.rename("q1", "q2")
