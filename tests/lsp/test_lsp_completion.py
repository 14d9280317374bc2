"""Completion, hover and signature help through the server."""

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

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_completion_is_advertised_with_its_trigger_characters(client):
    options = client.initialize_result.capabilities.completion_provider
    assert list(options.trigger_characters) == [".", "(", ",", " "]


async def test_completion_of_steps_after_a_dot(client, workspace_root):
    uri = uri_of(workspace_root / "steps.segq")
    open_document(client, uri, "PROFILE(contact).FI")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at(0, 19),
        context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked)))
    by_label = {item.label: item for item in result.items}
    item = by_label["FILTER"]
    assert item.kind == types.CompletionItemKind.Function
    assert item.detail == "FILTER(condition)"
    assert item.insert_text_format == types.InsertTextFormat.Snippet
    assert item.text_edit.new_text == "FILTER($1)$0"
    assert span(item.text_edit.range) == (0, 17, 0, 19)  # replaces the word being typed
    # VS Code resolves documentation lazily: the item carries what identifies the request.
    assert item.documentation is None
    assert item.data == {"uri": uri, "offset": 19}
    resolved = await client.completion_item_resolve_async(item)
    assert resolved.documentation.value == "Keep the current records that satisfy the condition."
    close_document(client, uri)


async def test_hover_describes_the_attribute_under_the_cursor(client, workspace_root):
    uri = uri_of(workspace_root / "hover.segq")
    open_document(client, uri, "PROFILE(contact).FILTER(fullname == 'Zoë')")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(0, 26)))
    assert result.contents.kind == types.MarkupKind.Markdown
    assert result.contents.value == "**fullname** (string) of `contact`"
    assert span(result.range) == (0, 24, 0, 32)
    nothing = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(0, 39)))
    assert nothing is None
    close_document(client, uri)


async def test_hover_on_the_first_token_explains_the_query(client, workspace_root):
    uri = uri_of(workspace_root / "explain.segq")
    open_document(client, uri, "// engaged\n(SEGMENT(a) UNION SEGMENT(b))\n  .TAKE(10)")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=at(1, 0)))
    assert result.contents.value == ("```text\nMembers of segment `a`\ntogether with those in segment `b`\n"
                                     "  keeping the first 10\n```")
    assert span(result.range) == (1, 0, 1, 1)
    close_document(client, uri)


async def test_signature_help_marks_the_active_parameter(client, workspace_root):
    uri = uri_of(workspace_root / "signature.segq")
    text = "PROFILE(contact).FILTER(DATEDIFF(day, "
    open_document(client, uri, text)
    await wait_for_version(client, uri, 1)
    options = client.initialize_result.capabilities.signature_help_provider
    assert list(options.trigger_characters) == ["(", ","]
    result = await client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=doc(uri), position=at(0, len(text))))
    [signature] = result.signatures
    assert signature.label == "DATEDIFF(part, start, end)"
    assert [parameter.label for parameter in signature.parameters] == [(9, 13), (15, 20), (22, 25)]
    assert signature.parameters[0].documentation.value == "YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND."
    assert result.active_parameter == 1
    close_document(client, uri)
