"""Diagnostics published by the server: on open, on change, on save, on close."""

from __future__ import annotations

import pytest
from lsp_session import (
    close_document,
    edit,
    open_document,
    replace_all,
    span,
    uri_of,
    wait_for_diagnostics,
    wait_for_version,
)
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

RULES_URL = "https://github.com/segquery/segquery/blob/main/docs/rules.md"


async def test_published_on_open_with_code_link_severity_and_related(client, workspace_root):
    uri = uri_of(workspace_root / "unclosed.segq")
    open_document(client, uri, "PROFILE(contact).FILTER(")
    [diagnostic] = await wait_for_version(client, uri, 1)
    assert diagnostic.code == "S007"
    assert diagnostic.message == "`(` is never closed: add `)`"
    assert span(diagnostic.range) == (0, 23, 0, 24)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "segquery"
    assert diagnostic.code_description.href == f"{RULES_URL}#s007-unclosed-parenthesis"
    [related] = diagnostic.related_information
    assert related.message == "the query ends here"
    assert related.location.uri == uri
    assert span(related.location.range) == (0, 24, 0, 24)
    close_document(client, uri)


async def test_change_republishes_for_the_latest_version(client, workspace_root):
    uri = uri_of(workspace_root / "typing.segq")
    open_document(client, uri, "PROFILE(contact)")
    assert await wait_for_version(client, uri, 1) == []
    edit(client, uri, 2, (0, 16), (0, 16), ".FILTER(")
    [diagnostic] = await wait_for_version(client, uri, 2)
    assert diagnostic.code == "S007"
    edit(client, uri, 3, (0, 24), (0, 24), "fullname == 'Ann')")
    assert await wait_for_version(client, uri, 3) == []
    close_document(client, uri)


async def test_a_burst_of_changes_ends_on_the_latest_version(client, workspace_root):
    uri = uri_of(workspace_root / "burst.segq")
    open_document(client, uri, "")
    await wait_for_version(client, uri, 1)
    text = "PROFILE(contact).FILTER(fullname == 'Ann')"
    for version, end in enumerate(range(1, len(text) + 1), start=2):
        replace_all(client, uri, text[:end], version)
    assert await wait_for_version(client, uri, len(text) + 1) == []
    # Coalesced: far fewer checks than keystrokes.
    assert client.publish_count[uri] < len(text) // 2
    close_document(client, uri)


async def test_non_ascii_text_positions_are_utf16(client, workspace_root):
    uri = uri_of(workspace_root / "emoji.segq")
    # The emoji inside the string counts two UTF-16 units.
    open_document(client, uri, "PROFILE(contact).FILTER(fullname == '\U0001F600' && birthdate < DateTimeNowUtc())")
    [diagnostic] = await wait_for_version(client, uri, 1)
    assert diagnostic.code == "S014"
    assert span(diagnostic.range) == (0, 56, 0, 70)  # code points 55..69
    close_document(client, uri)


async def test_save_publishes_and_close_clears(client, workspace_root):
    uri = uri_of(workspace_root / "saved.segq")
    open_document(client, uri, "Foo = PROFILE(contact)")
    [diagnostic] = await wait_for_version(client, uri, 1)
    assert diagnostic.code == "S011"
    client.published.pop(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    [again] = await wait_for_version(client, uri, 1)
    assert again.code == "S011"
    close_document(client, uri)
    assert await wait_for_diagnostics(client, uri, lambda params: params.version is None) == []
