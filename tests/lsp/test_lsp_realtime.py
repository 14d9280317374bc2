"""A real-time journeys document through the real server: the dialect comes
from the file's directive; diagnostics, completion after `RELATE(`, hover,
rename of a RELATE alias, outline and formatting."""

from __future__ import annotations

import pytest
from lsp_session import at, close_document, doc, open_document, span, uri_of, wait_for_version
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

DIRECTIVE = "// segquery: dialect = realtime\n"
QUERY = "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'x' && a.name CONTAINS 'y')"


async def test_diagnostics_are_those_of_the_real_time_dialect(client, workspace_root):
    uri = uri_of(workspace_root / "quotes.segq")
    open_document(client, uri, DIRECTIVE + 'PROFILE(contact).FILTER(fullname == "Ann")\n')
    diagnostics = await wait_for_version(client, uri, 1)
    syntax = [(item.code, span(item.range), item.message) for item in diagnostics if str(item.code).startswith("S")]
    assert syntax == [("S035", (1, 36, 1, 41), "real-time journeys rejects double-quoted strings: use single quotes")]
    close_document(client, uri)


async def test_the_same_text_without_the_directive_is_outbound(client, workspace_root):
    uri = uri_of(workspace_root / "outbound.segq")
    open_document(client, uri, QUERY + "\n")
    diagnostics = await wait_for_version(client, uri, 1)
    assert [(item.code, span(item.range)) for item in diagnostics if item.code == "S031"] == [
        ("S031", (0, 17, 0, 23))]
    close_document(client, uri)


async def test_completion_after_relate_lists_relationship_schema_names(client, workspace_root):
    uri = uri_of(workspace_root / "relate.segq")
    open_document(client, uri, DIRECTIVE + "PROFILE(contact).RELATE(")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at(1, 24),
        context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.TriggerCharacter,
                                        trigger_character="(")))
    by_label = {item.label: item for item in result.items}
    item = by_label["contact_customer_accounts"]
    assert (item.kind, item.detail, item.text_edit.new_text, span(item.text_edit.range)) == (
        types.CompletionItemKind.Reference, "contact → account", "contact_customer_accounts", (1, 24, 1, 24))
    assert "contact_account_parentcustomerid" not in by_label  # the outbound TRAVERSE name
    close_document(client, uri)


async def test_hover_on_a_relationship_and_on_an_alias(client, workspace_root):
    uri = uri_of(workspace_root / "hover_relate.segq")
    open_document(client, uri, DIRECTIVE + QUERY)
    await wait_for_version(client, uri, 1)
    result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(1, 30)))
    assert result.contents.value == (
        "**contact_customer_accounts** (relationship, `contact` → `account`)\n\n"
        "Lookup: `contact.parentcustomerid` → `account`\n\n"
        "Outbound TRAVERSE name: `contact_account_parentcustomerid`")
    assert span(result.range) == (1, 24, 1, 49)
    alias = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(1, 61)))
    assert alias.contents.value == "**a** (alias, declared on line 2)\n\nNames the records of `account`."
    source = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(1, 2)))
    assert source.contents.value == (
        "```text\nContacts\n  with a related account `a` (through `contact_customer_accounts`)\n"
        "  whose a.name is 'x' and a.name contains 'y'\n```\n\n---\n\n"
        "```segquery\nPROFILE(table)\n```\n\nAll records of a profile type: `contact` or `lead`.\n\n"
        "This file is read in the real-time journeys dialect (the file's dialect directive).")
    close_document(client, uri)


async def test_rename_of_a_relate_alias(client, workspace_root):
    uri = uri_of(workspace_root / "rename_relate.segq")
    open_document(client, uri, DIRECTIVE + QUERY)
    await wait_for_version(client, uri, 1)
    result = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=at(1, 51), new_name="account_1"))
    [change] = result.document_changes
    assert [(span(edit.range), edit.new_text) for edit in change.edits] == [
        ((1, 51, 1, 52), "account_1"), ((1, 61, 1, 62), "account_1"), ((1, 78, 1, 79), "account_1")]
    close_document(client, uri)


async def test_outline_and_formatting_read_the_document_in_its_dialect(client, workspace_root):
    uri = uri_of(workspace_root / "format_relate.segq")
    open_document(client, uri, DIRECTIVE + "PROFILE(contact).RELATE(contact_customer_accounts,a).FILTER(a.name=='x')")
    await wait_for_version(client, uri, 1)
    [query] = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    [chain] = query.children
    assert [child.name for child in chain.children] == ["PROFILE(contact)", "RELATE(contact_customer_accounts)",
                                                        "FILTER"]
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert [(span(edit.range), edit.new_text) for edit in edits] == [
        ((1, 50, 1, 50), " "), ((1, 66, 1, 66), " "), ((1, 68, 1, 68), " "), ((1, 72, 1, 72), "\n")]
    close_document(client, uri)
