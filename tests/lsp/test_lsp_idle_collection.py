"""Full garbage collections run once the server has been idle, not while messages arrive; none runs
while a document is checked and its diagnostics published."""

from __future__ import annotations

import asyncio
import gc

import pytest
from lsprotocol import types

from segquery.lsp.assembly import create_server
from segquery.lsp.idle_collection import SERVER_THRESHOLDS, IdleCollector, collections_deferred, use_server_thresholds
from segquery.lsp.protocol import ANSWERED


class Collections:
    """A stand-in for gc.collect that a test can await."""

    def __init__(self) -> None:
        self.count = 0
        self.ran = asyncio.Event()

    def __call__(self) -> None:
        self.count += 1
        self.ran.set()


async def test_one_collection_after_the_last_of_several_messages():
    collections = Collections()
    collector = IdleCollector(delay=0.0, collect=collections)
    for _ in range(3):
        collector.activity()   # each one cancels the collection the one before scheduled
    async with asyncio.timeout(5):
        await collections.ran.wait()
    for _ in range(3):
        await asyncio.sleep(0)  # a collection left scheduled would have run by now
    assert collections.count == 1


async def test_a_message_after_a_collection_schedules_the_next():
    collections = Collections()
    collector = IdleCollector(delay=0.0, collect=collections)
    collector.activity()
    async with asyncio.timeout(5):
        await collections.ran.wait()
    collections.ran.clear()
    collector.activity()
    async with asyncio.timeout(5):
        await collections.ran.wait()
    assert collections.count == 2


async def test_nothing_runs_while_messages_keep_coming():
    collections = Collections()
    collector = IdleCollector(delay=3600.0, collect=collections)
    collector.activity()
    collector.activity()
    await asyncio.sleep(0)
    assert collections.count == 0
    assert collector._timer is not None and not collector._timer.cancelled()
    collector._timer.cancel()


def test_without_an_event_loop_nothing_is_scheduled():
    collector = IdleCollector(delay=0.0, collect=lambda: None)
    collector.activity()
    assert collector._timer is None


async def test_every_message_the_server_handles_pushes_the_collection_back():
    server = create_server()
    calls: list[str] = []
    server.idle_collector.activity = lambda: calls.append("activity")  # type: ignore[method-assign]
    server.protocol.handle_message(ANSWERED)   # a request already answered: nothing else is done
    assert calls == ["activity"]


def test_the_server_s_thresholds_delay_only_full_collections():
    previous = gc.get_threshold()
    try:
        use_server_thresholds()
        assert gc.get_threshold() == SERVER_THRESHOLDS
        assert SERVER_THRESHOLDS[:2] == (700, 10) and SERVER_THRESHOLDS[2] > 10
    finally:
        gc.set_threshold(*previous)


def test_collections_wait_inside_the_block_and_resume_after_it():
    assert gc.isenabled()
    with collections_deferred():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collections_deferred():
        raise RuntimeError("a check that fails")
    assert gc.isenabled()


def test_collections_turned_off_before_the_block_stay_off_after_it():
    gc.disable()
    try:
        with collections_deferred():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_document_is_checked_and_its_diagnostics_published_without_collections():
    server = create_server()
    seen: list[tuple[str, bool]] = []
    checked = server.project.check

    def check(text: str, path: str | None) -> list:
        seen.append(("check", gc.isenabled()))
        return checked(text, path)

    server.project.check = check  # type: ignore[method-assign]
    server.text_document_publish_diagnostics = (  # type: ignore[method-assign]
        lambda params: seen.append(("publish", gc.isenabled())))
    uri = "untitled:deferred.segq"
    server.documents.open(types.TextDocumentItem(uri=uri, language_id="segquery", version=1,
                                                 text="PROFILE(contact).FILTER(fullname == 'a')"))
    server.refresh(uri)
    assert seen == [("check", False), ("publish", False)]
    assert gc.isenabled()
