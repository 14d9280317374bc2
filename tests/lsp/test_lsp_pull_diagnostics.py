"""Pulled diagnostics: the same as those pushed, `unchanged` when they are, a
refresh request when another file changes them, and large documents too.

The first pull switches the session to pulling, so this module has its own
server; its client declares pull support and refresh support, and its
documents above 200 characters are large."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsp_session import (
    CONFIG,
    doc,
    open_document,
    replace_all,
    span,
    start_session,
    uri_of,
    wait_for_diagnostics,
    wait_for_refresh,
    wait_for_version,
    write_files,
)
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")

LARGE = 200


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, workspace_root):
    write_files(workspace_root, {"b.segq": "PROFILE(contact)"})
    capabilities = client_capabilities("visual-studio-code")
    capabilities.text_document.diagnostic = types.DiagnosticClientCapabilities(related_document_support=True)
    capabilities.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    lsp_client.initialize_result = await start_session(  # type: ignore[attr-defined]
        lsp_client, workspace_root, capabilities=capabilities, largeDocumentSize=LARGE)
    yield
    await lsp_client.shutdown_session()


async def pull(client, uri, previous=None):
    return await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=doc(uri), previous_result_id=previous))


def codes(diagnostics):
    return [(item.code, item.message, span(item.range)) for item in diagnostics]


async def test_capability(client):
    provider = client.initialize_result.capabilities.diagnostic_provider
    assert (provider.identifier, provider.inter_file_dependencies, provider.workspace_diagnostics) == (
        "segquery", True, True)


async def test_the_first_pull_answers_what_was_pushed_then_clears_it(client, workspace_root):
    uri = uri_of(workspace_root / "first.segq")
    open_document(client, uri, "PROFILE(contact).FILTER(")
    pushed = await wait_for_version(client, uri, 1)
    assert codes(pushed) == [("S007", "`(` is never closed: add `)`", (0, 23, 0, 24))]
    report = await pull(client, uri)
    assert report.kind == "full"
    assert list(report.items) == pushed
    assert report.result_id
    # Pushed diagnostics are cleared: the client would show both.
    assert await wait_for_diagnostics(client, uri, lambda params: params.version is None) == []
    count = client.publish_count[uri]
    again = await pull(client, uri, previous=report.result_id)
    assert (again.kind, again.result_id) == ("unchanged", report.result_id)
    replace_all(client, uri, "PROFILE(contact).FILTER(fullname == 'Ann')", 2)
    fixed = await pull(client, uri, previous=report.result_id)
    assert (fixed.kind, list(fixed.items)) == ("full", [])
    assert fixed.result_id != report.result_id
    assert client.publish_count[uri] == count  # nothing is pushed any more


async def test_another_file_changing_the_findings_asks_for_a_refresh(client, workspace_root):
    uri = uri_of(workspace_root / "a.segq")
    open_document(client, uri, "SEGMENT(b) UNION SEGMENT(c)")
    report = await pull(client, uri)
    assert codes(report.items) == [("W001", "no segment named `c` in the workspace", (0, 25, 0, 26))]
    client.refreshes.clear()
    open_document(client, uri_of(workspace_root / "c.segq"), "PROFILE(contact)")
    await wait_for_refresh(client, types.WORKSPACE_DIAGNOSTIC_REFRESH)
    after = await pull(client, uri, previous=report.result_id)
    assert (after.kind, list(after.items)) == ("full", [])


async def test_a_large_document_is_answered_once_checked(client, workspace_root):
    uri = uri_of(workspace_root / "large.segq")
    text = "PROFILE(contact).FILTER(" + " || ".join(["fullname == 'Ann'"] * 12)
    assert len(text) > LARGE
    open_document(client, uri, text)
    report = await pull(client, uri)
    assert codes(report.items) == [("S007", "`(` is never closed: add `)`", (0, 23, 0, 24))]


async def test_workspace_pull_reports_every_open_document(client, workspace_root):
    first, a = uri_of(workspace_root / "first.segq"), uri_of(workspace_root / "a.segq")
    held = (await pull(client, first)).result_id
    result = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(
        previous_result_ids=[types.PreviousResultId(uri=first, value=held)]))
    by_uri = {item.uri: item for item in result.items}
    assert sorted(by_uri) == sorted([first, a, uri_of(workspace_root / "c.segq"),
                                     uri_of(workspace_root / "large.segq")])
    assert (by_uri[first].kind, by_uri[first].result_id, by_uri[first].version) == ("unchanged", held, 2)
    assert (by_uri[a].kind, list(by_uri[a].items), by_uri[a].version) == ("full", [], 1)
    assert codes(by_uri[uri_of(workspace_root / "large.segq")].items) == [
        ("S007", "`(` is never closed: add `)`", (0, 23, 0, 24))]
