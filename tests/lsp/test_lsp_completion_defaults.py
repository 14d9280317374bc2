"""Completion for a client that takes item defaults (neovim 0.11): the range
every item replaces is sent once, and documentation comes with the items."""

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


@pytest.fixture(scope="module")
def editor() -> str:
    return "neovim@v0.11.0"


async def test_items_share_the_default_edit_range(client, workspace_root):
    uri = uri_of(workspace_root / "defaults.segq")
    open_document(client, uri, "PROFILE(contact, c).FILTER(c.full")
    await wait_for_version(client, uri, 1)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at(0, 33)))
    assert span(result.item_defaults.edit_range) == (0, 29, 0, 33)
    item = next(item for item in result.items if item.label == "fullname")
    assert item.kind == types.CompletionItemKind.Field
    assert item.text_edit is None and item.text_edit_text is None  # the label is the text
    assert item.documentation.kind == types.MarkupKind.Markdown
    assert item.documentation.value == "**fullname** (string) of `contact`"
    assert item.detail == "string, contact"
    assert item.data is None
    close_document(client, uri)


async def test_positions_are_in_the_utf8_units_neovim_prefers(client, workspace_root):
    assert client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = uri_of(workspace_root / "utf8.segq")
    # `é` is 2 bytes and the emoji 4: `DateTimeNowUtc` starts at code point 56, byte 60.
    text = "PROFILE(contact).FILTER(fullname == 'é\U0001F600' && birthdate < DateTimeNowUtc())"
    open_document(client, uri, text)
    [diagnostic] = await wait_for_version(client, uri, 1)
    assert (diagnostic.code, span(diagnostic.range)) == ("S014", (0, 60, 0, 74))
    close_document(client, uri)
