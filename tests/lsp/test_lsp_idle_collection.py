"""Full garbage collections run once the server has been idle, not while messages arrive."""

from __future__ import annotations

import asyncio
import gc

from segquery.lsp.assembly import create_server
from segquery.lsp.idle_collection import SERVER_THRESHOLDS, IdleCollector, use_server_thresholds
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
