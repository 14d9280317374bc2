"""Structure and edits through the server: symbols, folding, semantic tokens,
formatting, code actions; and the capabilities the server announces."""

from __future__ import annotations

import pytest
from lsp_session import (
    at,
    close_document,
    doc,
    open_document,
    span,
    uri_of,
    wait_for_version,
)
from lsprotocol import types

from segquery.ide.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Line 4 holds an emoji (one code point, two UTF-16 units) before other tokens.
STRUCTURED = ("/* Designer\n   export */\nPROFILE(contact, c)\n    .FILTER(\n"
              "        c.fullname == '\U0001F600' && c.address1_city == 'Seattle'\n    )\n")
STYLE = 'profile(contact).filter(fullname == "Ann")\n'
UNFORMATTED = "PROFILE(contact)  .FILTER( fullname=='Ann' ||  fullname=='Bob' )"


async def test_capabilities(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    sync = capabilities.text_document_sync
    assert (sync.open_close, sync.change, sync.save.include_text) == (
        True, types.TextDocumentSyncKind.Incremental, False)
    assert capabilities.hover_provider is True
    assert capabilities.definition_provider is True
    assert capabilities.references_provider is True
    assert capabilities.rename_provider.prepare_provider is True
    assert capabilities.document_symbol_provider is True
    assert capabilities.folding_range_provider is True
    assert capabilities.document_formatting_provider is True
    assert capabilities.document_range_formatting_provider is True
    assert capabilities.completion_provider.resolve_provider is True
    assert list(capabilities.code_action_provider.code_action_kinds) == [
        "quickfix", "source.fixAll.segquery", "refactor.rewrite.realtime"]
    legend = capabilities.semantic_tokens_provider.legend
    assert (list(legend.token_types), list(legend.token_modifiers)) == (list(TOKEN_TYPES), list(TOKEN_MODIFIERS))
    assert capabilities.semantic_tokens_provider.full is True
    assert client.initialize_result.server_info.name == "segquery"


async def test_document_symbols(client, workspace_root):
    uri = uri_of(workspace_root / "symbols.segq")
    open_document(client, uri, STRUCTURED)
    await wait_for_version(client, uri, 1)
    [query] = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    assert (query.name, query.kind, span(query.range), span(query.selection_range)) == (
        "dynamic query", types.SymbolKind.File, (2, 0, 5, 5), (2, 0, 2, 7))
    [chain] = query.children
    assert (chain.name, chain.kind, chain.detail) == ("PROFILE(contact)", types.SymbolKind.Namespace, "1 step")
    source, step = chain.children
    assert (source.kind, span(source.range)) == (types.SymbolKind.Class, (2, 0, 2, 19))
    [alias] = source.children
    assert (alias.name, alias.kind, alias.detail, span(alias.range)) == (
        "c", types.SymbolKind.Variable, "alias of contact", (2, 17, 2, 18))
    assert (step.name, step.kind, span(step.range), step.children) == (
        "FILTER", types.SymbolKind.Method, (3, 5, 5, 5), None)
    close_document(client, uri)


async def test_folding_ranges(client, workspace_root):
    uri = uri_of(workspace_root / "folding.segq")
    open_document(client, uri, STRUCTURED)
    await wait_for_version(client, uri, 1)
    ranges = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(uri)))
    assert sorted((item.start_line, item.end_line, item.kind) for item in ranges) == [
        (0, 1, types.FoldingRangeKind.Comment),
        (2, 5, types.FoldingRangeKind.Region),
        (3, 4, types.FoldingRangeKind.Region),
    ]
    close_document(client, uri)


async def test_semantic_tokens_are_relative_and_utf16(client, workspace_root):
    uri = uri_of(workspace_root / "tokens.segq")
    open_document(client, uri, STRUCTURED)
    await wait_for_version(client, uri, 1)
    result = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(
        text_document=doc(uri)))
    kind = {name: number for number, name in enumerate(TOKEN_TYPES)}
    declaration = 1 << TOKEN_MODIFIERS.index("declaration")
    rows = [tuple(result.data[index:index + 5]) for index in range(0, len(result.data), 5)]
    assert rows == [
        (0, 0, 11, kind["comment"], 0),
        (1, 0, 12, kind["comment"], 0),
        (1, 0, 7, kind["step"], 0),                  # PROFILE
        (0, 8, 7, kind["table"], 0),                 # contact
        (0, 9, 1, kind["alias"], declaration),       # c
        (1, 5, 6, kind["step"], 0),                  # FILTER
        (1, 8, 1, kind["alias"], 0),                 # c
        (0, 2, 8, kind["attribute"], 0),             # fullname
        (0, 9, 2, kind["operator"], 0),              # ==
        (0, 3, 4, kind["string"], 0),                # the emoji string: 3 code points, 4 UTF-16 units
        (0, 5, 2, kind["operator"], 0),              # &&
        (0, 3, 1, kind["alias"], 0),                 # c
        (0, 2, 13, kind["attribute"], 0),            # address1_city
        (0, 14, 2, kind["operator"], 0),             # ==
        (0, 3, 9, kind["string"], 0),                # 'Seattle'
    ]
    close_document(client, uri)


def edits_of(result) -> list[tuple[tuple[int, int, int, int], str]]:
    return [(span(item.range), item.new_text) for item in result]


async def test_formatting_the_document_and_a_range(client, workspace_root):
    uri = uri_of(workspace_root / "format.segq")
    open_document(client, uri, UNFORMATTED)
    await wait_for_version(client, uri, 1)
    options = types.FormattingOptions(tab_size=4, insert_spaces=True)
    result = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(uri), options=options))
    assert edits_of(result) == [((0, 16, 0, 18), ""), ((0, 26, 0, 27), ""), ((0, 35, 0, 35), " "),
                                ((0, 37, 0, 37), " "), ((0, 46, 0, 47), ""), ((0, 55, 0, 55), " "),
                                ((0, 57, 0, 57), " "), ((0, 62, 0, 63), ""), ((0, 64, 0, 64), "\n")]
    # A range in the second condition formats that operand of `||` (with the `||` before it) only.
    result = await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=doc(uri), range=types.Range(start=at(0, 58), end=at(0, 58)), options=options))
    assert edits_of(result) == [((0, 46, 0, 47), ""), ((0, 55, 0, 55), " "), ((0, 57, 0, 57), " ")]
    close_document(client, uri)


async def test_formatting_a_query_with_syntax_errors_changes_nothing(client, workspace_root):
    uri = uri_of(workspace_root / "broken_format.segq")
    open_document(client, uri, "PROFILE(contact).FILTER(")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert result is None
    close_document(client, uri)


def document_edits(action: types.CodeAction, uri: str) -> list[tuple[tuple[int, int, int, int], str]]:
    [change] = action.edit.document_changes
    assert change.text_document.uri == uri
    return edits_of(change.edits)


async def test_quick_fixes_and_fix_all(client, workspace_root):
    uri = uri_of(workspace_root / "style.segq")
    open_document(client, uri, STYLE)
    published = await wait_for_version(client, uri, 1)
    assert [item.code for item in published] == ["L001", "L001", "L002"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=at(0, 1), end=at(0, 1)),
        context=types.CodeActionContext(diagnostics=published[:1])))
    quick, fix_all, translate = actions
    assert (quick.title, quick.kind, quick.is_preferred) == ("Write `PROFILE` [L001]", "quickfix", True)
    assert document_edits(quick, uri) == [((0, 0, 0, 7), "PROFILE")]
    assert [(item.code, span(item.range)) for item in quick.diagnostics] == [("L001", (0, 0, 0, 7))]
    assert (fix_all.title, fix_all.kind) == ("Fix all safe problems", "source.fixAll.segquery")
    assert document_edits(fix_all, uri) == [((0, 0, 0, 7), "PROFILE"), ((0, 17, 0, 23), "FILTER"),
                                            ((0, 36, 0, 41), "'Ann'")]
    assert (translate.title, translate.kind) == ("Translate to real-time journeys", "refactor.rewrite.realtime")
    assert document_edits(translate, uri) == [
        ((0, 0, 0, 41), "// segquery: dialect = realtime\nPROFILE(contact).FILTER(fullname == 'Ann'")]
    # Asked for the fix-all kind alone (as on save): fixed until nothing is left, as one edit.
    [on_save] = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=at(0, 0), end=at(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    assert on_save.kind == "source.fixAll.segquery"
    assert document_edits(on_save, uri) == [((0, 0, 0, 41), "PROFILE(contact).FILTER(fullname == 'Ann'")]
    # Only quick fixes: no fix-all.
    only_quick = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=at(0, 18), end=at(0, 18)),
        context=types.CodeActionContext(diagnostics=[], only=["quickfix"])))
    assert [action.title for action in only_quick] == ["Write `FILTER` [L001]"]
    close_document(client, uri)


async def test_hover_on_a_migration_finding(client, workspace_root):
    uri = uri_of(workspace_root / "migrate.segq")
    open_document(client, uri, "PROFILE(contact, c).FILTER(c.fullname == 'Ann')\n")
    await wait_for_version(client, uri, 1)
    found = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(0, 17)))
    assert found.contents.value.endswith(
        "---\n\n**M001** real-time journeys, translated: alias `c` dropped (real-time journeys writes the "
        "profile's attributes unqualified)")
    close_document(client, uri)
