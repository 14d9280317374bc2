"""The per-document scheduling of diagnostics."""

from __future__ import annotations

import asyncio

import pytest
from segquery.lsp.debounce import Debouncer

pytestmark = pytest.mark.asyncio

DELAY = 0.05


class Recorder:
    """A callback that records (key, loop time) and lets a test await the n-th run."""

    def __init__(self, failing: set[str] = frozenset()) -> None:
        self.runs: list[tuple[str, float]] = []
        self.failing = failing
        self.changed = asyncio.Event()

    def __call__(self, key: str) -> None:
        self.runs.append((key, asyncio.get_running_loop().time()))
        self.changed.set()
        if key in self.failing:
            raise RuntimeError("check failed")

    async def until(self, count: int) -> None:
        async with asyncio.timeout(5):
            while len(self.runs) < count:
                self.changed.clear()
                await self.changed.wait()


async def loop_turns(count: int) -> None:
    """Let the event loop turn `count` times: a callback due now runs in the first
    turn, after this task's own wake-up, so it has run after the second."""
    for _ in range(count):
        await asyncio.sleep(0)


async def test_changes_before_the_loop_turns_are_one_run():
    recorder = Recorder()
    debouncer = Debouncer(recorder, DELAY)
    for _ in range(3):
        debouncer.schedule("a")
    assert debouncer.is_pending("a")
    await recorder.until(1)
    assert [key for key, _ in recorder.runs] == ["a"]
    assert not debouncer.is_pending("a")


async def test_the_first_change_runs_at_once_and_later_ones_wait_for_the_delay():
    recorder = Recorder()
    debouncer = Debouncer(recorder, DELAY)
    debouncer.schedule("a")
    # Due at once: it has run once the loop has turned, however long the turn took on a busy machine.
    await loop_turns(2)
    assert [key for key, _ in recorder.runs] == ["a"]
    first = recorder.runs[0][1]
    debouncer.schedule("a")
    debouncer.schedule("a")
    await recorder.until(2)
    assert recorder.runs[1][1] - first >= DELAY
    assert len(recorder.runs) == 2


async def test_keys_are_independent():
    recorder = Recorder()
    debouncer = Debouncer(recorder, DELAY)
    debouncer.schedule("a")
    debouncer.schedule("b")
    await recorder.until(2)
    assert sorted(key for key, _ in recorder.runs) == ["a", "b"]


async def test_run_now_replaces_a_pending_run():
    recorder = Recorder()
    debouncer = Debouncer(recorder, DELAY)
    debouncer.schedule("a")
    debouncer.run_now("a")
    assert [key for key, _ in recorder.runs] == ["a"]
    assert not debouncer.is_pending("a")


async def test_forget_cancels_and_a_failing_run_does_not_stop_the_next():
    recorder = Recorder(failing={"bad"})
    debouncer = Debouncer(recorder, DELAY)
    debouncer.schedule("gone")
    debouncer.forget("gone")
    debouncer.schedule("bad")
    debouncer.schedule("good")
    await recorder.until(2)
    assert [key for key, _ in recorder.runs] == ["bad", "good"]
