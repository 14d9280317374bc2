"""Inlay hints, reference and explanation code lenses through the server, and the large
document guard for both (documents above 300 characters are large here)."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsp_session import (
    CONFIG,
    at,
    close_document,
    doc,
    open_document,
    replace_all,
    span,
    start_session,
    uri_of,
    wait_for_refresh,
    wait_for_version,
    write_files,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

LARGE = 300
QUERY = ("PROFILE(contact, contact_1)\n    .TRAVERSE(contact_account_parentcustomerid, account_1)\n"
         "    .FILTER(account_1.industrycode == 16 && DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) > 3)")
TYPE, PARAMETER = types.InlayHintKind.Type, types.InlayHintKind.Parameter


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, workspace_root):
    write_files(workspace_root, {"b.segq": "PROFILE(contact)", "c.segq": "SEGMENT(b)"})
    lsp_client.initialize_result = await start_session(  # type: ignore[attr-defined]
        lsp_client, workspace_root, largeDocumentSize=LARGE)
    yield
    await lsp_client.shutdown_session()


async def hints(client, uri, lsp_range):
    found = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc(uri),
                                                                              range=lsp_range))
    return None if found is None else [
        (hint.position.line, hint.position.character, hint.label, hint.kind, hint.padding_left, hint.padding_right)
        for hint in found]


async def lenses(client, uri):
    return await client.text_document_code_lens_async(types.CodeLensParams(text_document=doc(uri)))


def location(uri, line, start, end):
    return {"uri": uri, "range": {"start": {"line": line, "character": start},
                                  "end": {"line": line, "character": end}}}


async def test_capabilities(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.inlay_hint_provider.resolve_provider is False
    assert capabilities.code_lens_provider.resolve_provider is False


async def test_inlay_hints_name_tables_options_and_parameters(client, workspace_root):
    uri = uri_of(workspace_root / "hints.segq")
    open_document(client, uri, QUERY)
    await wait_for_version(client, uri, 1)
    everything = types.Range(start=at(0, 0), end=at(3, 0))
    assert await hints(client, uri, everything) == [
        (1, 57, ": account", TYPE, None, None),
        (1, 58, "→ account", TYPE, True, None),
        (2, 40, "Financial", TYPE, True, None),
        (2, 53, "part:", PARAMETER, None, True),
        (2, 58, "start:", PARAMETER, None, True),
        (2, 69, "end:", PARAMETER, None, True),
    ]
    [option] = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=doc(uri), range=types.Range(start=at(2, 30), end=at(2, 45))))
    assert (option.label, option.tooltip) == ("Financial", "option 16 of `industrycode`")
    close_document(client, uri)


async def test_a_lens_counts_the_segments_that_reference_it_and_lists_them(client, workspace_root):
    a, b, c = (uri_of(workspace_root / name) for name in ("a.segq", "b.segq", "c.segq"))
    open_document(client, b, "PROFILE(contact)")
    open_document(client, a, "SEGMENT(b) UNION SEGMENT(c)")
    await wait_for_version(client, a, 1)
    [lens, _explained] = await lenses(client, b)
    assert span(lens.range) == (0, 0, 0, 0)
    assert (lens.command.title, lens.command.command) == ("2 references", "segquery.showReferences")
    assert list(lens.command.arguments) == [b, {"line": 0, "character": 0},
                                      [location(a, 0, 8, 9), location(c, 0, 8, 9)]]
    [own, _explained] = await lenses(client, a)
    assert (own.command.title, list(own.command.arguments[2])) == ("no references", [])
    close_document(client, a)
    close_document(client, b)


async def test_a_lens_explains_the_query_above_its_first_token(client, workspace_root):
    uri = uri_of(workspace_root / "explained.segq")
    open_document(client, uri, "// segquery: name = explained\n"
                               "PROFILE(contact).FILTER(statecode == 0) EXCEPT SEGMENT(b)")
    await wait_for_version(client, uri, 1)
    [references, explained] = await lenses(client, uri)
    assert references.command.title == "no references"
    assert span(explained.range) == (1, 0, 1, 7)
    assert (explained.command.title, explained.command.command) == (
        "Contacts whose statecode is Active, except those in segment `b`", "")
    replace_all(client, uri, "PROFILE(contact).FILTER(", 2)
    await wait_for_version(client, uri, 2)
    [references] = await lenses(client, uri)   # no explanation while the query does not parse
    assert references.command.title == "no references"
    close_document(client, uri)


async def test_lenses_follow_the_latest_edit_and_ask_for_a_refresh(client, workspace_root):
    uri = uri_of(workspace_root / "x.segq")
    open_document(client, uri, "PROFILE(contact)")
    await wait_for_version(client, uri, 1)
    client.refreshes.clear()
    # A burst: the second change's check is still due when the lenses are asked for.
    replace_all(client, uri, "SEGMENT(b)", 2)
    replace_all(client, uri, "// segquery: name = renamed\nSEGMENT(b)", 3)
    [lens, _explained] = await lenses(client, uri)
    assert (span(lens.range), lens.command.title) == ((0, 20, 0, 27), "no references")
    await wait_for_refresh(client, types.WORKSPACE_CODE_LENS_REFRESH)
    [b_lens] = await lenses(client, uri_of(workspace_root / "b.segq")) or [None]
    assert b_lens is None  # b.segq is not open: lenses are for open documents
    close_document(client, uri)


async def test_an_edit_that_keeps_names_and_references_asks_for_no_lens_refresh(client, workspace_root):
    uri = uri_of(workspace_root / "y.segq")
    open_document(client, uri, "PROFILE(contact).FILTER(statecode == 0)")
    await wait_for_version(client, uri, 1)
    await lenses(client, uri)  # answered after the refresh that the new segment `y` asks for
    client.refreshes.clear()
    replace_all(client, uri, "PROFILE(contact).FILTER(statecode == 1)", 2)  # what other lenses count is the same
    await wait_for_version(client, uri, 2)
    await lenses(client, uri)  # answered after anything the check of version 2 sent
    assert client.refreshes == []
    replace_all(client, uri, "SEGMENT(b)", 3)  # a new reference to b: b's lens counts it
    await wait_for_refresh(client, types.WORKSPACE_CODE_LENS_REFRESH)
    close_document(client, uri)


async def test_large_documents_get_neither(client, workspace_root):
    uri = uri_of(workspace_root / "large.segq")
    text = "PROFILE(contact).FILTER(" + " || ".join(["fullname == 'Ann'"] * 20) + ")"
    assert len(text) > LARGE
    open_document(client, uri, text)
    await wait_for_version(client, uri, 1)
    client.messages.clear()
    assert await hints(client, uri, types.Range(start=at(0, 0), end=at(1, 0))) is None
    assert await lenses(client, uri) is None
    assert [message.message for message in client.messages] == [
        f"segquery: textDocument/inlayHint is off for documents above 300 characters (this one has {len(text)}); "
        "its diagnostics are still checked",
        f"segquery: textDocument/codeLens is off for documents above 300 characters (this one has {len(text)}); "
        "its diagnostics are still checked",
    ]
    close_document(client, uri)
