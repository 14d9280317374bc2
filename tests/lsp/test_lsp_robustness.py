"""The server under editing: every example typed and deleted keystroke by
keystroke, a 10,000-line document, positions outside the text, non-ASCII text.

A request that fails raises in the client (pygls turns an error response into
an exception), so each awaited request is also an assertion that the server
answered; the last step of each test checks that the server is still alive.
Every few keystrokes the replay asks for a completion at the cursor and for
one other feature, in turn, so each feature sees the incomplete texts too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_session import (
    at,
    close_document,
    doc,
    edit,
    open_document,
    uri_of,
    wait_for_version,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from segquery.lsp.requests import RequestFailed

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.segq"))
COMPLETION_EVERY = 4           # keystrokes between requests
CHARACTER_BUDGET = 8_000       # characters typed in the replay; beyond it, a fixed sample of the examples


def replayed_examples(paths: list[Path], budget: int = CHARACTER_BUDGET) -> list[Path]:
    """Every example while they fit the budget; otherwise every k-th one (the same ones on every run)."""
    total = sum(len(path.read_text(encoding="utf-8")) for path in paths)
    step = max(1, -(-total // budget))
    return paths[::step]


def end_of(text: str) -> tuple[int, int]:
    """The LSP position (UTF-16) of the end of `text`, computed independently of the server."""
    lines = text.split("\n")
    return len(lines) - 1, len(lines[-1].encode("utf-16-le")) // 2


async def complete_at(client, uri: str, position: tuple[int, int]) -> types.CompletionList | None:
    return await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at(*position)))


def _range(position: tuple[int, int]) -> types.Range:
    return types.Range(start=at(0, 0), end=at(*position))


FORMATTING = types.FormattingOptions(tab_size=4, insert_spaces=True)
# Each one asks for a feature at (or up to) the cursor.
OTHER_REQUESTS = (
    lambda c, u, p: c.text_document_hover_async(types.HoverParams(text_document=doc(u), position=at(*p))),
    lambda c, u, p: c.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=doc(u), position=at(*p))),
    lambda c, u, p: c.text_document_definition_async(types.DefinitionParams(text_document=doc(u), position=at(*p))),
    lambda c, u, p: c.text_document_references_async(types.ReferenceParams(
        text_document=doc(u), position=at(*p), context=types.ReferenceContext(include_declaration=True))),
    lambda c, u, p: c.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(u))),
    lambda c, u, p: c.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(u))),
    lambda c, u, p: c.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc(u))),
    lambda c, u, p: c.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(u), range=_range(p), context=types.CodeActionContext(diagnostics=[]))),
    lambda c, u, p: c.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(u), options=FORMATTING)),
    lambda c, u, p: c.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=doc(u), range=_range(p), options=FORMATTING)),
    lambda c, u, p: c.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=doc(u), position=at(*p))),
)


async def other_request(client, uri: str, position: tuple[int, int], turn: int) -> None:
    """One of OTHER_REQUESTS; an answer the user should read (RequestFailed) is an answer too."""
    try:
        await OTHER_REQUESTS[turn % len(OTHER_REQUESTS)](client, uri, position)
    except JsonRpcException as error:
        if error.code != RequestFailed.CODE:
            raise


def assert_no_server_errors(client) -> None:
    errors = [message.message for message in client.messages + client.log_messages
              if message.type == types.MessageType.Error]
    assert errors == []


async def replay(client, uri: str, text: str) -> int:
    """Type `text` into an empty document, then delete it from the end; returns the last version."""
    open_document(client, uri, "")
    version = 1
    typed = ""
    for count, char in enumerate(text, start=1):
        line, character = end_of(typed)
        version += 1
        edit(client, uri, version, (line, character), (line, character), char)
        typed += char
        if count % COMPLETION_EVERY == 0:
            await complete_at(client, uri, end_of(typed))
            await other_request(client, uri, end_of(typed), count // COMPLETION_EVERY)
    for count in range(len(typed)):
        start, end = end_of(typed[:-1]), end_of(typed)
        version += 1
        edit(client, uri, version, start, end, "")
        typed = typed[:-1]
        if count % COMPLETION_EVERY == 0:
            await complete_at(client, uri, end_of(typed))
            await other_request(client, uri, end_of(typed), count // COMPLETION_EVERY + 5)
    return version


async def test_examples_exist():
    assert len(EXAMPLES) >= 20


async def test_typing_and_deleting_every_example(client, workspace_root):
    for number, path in enumerate(replayed_examples(EXAMPLES)):
        uri = uri_of(workspace_root / f"typed_{number}.segq")
        text = path.read_text(encoding="utf-8")
        last = await replay(client, uri, text)
        # The server publishes for the final (empty) text and is still answering.
        diagnostics = await wait_for_version(client, uri, last)
        assert [(item.code, item.message) for item in diagnostics] == [
            ("S008", "no query here: the text is empty or holds only comments")]
        close_document(client, uri)
    assert_no_server_errors(client)


async def test_typing_non_ascii_text(client, workspace_root):
    uri = uri_of(workspace_root / "non_ascii.segq")
    text = ("// Ünïcödé comment 😀 and 𝒳\n"
            "PROFILE(contact, c).FILTER(c.fullname == 'Zoë 😀' && c.address1_city CONTAINS '東京')\n")
    last = await replay(client, uri, text)
    await wait_for_version(client, uri, last)
    close_document(client, uri)
    # Open it whole: it is a valid query.
    open_document(client, uri, text)
    assert await wait_for_version(client, uri, 1) == []
    # Completion after the astral-plane characters: `c.` added before the closing `)`.
    _, character = end_of(text.split("\n")[1])
    assert character == 83  # 82 code points, one of them an emoji (two UTF-16 units)
    edit(client, uri, 2, (1, character - 1), (1, character - 1), " && c.")
    result = await complete_at(client, uri, (1, character + 5))
    assert result is not None and "fullname" in {item.label for item in result.items}
    close_document(client, uri)
    assert_no_server_errors(client)


async def test_positions_beyond_the_end_of_the_document(client, workspace_root):
    uri = uri_of(workspace_root / "beyond.segq")
    open_document(client, uri, "PROFILE(contact)")
    await wait_for_version(client, uri, 1)
    far = (10_000, 10_000)
    # Both positions clamp to the end of the text, after `)`: what can follow a complete query.
    for position in (far, (0, 500)):
        result = await complete_at(client, uri, position)
        assert [item.label for item in result.items] == ["EXCEPT", "INTERSECT", "UNION"]
    # An edit whose range lies past the end appends at the end.
    edit(client, uri, 2, far, far, ".FILTER(")
    [diagnostic] = await wait_for_version(client, uri, 2)
    assert diagnostic.code == "S007"
    close_document(client, uri)
    assert_no_server_errors(client)


def designer_layout(line_count: int) -> str:
    """A query of exactly `line_count` lines as the segment designer lays one out:
    one `.FILTER(` group after another, each a few conditions joined by `||`."""
    lines = ["PROFILE(contact, c)"]
    group = 0
    while len(lines) < line_count:
        size = min(18, line_count - len(lines) - 2)
        lines.append("    .FILTER(")
        lines += [f"        c.address1_city == 'City {group}-{number}'" + (" ||" if number < size - 1 else "")
                  for number in range(size)]
        lines.append("    )")
        group += 1
    return "\n".join(lines)


async def test_a_document_of_ten_thousand_lines(client, workspace_root):
    uri = uri_of(workspace_root / "huge.segq")
    text = designer_layout(10_000)
    assert text.count("\n") + 1 == 10_000
    open_document(client, uri, text)
    assert await wait_for_version(client, uri, 1) == []
    # Break a condition in the middle (`c.` -> `.`), then mend it.
    line = 5_002
    assert text.split("\n")[line].startswith("        c.address1_city")
    edit(client, uri, 2, (line, 8), (line, 9), "")
    [diagnostic] = await wait_for_version(client, uri, 2)
    assert (diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character) == ("S004", line, 8)
    edit(client, uri, 3, (line, 8), (line, 8), "c")
    assert await wait_for_version(client, uri, 3) == []
    result = await complete_at(client, uri, (line, 10))
    assert result is not None and "address1_city" in {item.label for item in result.items}
    close_document(client, uri)
    assert_no_server_errors(client)
