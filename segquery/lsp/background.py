"""One worker thread for work that would hold up the event loop.

Only pure work runs here: a function of a document's text and settings read
beforehand on the event loop (checking a large document, formatting, the
semantic tokens). The server's state is read and changed on the event loop
alone, so nothing here needs a lock. Jobs run one at a time in the order they
were submitted; a job not yet started can be cancelled. The thread is a daemon:
exiting the server never waits for a long job.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


class Background:
    def __init__(self, name: str = "segquery-background") -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[tuple[Future, Callable[[], object]]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Queue `work`; its future holds the result or the exception it raised."""
        future: Future[T] = Future()
        self._jobs.put((future, work))
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
            self._thread.start()
        return future

    async def run(self, work: Callable[[], T]) -> T:
        """`work`'s result, awaited on the event loop; cancelling the awaiting task
        drops the job if it has not started (and its result if it has)."""
        return await asyncio.wrap_future(self.submit(work))

    def _serve(self) -> None:
        while True:
            future, work = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = work()
            except BaseException as error:  # handed to whoever awaits the job
                future.set_exception(error)
            else:
                future.set_result(result)
