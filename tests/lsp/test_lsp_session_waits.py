"""The test client's wait for diagnostics cannot miss a publication: one that
arrives between the look at what was received and the start of the wait still
ends the wait (a load-dependent hang otherwise, when the server answers fast)."""

from __future__ import annotations

import asyncio

import pytest
from lsp_session import make_client, wait_for_version
from lsprotocol import types

URI = "file:///workspace/a.segq"
S007 = types.Diagnostic(range=types.Range(start=types.Position(line=0, character=7),
                                          end=types.Position(line=0, character=8)),
                        message="unclosed `(`", code="S007")


def deliver(client, version: int) -> None:
    """The server's publication, handled as the client's reader handles it."""
    client.protocol._handle_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, types.PublishDiagnosticsParams(
        uri=URI, version=version, diagnostics=[S007]))


@pytest.mark.asyncio
async def test_a_publication_right_after_the_look_ends_the_wait():
    client = make_client()
    waiter = asyncio.create_task(wait_for_version(client, URI, 1))
    await asyncio.sleep(0)  # one turn: the waiter has looked and found nothing
    deliver(client, 1)
    async with asyncio.timeout(5):
        assert await waiter == [S007]


@pytest.mark.asyncio
async def test_an_older_version_does_not_end_the_wait():
    client = make_client()
    waiter = asyncio.create_task(wait_for_version(client, URI, 2))
    await asyncio.sleep(0)
    deliver(client, 1)
    await asyncio.sleep(0)
    assert not waiter.done()
    deliver(client, 2)
    async with asyncio.timeout(5):
        assert await waiter == [S007]
    assert client.publish_count[URI] == 2
