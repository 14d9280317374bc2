"""Incremental updates give what a fresh read gives, and say which files to refresh."""

from hypothesis import given, settings
from hypothesis import strategies as st

from segquery.workspace import CycleError, Workspace
from workspace_helpers import edges, findings

LEAF = "PROFILE(contact)"
ACCOUNTS = "PROFILE(account)"


def _snapshot(workspace: Workspace):
    try:
        order = workspace.order()
    except CycleError as error:
        order = error.cycles
    return edges(workspace), findings(workspace, syntax=True), order, [s.key for s in workspace.segments]


def test_a_new_file_resolves_references_that_were_missing():
    workspace = Workspace.from_texts({"a.segq": "SEGMENT(b)", "c.segq": LEAF})
    assert [code for _, code, _, _ in findings(workspace)] == ["W001"]
    affected = workspace.update_file("b.segq", LEAF)
    assert affected == ["a.segq", "b.segq"]
    assert findings(workspace) == []
    assert workspace.order() == ["b", "a", "c"]


def test_removing_a_file_breaks_its_dependents():
    workspace = Workspace.from_texts({"top.segq": "SEGMENT(mid)", "mid.segq": "SEGMENT(leaf)", "leaf.segq": LEAF,
                                      "other.segq": LEAF})
    workspace.diagnostics_for("top.segq")
    assert workspace.remove_file("leaf.segq") == ["leaf.segq", "mid.segq", "top.segq"]
    assert findings(workspace) == [
        ("mid.segq", "W001", "1:9-1:13", "no segment named `leaf` in the workspace")]
    assert workspace.remove_file("leaf.segq") == []


def test_renaming_inside_a_file_moves_the_references():
    workspace = Workspace.from_texts({"a.segq": "SEGMENT(target)", "b.segq": "// segquery: name = target\n" + LEAF})
    assert edges(workspace) == {"a": ["target"], "target": []}
    workspace.update_file("b.segq", "// segquery: name = renamed\n" + LEAF)
    assert edges(workspace) == {"a": [], "renamed": []}
    assert findings(workspace) == [("a.segq", "W001", "1:9-1:15", "no segment named `target` in the workspace")]


def test_a_changed_profile_type_reaches_every_dependent():
    workspace = Workspace.from_texts({"base.segq": LEAF, "mid.segq": "SEGMENT(base)",
                                      "top.segq": "SEGMENT(mid) UNION SEGMENT(other)", "other.segq": LEAF})
    assert findings(workspace) == []
    affected = workspace.update_file("base.segq", ACCOUNTS)
    assert affected == ["base.segq", "mid.segq", "top.segq"]
    assert [(path, code) for path, code, _, _ in findings(workspace)] == [("mid.segq", "W005"), ("top.segq", "W004")]
    workspace.update_file("base.segq", LEAF)
    assert findings(workspace) == []


def test_a_changed_status_reaches_the_direct_referrers():
    workspace = Workspace.from_texts({"base.segq": "// segquery: status = live\n" + LEAF,
                                      "top.segq": "// segquery: status = live\nSEGMENT(base)"})
    assert findings(workspace) == []
    workspace.update_file("base.segq", "// segquery: status = stopped\n" + LEAF)
    assert [code for _, code, _, _ in findings(workspace)] == ["W006"]


def test_a_new_name_changes_the_did_you_mean_of_unrelated_references():
    workspace = Workspace.from_texts({"a.segq": "SEGMENT(seattle_contact)", "b.segq": LEAF})
    assert findings(workspace)[0][3] == "no segment named `seattle_contact` in the workspace"
    assert workspace.update_file("c.segq", "// segquery: name = seattle_contacts\n" + LEAF) == ["a.segq", "c.segq"]
    assert findings(workspace)[0][3] == ("no segment named `seattle_contact` in the workspace; did you mean "
                                         "`seattle_contacts`?")


def test_a_cycle_appearing_and_disappearing():
    workspace = Workspace.from_texts({"a.segq": "SEGMENT(b)", "b.segq": LEAF})
    workspace.diagnostics_for("a.segq")
    assert workspace.update_file("b.segq", "SEGMENT(a)") == ["a.segq", "b.segq"]
    assert [code for _, code, _, _ in findings(workspace)] == ["W002"]
    assert workspace.update_file("b.segq", LEAF) == ["a.segq", "b.segq"]
    assert findings(workspace) == []


def test_a_name_that_stops_being_shared_refreshes_the_messages_that_show_it():
    """A shared name is shown with its location; once the other segment is gone the
    message of the segment that keeps the name changes, so its file is affected."""
    workspace = Workspace.from_texts({"first/adults.segq": "SEGMENT(accounts)", "second/adults.segq": LEAF,
                                      "accounts.segq": ACCOUNTS})
    assert ("first/adults.segq", "W005", "1:9-1:17",
            "`accounts` ends on `account`, but `adults (first/adults.segq:1)` targets `contact`: its members would "
            "be `account` records; reference a `contact` segment or TRAVERSE to `contact`") in findings(workspace)
    assert workspace.remove_file("second/adults.segq") == ["first/adults.segq", "second/adults.segq"]
    assert findings(workspace) == [
        ("first/adults.segq", "W005", "1:9-1:17",
         "`accounts` ends on `account`, but `adults` targets `contact`: its members would be `account` records; "
         "reference a `contact` segment or TRAVERSE to `contact`")]


def test_a_changed_key_refreshes_the_candidates_listed_by_an_ambiguous_reference():
    """`adults` matches the stem of one file and the name of another; the first is shown by its
    name, which stops being shared when grown_ups.segq goes."""
    workspace = Workspace.from_texts({"top.segq": "SEGMENT(adults)",
                                      "adults.segq": "// segquery: name = grown_ups\n" + LEAF,
                                      "b.segq": "// segquery: name = adults\n" + LEAF, "grown_ups.segq": LEAF})
    assert findings(workspace)[-1] == (
        "top.segq", "W009", "1:9-1:15", "`adults` matches 2 segments exactly: `grown_ups (adults.segq:1)` "
        "(adults.segq:1:21), `adults` (b.segq:1:21)")
    assert workspace.remove_file("grown_ups.segq") == ["adults.segq", "grown_ups.segq", "top.segq"]
    assert findings(workspace) == [
        ("top.segq", "W009", "1:9-1:15",
         "`adults` matches 2 segments exactly: `grown_ups` (adults.segq:1:21), `adults` (b.segq:1:21)")]


def test_updates_read_from_disk_and_keep_the_path_as_first_given(tmp_path):
    (tmp_path / "a.segq").write_text("SEGMENT(b)", encoding="utf-8")
    (tmp_path / "b.segq").write_text(LEAF, encoding="utf-8")
    workspace = Workspace.from_paths([tmp_path])
    (tmp_path / "b.segq").write_text("SEGMENT(a)", encoding="utf-8")
    absolute = str((tmp_path / "b.segq").resolve())
    workspace.update_file(absolute)
    assert workspace.files == [str(tmp_path / "a.segq"), str(tmp_path / "b.segq")]
    assert [code for _, code, _, _ in findings(workspace)] == ["W002"]


NAMES = ("a", "b", "c", "d", "A")
TEXTS = st.sampled_from([
    LEAF, ACCOUNTS, "SEGMENT(a)", "SEGMENT(b) UNION SEGMENT(c)", "SEGMENT(D) EXCEPT SEGMENT(a)", "SEGMENT(A)",
    "// segquery: name = c\n" + LEAF, "// segquery: name = A\nSEGMENT(b)", "// segquery: status = live\nSEGMENT(b)", "// segquery: status = draft\n" + LEAF,
    "SEGMENT(zz)", "SEGMENT(b) UNION", "SEGMENT(c) UNION SEGMENT(d).TRAVERSE(contact_account_parentcustomerid)",
])
OPERATIONS = st.lists(st.tuples(st.sampled_from(NAMES), st.one_of(st.none(), TEXTS)), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), TEXTS), OPERATIONS)
def test_any_sequence_of_updates_matches_a_fresh_read(initial, operations):
    files = {f"{name}.segq": text for name, text in initial.items()}
    workspace = Workspace.from_texts(files)
    for step, (name, text) in enumerate(operations):
        path = f"{name}.segq"
        if step % 2:
            findings(workspace)       # some steps start from computed (cached) results
        if text is None:
            workspace.remove_file(path)
            files.pop(path, None)
        else:
            workspace.update_file(path, text)
            files[path] = text
    assert _snapshot(workspace) == _snapshot(Workspace.from_texts(dict(sorted(files.items()))))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), TEXTS), OPERATIONS)
def test_every_file_whose_diagnostics_change_is_reported_affected(initial, operations):
    workspace = Workspace.from_texts({f"{name}.segq": text for name, text in initial.items()})
    for name, text in operations:
        before = workspace.diagnostics
        path = f"{name}.segq"
        affected = workspace.remove_file(path) if text is None else workspace.update_file(path, text)
        after = workspace.diagnostics
        changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
        assert changed <= set(affected)
