"""Cross-file behaviour: diagnostics that follow other files, navigation and
rename across the workspace, file watching."""

from __future__ import annotations

import pytest
from lsp_session import (
    at,
    close_document,
    doc,
    open_document,
    replace_all,
    span,
    uri_of,
    wait_for_diagnostics,
    wait_for_registration,
    wait_for_version,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workspace_files() -> dict[str, str]:
    return {
        "base.segq": "PROFILE(contact)\n",
        "uses.segq": "SEGMENT(base) UNION SEGMENT(later)\n",
        "loop_a.segq": "SEGMENT(loop_b)\n",
        "loop_b.segq": "PROFILE(contact)\n",
        "named.segq": "// segquery: name = vip\nPROFILE(contact)\n",
        "uses_vip.segq": "SEGMENT(vip) UNION SEGMENT(base)\n",
    }


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [item.code for item in diagnostics]


def watched(client, uri: str, kind: types.FileChangeType) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=uri, type=kind)]))


async def test_the_server_watches_queries_records_and_settings(client):
    await wait_for_registration(client)
    [registration] = [item for item in client.registrations
                      if item.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert [watcher["globPattern"] for watcher in registration.register_options["watchers"]] == [
        "**/*.segq", "**/*.json", "**/segquery.toml", "**/pyproject.toml"]


async def test_a_cycle_appears_in_a_when_b_is_edited_and_disappears_when_fixed(client, workspace_root):
    a, b = uri_of(workspace_root / "loop_a.segq"), uri_of(workspace_root / "loop_b.segq")
    open_document(client, a, "SEGMENT(loop_b)\n")
    assert await wait_for_version(client, a, 1) == []
    open_document(client, b, "PROFILE(contact)\n")
    assert await wait_for_version(client, b, 1) == []
    replace_all(client, b, "SEGMENT(loop_a)\n", 2)
    [cycle] = await wait_for_diagnostics(client, a, lambda params: bool(params.diagnostics))
    assert cycle.code == "W002"
    assert cycle.message == "2 segments reference each other in a cycle: `loop_a` -> `loop_b` -> `loop_a`"
    assert span(cycle.range) == (0, 8, 0, 14)
    assert [(item.location.uri, span(item.location.range), item.message)
            for item in cycle.related_information] == [
        (a, (0, 8, 0, 14), "`loop_a` references `loop_b` here"),
        (b, (0, 8, 0, 14), "`loop_b` references `loop_a` here"),
    ]
    replace_all(client, b, "PROFILE(contact)\n", 3)
    assert await wait_for_diagnostics(client, a, lambda params: not params.diagnostics) == []
    close_document(client, a)
    close_document(client, b)


async def test_a_missing_segment_follows_files_created_and_deleted_on_disk(client, workspace_root):
    uses = uri_of(workspace_root / "uses.segq")
    open_document(client, uses, (workspace_root / "uses.segq").read_text())
    [missing] = await wait_for_version(client, uses, 1)
    assert (missing.code, missing.message, span(missing.range)) == (
        "W001", "no segment named `later` in the workspace", (0, 28, 0, 33))
    later = workspace_root / "later.segq"
    later.write_text("PROFILE(contact)\n", encoding="utf-8")
    watched(client, uri_of(later), types.FileChangeType.Created)
    assert await wait_for_diagnostics(client, uses, lambda params: not params.diagnostics) == []
    later.unlink()
    watched(client, uri_of(later), types.FileChangeType.Deleted)
    assert codes(await wait_for_diagnostics(client, uses, lambda params: bool(params.diagnostics))) == ["W001"]
    close_document(client, uses)


async def test_definition_and_references_across_files(client, workspace_root):
    uses = uri_of(workspace_root / "uses_vip.segq")
    open_document(client, uses, "SEGMENT(vip) UNION SEGMENT(base)\n")
    await wait_for_version(client, uses, 1)
    [target] = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uses), position=at(0, 9)))
    assert (target.uri, span(target.range)) == (uri_of(workspace_root / "named.segq"), (0, 20, 0, 23))
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uses), position=at(0, 9), context=types.ReferenceContext(include_declaration=True)))
    assert sorted((location.uri, span(location.range)) for location in found) == sorted([
        (uri_of(workspace_root / "named.segq"), (0, 20, 0, 23)),
        (uses, (0, 8, 0, 11)),
    ])
    close_document(client, uses)


async def test_rename_a_segment_across_files(client, workspace_root):
    uses = uri_of(workspace_root / "uses_vip.segq")
    open_document(client, uses, "SEGMENT(vip) UNION SEGMENT(base)\n")
    await wait_for_version(client, uses, 1)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=doc(uses), position=at(0, 28)))
    assert (span(prepared.range), prepared.placeholder) == ((0, 27, 0, 31), "base")
    result = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(uses), position=at(0, 28), new_name="core"))
    edits = {change.text_document.uri: (change.text_document.version,
                                        [(span(item.range), item.new_text) for item in change.edits])
             for change in result.document_changes}
    assert edits == {
        # The open document is edited at its version; base.segq is named by its stem, so it gains a directive.
        uses: (1, [((0, 27, 0, 31), "core")]),
        uri_of(workspace_root / "base.segq"): (None, [((0, 0, 0, 0), "// segquery: name = core\n")]),
        uri_of(workspace_root / "uses.segq"): (None, [((0, 8, 0, 12), "core")]),
    }
    close_document(client, uses)


async def test_rename_refuses_with_the_reason(client, workspace_root):
    uses = uri_of(workspace_root / "uses_vip.segq")
    open_document(client, uses, "SEGMENT(vip) UNION SEGMENT(base)\n")
    await wait_for_version(client, uses, 1)
    with pytest.raises(JsonRpcException, match="`UNION` is a word of the language"):
        await client.text_document_rename_async(types.RenameParams(
            text_document=doc(uses), position=at(0, 9), new_name="UNION"))
    with pytest.raises(JsonRpcException, match="`UNION` is a keyword"):
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=doc(uses), position=at(0, 15)))
    close_document(client, uses)


async def test_closing_a_document_goes_back_to_the_file_on_disk(client, workspace_root):
    a, b = uri_of(workspace_root / "loop_a.segq"), uri_of(workspace_root / "loop_b.segq")
    open_document(client, a, "SEGMENT(loop_b)\n")
    await wait_for_version(client, a, 1)
    open_document(client, b, "SEGMENT(loop_a)\n")  # unsaved: the disk still says PROFILE(contact)
    assert codes(await wait_for_diagnostics(client, a, lambda params: bool(params.diagnostics))) == ["W002"]
    close_document(client, b)
    assert await wait_for_diagnostics(client, a, lambda params: not params.diagnostics) == []
    close_document(client, a)


async def test_an_added_workspace_folder_joins_the_workspace(client, workspace_root, tmp_path_factory):
    other = tmp_path_factory.mktemp("other_folder")
    (other / "far_away.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    uri = uri_of(workspace_root / "uses_far.segq")
    open_document(client, uri, "SEGMENT(far_away)\n")
    assert codes(await wait_for_version(client, uri, 1)) == ["W001"]
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(
            added=[types.WorkspaceFolder(uri=uri_of(other), name="other")], removed=[])))
    assert await wait_for_diagnostics(client, uri, lambda params: not params.diagnostics) == []
    close_document(client, uri)


async def test_suppression_comments_apply_to_workspace_findings(client, workspace_root):
    uri = uri_of(workspace_root / "suppressed.segq")
    open_document(client, uri, "segment(nowhere)\n")
    assert codes(await wait_for_version(client, uri, 1)) == ["L001", "W001"]
    close_document(client, uri)
    # One directive suppresses a workspace finding (W001), the other a lint finding (L001):
    # both are used, so neither is reported as unused.
    open_document(client, uri, "// segquery: ignore-file[W001, L001]\nsegment(nowhere)\n")
    assert await wait_for_version(client, uri, 1) == []
    close_document(client, uri)
