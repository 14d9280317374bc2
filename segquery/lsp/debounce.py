"""Per-document scheduling of diagnostics.

The first change after a quiet period is checked on the next turn of the
event loop, so a single edit shows its diagnostics at once. Changes that
arrive within `delay` seconds of the previous check are coalesced into one
check at the end of the delay; that check reads the latest version, so the
latest version wins and a burst of keystrokes costs one check per `delay`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

DEFAULT_DELAY = 0.150


Key = TypeVar("Key", bound=Hashable)


class Debouncer(Generic[Key]):
    def __init__(self, callback: Callable[[Key], None], delay: float = DEFAULT_DELAY) -> None:
        self.callback = callback
        self.delay = delay
        self._pending: dict[Key, asyncio.TimerHandle] = {}
        self._last_run: dict[Key, float] = {}

    def schedule(self, key: Key) -> None:
        """Make sure a run for `key` is due; a run already due will see the latest state."""
        if key in self._pending:
            return
        loop = asyncio.get_running_loop()
        due = max(loop.time(), self._last_run.get(key, float("-inf")) + self.delay)
        self._pending[key] = loop.call_at(due, self._run, key)

    def run_now(self, key: Key) -> None:
        """Run at once (on save), replacing any pending run."""
        self.cancel(key)
        self._run(key)

    def cancel(self, key: Key) -> None:
        handle = self._pending.pop(key, None)
        if handle is not None:
            handle.cancel()

    def forget(self, key: Key) -> None:
        self.cancel(key)
        self._last_run.pop(key, None)

    def is_pending(self, key: Key) -> bool:
        return key in self._pending

    def _run(self, key: Key) -> None:
        self._pending.pop(key, None)
        try:
            self.callback(key)
        except Exception:  # a failing check must not stop the server
            logger.exception("checking %s failed", key)
        finally:
            self._last_run[key] = asyncio.get_running_loop().time()
