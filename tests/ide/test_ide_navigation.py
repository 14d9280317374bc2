"""Definition, references and rename for aliases and segments."""

from __future__ import annotations

from ide_helpers import WORKSPACE_FILES, at, workspace_segments

from segquery.diagnostics import TextEdit
from segquery.ide import Location, PrepareRename, definition, prepare_rename, references, rename, rename_problem
from segquery.source import Span

COMPOUND = ("PROFILE(contact, c).FILTER(c.fullname == 'x')"
            ".TRAVERSE(contact_account_parentcustomerid, a, FILTER(a.name == c.fullname))"
            " UNION PROFILE(contact, c).FILTER(C.statecode == 0)")
BOTH = "ws/both.segq"


def spans(locations: list[Location]) -> list[tuple[int, int]]:
    return [(location.span.start, location.span.end) for location in locations]


# ---------------------------------------------------------------- aliases


def test_alias_use_goes_to_its_declaration():
    use = COMPOUND.index("c.fullname")
    assert definition(COMPOUND, use) == [Location(None, Span(17, 18))]
    assert definition(COMPOUND, use, path="q.segq") == [Location("q.segq", Span(17, 18))]


def test_alias_in_a_traverse_filter_sees_the_chain_and_its_own_alias():
    inner = COMPOUND.index("a.name")
    assert definition(COMPOUND, inner) == [Location(None, Span(89, 90))]
    outer = COMPOUND.index("c.fullname))")
    assert definition(COMPOUND, outer) == [Location(None, Span(17, 18))]


def test_references_of_an_alias_stay_in_its_chain():
    first = spans(references(COMPOUND, 17))
    assert first == [(17, 18), (27, 28), (109, 110)]
    second = spans(references(COMPOUND, COMPOUND.index("C.statecode")))
    assert second == [(145, 146), (155, 156)]
    assert spans(references(COMPOUND, 17, include_declaration=False)) == [(27, 28), (109, 110)]


def test_rename_an_alias_edits_declaration_and_uses_only():
    edits = rename(COMPOUND, COMPOUND.index("c.fullname"), "contact_1")
    assert edits == {None: [TextEdit(17, 18, "contact_1"), TextEdit(27, 28, "contact_1"),
                            TextEdit(109, 110, "contact_1")]}


def test_alias_rename_problems():
    use = COMPOUND.index("c.fullname")
    assert rename_problem(COMPOUND, use, "a") == "an alias named `a` is already in scope"
    assert rename_problem(COMPOUND, use, "1c") == (
        "`1c` is not a name: use letters, digits and underscores, not starting with a digit")
    assert rename_problem(COMPOUND, use, "union") == "`union` is a word of the language"
    assert rename(COMPOUND, use, "a") == {}
    assert rename_problem(COMPOUND, use, "c") is None


def test_alias_navigation_works_while_the_text_does_not_parse():
    text, offset = at("PROFILE(contact, c).FILTER(c.fullname == 'x' && |c.")
    assert definition(text, offset) == [Location(None, Span(17, 18))]
    assert spans(references(text, offset)) == [(17, 18), (27, 28), (48, 49)]


# ---------------------------------------------------------------- segments


def test_segment_reference_goes_to_its_definition():
    segments = workspace_segments()
    text = WORKSPACE_FILES[BOTH]
    # Named by a directive: the directive's value.
    assert definition(text, text.index("Opened"), segments=segments, path=BOTH) == [
        Location("ws/opened.segq", Span(20, 26))]
    # Named by its file: the start of the file.
    assert definition(text, 9, segments=segments, path=BOTH) == [Location("ws/seattle.segq", Span(0, 0))]
    assert definition("SEGMENT(nowhere)", 9, segments=segments) == []


def test_segment_references_across_the_workspace_by_its_every_handle():
    segments = workspace_segments()
    text = WORKSPACE_FILES[BOTH]
    found = references(text, text.index("Opened"), segments=segments, path=BOTH)
    assert found == [Location("ws/again.segq", Span(32, 40)), Location("ws/both.segq", Span(31, 37)),
                     Location("ws/opened.segq", Span(20, 26))]
    # From the directive in the defining file itself.
    opened = WORKSPACE_FILES["ws/opened.segq"]
    assert references(opened, 22, segments=segments, path="ws/opened.segq") == found


def test_segment_references_read_the_edited_text_not_the_saved_one():
    segments = workspace_segments()
    edited = "SEGMENT(Opened)  UNION  SEGMENT(seattle)\n"
    found = references(edited, 9, segments=segments, path=BOTH, include_declaration=False)
    assert found == [Location("ws/again.segq", Span(32, 40)), Location("ws/both.segq", Span(8, 14))]


def test_rename_a_segment_named_by_its_directive():
    segments = workspace_segments()
    text = WORKSPACE_FILES[BOTH]
    assert prepare_rename(text, text.index("Opened"), segments=segments, path=BOTH) == PrepareRename(
        Span(31, 37), "Opened")
    assert rename(text, text.index("Opened"), "opened_emails", segments=segments, path=BOTH) == {
        "ws/again.segq": [TextEdit(32, 40, "opened_emails")],
        "ws/both.segq": [TextEdit(31, 37, "opened_emails")],
        "ws/opened.segq": [TextEdit(20, 26, "opened_emails")],
    }


def test_rename_a_segment_named_by_its_file_inserts_a_name_directive():
    segments = workspace_segments()
    text = WORKSPACE_FILES[BOTH]
    assert rename(text, 9, "seattle_contacts", segments=segments, path=BOTH) == {
        "ws/again.segq": [TextEdit(8, 15, "seattle_contacts")],
        "ws/both.segq": [TextEdit(8, 15, "seattle_contacts")],
        "ws/seattle.segq": [TextEdit(0, 0, "// segquery: name = seattle_contacts\n")],
    }


def test_segment_rename_problems():
    segments = workspace_segments()
    text = WORKSPACE_FILES[BOTH]
    assert rename_problem(text, 9, "Opened", segments=segments, path=BOTH) == (
        "`Opened` already names the segment in ws/opened.segq")
    assert prepare_rename("SEGMENT(nowhere)", 9, segments=segments).reason == (
        "no segment named `nowhere` in the workspace")
    backend = "SEGMENT(SEGMENT_CRM_ID_0123456789abcdef0123456789abcdef)"
    assert prepare_rename(backend, 10, segments=segments).reason == (
        "`SEGMENT_CRM_ID_0123456789abcdef0123456789abcdef` is the backend name derived from the segment's id; "
        "it changes only with the id")


def test_prepare_rename_refuses_language_and_schema_names():
    assert prepare_rename("PROFILE(contact)", 2).reason == "`PROFILE` is part of the language"
    assert prepare_rename("PROFILE(contact)", 10).reason == (
        "`contact` is a name from the schema; only aliases and segments can be renamed")
    assert prepare_rename("SEGMENT(a) UNION SEGMENT(b)", 13).reason == "`UNION` is a keyword"
    assert prepare_rename("PROFILE(contact)  ", 17).reason == "there is no name here"
    assert prepare_rename("PROFILE(contact, c)", 17) == PrepareRename(Span(17, 18), "c")
