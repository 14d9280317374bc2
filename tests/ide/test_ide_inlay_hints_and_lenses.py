"""Inlay hints and reference code lenses, as plain library calls."""

from segquery.ide.code_lens import reference_lenses
from segquery.ide.inlay_hints import InlayHintKind, inlay_hints
from segquery.schema import default_schema
from segquery.source import Span
from segquery.workspace import Workspace

QUERY = ("PROFILE(contact, contact_1).TRAVERSE(contact_account_parentcustomerid, account_1)"
         ".FILTER(account_1.industrycode == 16 && DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) > 3)")


def shown(text, **window):
    return [(text[:hint.offset][-12:], hint.label, hint.kind) for hint in
            inlay_hints(text, schema=default_schema(), **window)]


def test_alias_tables_traverse_targets_parameters_and_option_labels():
    assert shown(QUERY) == [
        ("d, account_1", ": account", InlayHintKind.TYPE),
        (", account_1)", "→ account", InlayHintKind.TYPE),
        ("rycode == 16", "Financial", InlayHintKind.TYPE),
        ("&& DATEDIFF(", "part:", InlayHintKind.PARAMETER),
        ("TEDIFF(DAY, ", "start:", InlayHintKind.PARAMETER),
        (" createdon, ", "end:", InlayHintKind.PARAMETER),
    ]


def test_a_window_limits_the_hints():
    start = QUERY.index("DATEDIFF")
    assert [hint.label for hint in inlay_hints(QUERY, schema=default_schema(), start=start)] == \
        ["part:", "start:", "end:"]


def test_option_labels_need_a_known_choice_attribute_and_value():
    text = "PROFILE(contact).FILTER(preferredcontactmethodcode == 2 || preferredcontactmethodcode == 99 || numberofchildren == 2)"
    assert [hint.label for hint in inlay_hints(text, schema=default_schema())] == ["Email"]


def test_interaction_aliases_and_unparsable_text():
    text = "INTERACTION(EmailClicked, EmailClicked_ContactLink, clicks).HAVING(COUNT() > 0)"
    assert [(hint.offset, hint.label) for hint in inlay_hints(text, schema=default_schema())] == \
        [(text.index(", clicks") + len(", clicks"), ": EmailClicked")]
    assert inlay_hints("PROFILE(contact", schema=default_schema()) == []


def test_reference_lenses_count_every_reference_once_per_segment():
    workspace = Workspace.from_texts({"a.segq": "SEGMENT(b) UNION SEGMENT(c)", "b.segq": "PROFILE(contact)",
                                      "c.segq": "SEGMENT(b)"})
    (lens_b,) = reference_lenses(workspace, "b.segq")
    assert (lens_b.segment, lens_b.title, lens_b.span) == ("b", "2 references", Span(0, 0))
    assert [(location.path, location.span) for location in lens_b.references] == \
        [("a.segq", Span(8, 9)), ("c.segq", Span(8, 9))]
    assert [lens.title for lens in reference_lenses(workspace, "c.segq")] == ["1 reference"]
    assert [lens.title for lens in reference_lenses(workspace, "a.segq")] == ["no references"]
    assert reference_lenses(workspace, "missing.segq") == []


def test_hints_say_where_a_space_separates_them_from_the_text():
    assert [(hint.label, hint.pad_before, hint.pad_after) for hint in inlay_hints(QUERY, schema=default_schema())] == [
        (": account", False, False),
        ("→ account", True, False),
        ("Financial", True, False),
        ("part:", False, True),
        ("start:", False, True),
        ("end:", False, True),
    ]
