"""The language server with a stopwatch on each stage of a didChange, for `lsp_latency.py --server-timing`.

    python -P benchmarks/lsp_server_timing.py OUT.json     # a server over stdio, as `python -m segquery.lsp`

Wraps the server's own steps between reading a didChange and writing its
publishDiagnostics (applying the change, the workspace update, the check,
converting the findings to LSP, writing the notification, the refresh
requests) and the garbage collector's pauses, and writes at exit, for each
stage, the document, the number of didChange notifications received so far
and the wall-clock and CPU milliseconds, one entry per call (the collector's
CPU time is not measured apart: it is part of the stage it interrupts). The
client's latency minus the server's stages is time outside the server's
code: reading and parsing the message, the event loop, the pipe.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from segquery.lsp import notifications
from segquery.lsp.project import Project
from segquery.lsp.server import SegqueryLanguageServer

# stage -> (document, number of didChange notifications so far, wall ms, cpu ms)
TIMES: dict[str, list[tuple[str, int, float, float]]] = defaultdict(list)
_current: dict[str, Any] = {"document": "", "changes": 0}


def timed(owner: Any, name: str, stage: str, document: Callable[..., str] | None = None) -> None:
    """Replace `owner.name` with the same function that records its duration under `stage`."""
    original = getattr(owner, name)

    @functools.wraps(original)   # pygls reads the handler's signature
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if document is not None:
            _current["document"] = document(*args, **kwargs)
            _current["changes"] += stage == "applying the change"
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            TIMES[stage].append((_current["document"], _current["changes"], (time.perf_counter() - wall) * 1000,
                                 (time.process_time() - cpu) * 1000))

    setattr(owner, name, wrapper)


def _document_of_change(_server: Any, params: Any) -> str:
    return params.text_document.uri.rsplit("/", 1)[-1]


_gc_started: list[float] = []


def _collector(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started.append(time.perf_counter())
    elif _gc_started:
        TIMES[f"garbage collection (generation {info['generation']})"].append(
            (_current["document"], _current["changes"], (time.perf_counter() - _gc_started.pop()) * 1000, 0.0))


def install() -> None:
    """The stopwatches, before the server registers its handlers (it reads them from `notifications` then)."""
    timed(notifications, "on_did_open", "opening", _document_of_change)
    timed(notifications, "on_did_change", "applying the change", _document_of_change)
    timed(SegqueryLanguageServer, "refresh", "refresh (everything below)")
    timed(Project, "update", "workspace update")
    timed(Project, "names_and_references", "names and references (lenses)")
    timed(Project, "check", "check")
    timed(SegqueryLanguageServer, "lsp_diagnostic", "conversion to LSP")
    timed(SegqueryLanguageServer, "text_document_publish_diagnostics", "writing publishDiagnostics")
    timed(SegqueryLanguageServer, "request_refresh", "refresh requests")
    gc.callbacks.append(_collector)


def main() -> None:
    out = sys.argv.pop(1)
    install()
    from segquery.lsp.assembly import create_server
    from segquery.lsp.idle_collection import use_server_thresholds

    server = create_server()
    use_server_thresholds()  # as `segquery.lsp.main.serve` does
    try:
        server.start_io()
    finally:
        with open(out, "w", encoding="utf-8") as file:
            json.dump(TIMES, file)


if __name__ == "__main__":
    main()
