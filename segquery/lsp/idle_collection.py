"""Full garbage collections while the user is not typing.

A full collection traverses every object the server holds: with a 2,000-line
document's trees, the findings kept per unit and the workspace, about 70 ms,
which the keystroke that happened to trigger it waits for. The server's work
makes almost no reference cycles (trees and findings are freed by reference
counting as soon as a newer version replaces them), so full collections can
wait: the server raises their threshold and runs one itself once no message
has arrived for `IDLE_SECONDS`. Young and middle collections stay as the
interpreter has them; the raised threshold is a backstop for a server that is
never idle.

Young and middle collections wait too while a document is checked and its
diagnostics published (`collections_deferred`): a check allocates tens of
thousands of objects (after a keystroke in a condition of 2,000 operands, the
operands after it are made again), which would set off about twenty young
collections and two middle ones, 3-4 ms of the keystroke's latency. Those
that die within the check are freed without any collection; the collections
that the others call for run at the first allocation after the diagnostics
are written.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

IDLE_SECONDS = 1.0
# (young, middle, old): the interpreter's own young and middle thresholds; a full
# collection after 1,000 middle ones instead of 10 (about 7,000,000 net allocations).
SERVER_THRESHOLDS = (700, 10, 1_000)


def use_server_thresholds() -> None:
    """For the server's process: full collections only when idle, or after the backstop."""
    gc.set_threshold(*SERVER_THRESHOLDS)


@contextmanager
def collections_deferred() -> Iterator[None]:
    """No automatic collection inside the block (when they were on, they are on again after it)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class IdleCollector:
    """Runs `collect` once `delay` seconds have passed without `activity`."""

    def __init__(self, delay: float = IDLE_SECONDS, collect: Callable[[], object] = gc.collect) -> None:
        self.delay = delay
        self._collect = collect
        self._timer: asyncio.TimerHandle | None = None

    def activity(self) -> None:
        """A message arrived: the next collection waits for another `delay` of quiet."""
        if self._timer is not None:
            self._timer.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a handler called directly): nothing to schedule
            self._timer = None
            return
        self._timer = loop.call_later(self.delay, self._run)

    def _run(self) -> None:
        self._timer = None
        self._collect()
