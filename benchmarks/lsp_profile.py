"""Where the language server's time goes between a didChange and its publishDiagnostics.

    python benchmarks/lsp_profile.py [--rounds N] [--shape designer|chain] [--lines N] [--top N]
                                     [--edits conditions|strings] [--cpu]

Runs the server's own didChange handler and its check in this process (no
client, no debounce), on the same document and the same edits as
`lsp_latency.py`, under cProfile. Prints, for the edits leaving a syntax
error and those leaving a valid query apart, the share of each stage
(parse, directives, validation, lint, the workspace, the rest: the server's
own work and publishing) and the rules that cost the most. The edits that
mend a condition bring back the text before the previous edit, whose parse
the parser still holds (its cache of recent results): they show no parse.
With `--edits strings`, every edit leaves a valid query never seen before:
one in two types a letter at the end of a condition's city string (what
follows moves one character), the next replaces that letter (nothing moves).

cProfile slows Python code down several times, so the milliseconds are not
the server's latency (`lsp_latency.py` measures that); the shares are what
to read. With `--cpu`, no profiler runs: the same edits are timed in CPU
seconds of this process (median and minimum), which other work on a shared
machine disturbs far less than wall-clock time; run it with another tree on
`PYTHONPATH` to compare two versions.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import EDIT_KINDS, SHAPES, condition_lines, edit_at  # noqa: E402

from segquery.lsp import notifications  # noqa: E402
from segquery.lsp.idle_collection import use_server_thresholds  # noqa: E402
from segquery.lsp.server import SegqueryLanguageServer  # noqa: E402

# Each stage by the function that does it: (module path ending, function name).
STAGES = (
    ("parse", "segquery/syntax/parser.py", "parse_tolerant"),
    ("directives", "segquery/lint/suppression.py", "read_directives"),
    ("validation", "segquery/semantic/validation.py", "validate"),
    ("lint", "segquery/lint/__init__.py", "lint"),
    ("workspace update", "segquery/lsp/project.py", "update"),
    ("suppression, selection, severity", "segquery/engine.py", "finalize"),
)
RULE_FOLDERS = ("segquery/lint/rules/", "segquery/semantic/rules/")
# What every lint rule shares: the token list, the walk of the tree and the parent table.
LINT_CONTEXT = ("segquery/lint/context.py", "__post_init__")


def edit_params(uri: str, version: int, line: int, start: int, end: int,
                text: str) -> types.DidChangeTextDocumentParams:
    return types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=start),
                              end=types.Position(line=line, character=end)),
            text=text)])


class Timer:
    """CPU seconds of each edit, without a profiler."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._started = 0.0

    def enable(self) -> None:
        self._started = time.process_time()

    def disable(self) -> None:
        self.samples.append(time.process_time() - self._started)


async def profile(rounds: int, shape: str, line_count: int, make: Callable[[], Any] = cProfile.Profile,
                  mode: str = "conditions") -> tuple[Any, Any, int]:
    """The profiles (or timers) of the first and the second edit of each pair, and how many of each were made."""
    with tempfile.TemporaryDirectory(prefix="segquery-lsp-profile-") as directory:
        root = Path(directory)
        (root / "other.segq").write_text("SEGMENT(large)\n", encoding="utf-8")
        server = SegqueryLanguageServer()
        server.text_document_publish_diagnostics = lambda params: None  # type: ignore[method-assign]
        server.project.load([root], {})
        text = SHAPES[shape](line_count)
        uri = (root / "large.segq").as_uri()
        server.documents.open(types.TextDocumentItem(uri=uri, language_id="segquery", version=1, text=text))
        server.refresh(uri)
        lines, lines_text = condition_lines(text), text.split("\n")
        profilers = (make(), make())
        for number in range(rounds):
            line = lines[(number // 2 * 37) % len(lines)]
            start, end, typed = edit_at(lines_text[line], mode, number % 2 == 0)
            lines_text[line] = lines_text[line][:start] + typed + lines_text[line][end:]
            profiler = profilers[number % 2]
            profiler.enable()
            notifications.on_did_change(server, edit_params(uri, number + 2, line, start, end, typed))
            server.diagnostics.run_now(uri)
            profiler.disable()
        return profilers[0], profilers[1], (rounds + 1) // 2


def cumulative(stats: pstats.Stats, path_end: str, name: str) -> float:
    """Seconds spent in a function and what it calls (0 when it never ran)."""
    entries = stats.stats  # type: ignore[attr-defined]  # (file, line, name) -> (calls, calls, total, cumulative, callers)
    return sum(entry[3] for (file, _line, function), entry in entries.items()
               if function == name and file.replace(os.sep, "/").endswith(path_end))


def rule_costs(stats: pstats.Stats) -> list[tuple[float, str]]:
    """(seconds, rule module) of every rule's check function."""
    entries = stats.stats  # type: ignore[attr-defined]
    return sorted(((entry[3], file.replace(os.sep, "/").rsplit("segquery/", 1)[-1])
                   for (file, _line, function), entry in entries.items()
                   if function == "check" and any(folder in file.replace(os.sep, "/") for folder in RULE_FOLDERS)),
                  reverse=True)


def report(title: str, stats: pstats.Stats, edits: int, top: int) -> None:
    total = (cumulative(stats, "segquery/lsp/notifications.py", "on_did_change")
             + cumulative(stats, "segquery/lsp/debounce.py", "run_now"))
    print(f"{title}: {total / edits * 1000:.0f} ms per edit under cProfile")
    counted = 0.0
    for stage, path_end, name in STAGES:
        seconds = cumulative(stats, path_end, name)
        counted += seconds
        print(f"  {stage:34} {seconds / total:6.1%}")
    print(f"  {'the rest (server, conversion)':34} {max(0.0, total - counted) / total:6.1%}")
    print(f"  {'of which the lint context':34} {cumulative(stats, *LINT_CONTEXT) / total:6.1%}")
    print(f"  the {top} costliest rules:")
    for seconds, rule in rule_costs(stats)[:top]:
        print(f"    {rule:50} {seconds / total:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="edits profiled (half break a condition)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="designer")
    parser.add_argument("--lines", type=int, default=2_000, help="lines of the edited document")
    parser.add_argument("--top", type=int, default=8, help="rules listed")
    parser.add_argument("--cpu", action="store_true", help="time the edits in CPU seconds instead of profiling")
    parser.add_argument("--edits", choices=sorted(EDIT_KINDS), default="conditions",
                        help="break and mend conditions, or type into strings (new valid texts)")
    args = parser.parse_args(argv)
    use_server_thresholds()  # the garbage collector's thresholds as the server sets them (segquery/lsp/main.py)
    document = f"{args.lines:,}-line {args.shape} file"
    first_kind, second_kind = EDIT_KINDS[args.edits]
    if args.cpu:
        first, second, _ = asyncio.run(profile(args.rounds, args.shape, args.lines, Timer, args.edits))
        for title, timer in ((first_kind, first), (second_kind, second)):
            samples = [seconds * 1000 for seconds in timer.samples]
            print(f"{title} ({document}): CPU ms per edit median={statistics.median(samples):.1f} "
                  f"min={min(samples):.1f} (n={len(samples)})")
    else:
        first, second, edits = asyncio.run(profile(args.rounds, args.shape, args.lines, mode=args.edits))
        report(f"{first_kind} ({document})", pstats.Stats(first), edits, args.top)
        report(f"{second_kind} ({document})", pstats.Stats(second), args.rounds // 2, args.top)
    print("load average when the run ended: " + ", ".join(f"{value:.2f}" for value in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
