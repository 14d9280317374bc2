"""The diagnostics last computed for each open document, for clients that pull them.

Each report has a result id that changes only when the diagnostics do, so a
client that sends the id it holds gets `unchanged` for a document whose
findings are the same. A request for a report that is being computed (a
large document checked on the background thread) waits for it.
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass

from lsprotocol import types


@dataclass(frozen=True, slots=True)
class Report:
    result_id: str
    version: int | None
    diagnostics: list[types.Diagnostic]


class Reports:
    def __init__(self) -> None:
        self._reports: dict[str, Report] = {}
        self._answered: dict[str, int | None] = {}   # the version of the last report a client pulled
        self._waiters: dict[str, list[asyncio.Future[None]]] = {}
        self._ids = itertools.count(1)

    def get(self, uri: str) -> Report | None:
        return self._reports.get(uri)

    def store(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> bool:
        """Keep a document's latest diagnostics; True when they changed for a version
        the client has already pulled (it cannot know without being told)."""
        current = self._reports.get(uri)
        changed = current is None or current.diagnostics != diagnostics
        result_id = current.result_id if current is not None and not changed else str(next(self._ids))
        self._reports[uri] = Report(result_id, version, diagnostics)
        self._wake(uri)
        return changed and uri in self._answered and self._answered[uri] == version

    def answered(self, report: Report, uri: str) -> None:
        self._answered[uri] = report.version

    def forget(self, uri: str) -> None:
        self._reports.pop(uri, None)
        self._answered.pop(uri, None)
        self._wake(uri)

    async def next_change(self, uri: str) -> None:
        """Until the document's report is stored again or forgotten."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(uri, []).append(waiter)
        await waiter

    def _wake(self, uri: str) -> None:
        for waiter in self._waiters.pop(uri, []):
            if not waiter.done():
                waiter.set_result(None)
