"""Latency of the language server, measured through a real LSP client.

    python benchmarks/lsp_latency.py [--rounds N] [--shape designer|chain] [--edits conditions|strings]
                                     [--check] [--server-timing]

Starts `python -m segquery.lsp` as a subprocess and talks to it over stdio
with pygls's client, in a temporary workspace:

* diagnostics: on a 2,000-line workspace file (laid out as the segment
  designer writes queries, `--shape designer`, or as one `||` chain of
  1,998 conditions, `--shape chain`) and on a 50-line file of the same
  shape, the time from sending a didChange to receiving the
  publishDiagnostics for that version. Each edit
  follows a pause longer than the server's debounce interval, as a keystroke
  after a pause does; a burst of keystrokes is coalesced into one check per
  interval instead (see docs/language-server.md). The edits alternately
  break a condition (`c.` -> `.`) and mend it, so every other text is the
  one before the previous edit, whose parse and findings the server still
  holds; with `--edits strings`, every edit leaves a valid text never seen
  before instead: one in two types a letter at the end of a condition's
  string (what follows moves one character), the next replaces that letter.
* completion: on a 500-line file, the round trip of a completion request
  after `c.` (the attributes of the alias's table).

Prints p50 and p95 in milliseconds next to the targets (p95 under 50 ms on
the 2,000-line file, 20 ms on the 50-line file and for completion), and the
load average when the run ended (the machine may be shared). Exits 1 when a
target is missed and --check is given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

DIAGNOSTICS_TARGET_MS = 50.0
SMALL_FILE_TARGET_MS = 20.0
COMPLETION_TARGET_MS = 20.0
LARGE_FILE_LINES = 2_000
SMALL_FILE_LINES = 50
PAUSE_SECONDS = 0.2  # longer than the server's 150 ms debounce interval

# What a current editor announces about completion (VS Code and neovim 0.11 both
# take item defaults; VS Code resolves documentation lazily).
EDITOR_CAPABILITIES = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
    completion=types.CompletionClientCapabilities(
        completion_item=types.ClientCompletionItemOptions(
            snippet_support=True,
            documentation_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText],
            resolve_support=types.ClientCompletionItemResolveOptions(
                properties=["documentation", "detail", "additionalTextEdits"])),
        completion_list=types.CompletionListCapabilities(
            item_defaults=["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"]))))


def designer_layout(line_count: int) -> str:
    """A valid query of exactly `line_count` lines as the segment designer lays
    one out: `.FILTER(` groups of a few conditions joined by `||`."""
    lines = ["PROFILE(contact, c)"]
    group = 0
    while len(lines) < line_count:
        size = min(18, line_count - len(lines) - 2)
        lines.append("    .FILTER(")
        lines += [f"        c.address1_city == 'City {group}-{number}'" + (" ||" if number < size - 1 else "")
                  for number in range(size)]
        lines.append("    )")
        group += 1
    return "\n".join(lines)


def single_chain(line_count: int) -> str:
    """A valid query of exactly `line_count` lines: one `||` chain, one condition per line."""
    conditions = [f"    c.address1_city == 'City {number}' ||" for number in range(line_count - 2)]
    return "PROFILE(contact, c).FILTER(\n" + "\n".join(conditions) + "\n    c.address1_city == 'Last')"


SHAPES = {"designer": designer_layout, "chain": single_chain}


# The two kinds of edit of each mode, as they alternate.
EDIT_KINDS = {"conditions": ("edits leaving a syntax error", "edits leaving a valid query"),
              "strings": ("typing a letter into a string", "replacing that letter")}


def edit_at(line_text: str, mode: str, first: bool) -> tuple[int, int, str]:
    """(start, end, text) of the edit of one line: break a condition (`c.` -> `.`), then mend it;
    or, for `strings`, type a letter at the end of the line's string, then replace it."""
    if mode == "strings":
        closing = line_text.rindex("'")
        return (closing, closing, "x") if first else (closing - 1, closing, "y")
    column = len(line_text) - len(line_text.lstrip())
    return (column, column + 1, "") if first else (column, column, "c")


def condition_lines(text: str) -> list[int]:
    """The lines that start with a `c.` condition (after their indentation)."""
    return [number for number, line in enumerate(text.split("\n")) if line.lstrip().startswith("c.")]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Session:
    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.waiting: dict[tuple[str, int | None], asyncio.Future] = {}

        def published(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            future = self.waiting.pop((params.uri, params.version), None)
            if future is not None and not future.done():
                future.set_result((time.perf_counter(), params.diagnostics))

        client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(published)

    def expect(self, uri: str, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiting[(uri, version)] = future
        return future

    async def open(self, path: Path, text: str) -> str:
        uri = path.resolve().as_uri()
        published = self.expect(uri, 1)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="segquery", version=1, text=text)))
        await asyncio.wait_for(published, 30)
        return uri

    def change(self, uri: str, version: int, line: int, start: int, end: int, text: str) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=start),
                                  end=types.Position(line=line, character=end)), text=text)]))


async def measure_diagnostics(session: Session, path: Path, rounds: int, shape: str, line_count: int,
                              mode: str = "conditions") -> list[float]:
    text = SHAPES[shape](line_count)
    uri = await session.open(path, text)
    lines = condition_lines(text)
    lines_text = text.split("\n")
    samples = []
    version = 1
    for number in range(rounds):
        await asyncio.sleep(PAUSE_SECONDS)
        version += 1
        line = lines[(number // 2 * 37) % len(lines)]
        start, end, typed = edit_at(lines_text[line], mode, number % 2 == 0)
        lines_text[line] = lines_text[line][:start] + typed + lines_text[line][end:]
        published = session.expect(uri, version)
        sent = time.perf_counter()
        session.change(uri, version, line, start, end, typed)
        received, diagnostics = await asyncio.wait_for(published, 30)
        # A broken condition has a diagnostic; every other text is clean.
        assert bool(diagnostics) == (mode == "conditions" and number % 2 == 0), (number, diagnostics)
        samples.append((received - sent) * 1000)
    return samples


async def measure_completion(session: Session, root: Path, rounds: int) -> list[float]:
    text = designer_layout(500)
    uri = await session.open(root / "medium.segq", text)
    lines = condition_lines(text)
    lines_text = text.split("\n")
    samples = []
    for number in range(rounds):
        line = lines[(number * 13) % len(lines)]
        column = len(lines_text[line]) - len(lines_text[line].lstrip()) + 2
        position = types.Position(line=line, character=column)  # after `c.`
        sent = time.perf_counter()
        result = await session.client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position))
        samples.append((time.perf_counter() - sent) * 1000)
        labels = {item.label for item in (result.items if result is not None else [])}
        assert "address1_city" in labels, sorted(labels)[:10]
    return samples


async def run(rounds: int, shape: str, server_timing: str | None = None,
              mode: str = "conditions") -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="segquery-lsp-bench-") as directory:
        root = Path(directory)
        (root / "other.segq").write_text("SEGMENT(large) UNION SEGMENT(medium) UNION SEGMENT(small)\n", encoding="utf-8")
        client = LanguageClient("lsp-latency", "1")
        session = Session(client)
        # `-P`: the server imports segquery from where this script does (PYTHONPATH), not from the
        # current directory, which `-m` would put first: comparing two trees needs that.
        server = ([str(Path(__file__).resolve().parent / "lsp_server_timing.py"), server_timing] if server_timing
                  else ["-m", "segquery.lsp"])
        await client.start_io(sys.executable, "-P", *server)
        await client.initialize_async(types.InitializeParams(
            capabilities=EDITOR_CAPABILITIES,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")]))
        client.initialized(types.InitializedParams())
        try:
            diagnostics = await measure_diagnostics(session, root / "large.segq", rounds, shape, LARGE_FILE_LINES,
                                                    mode)
            small = await measure_diagnostics(session, root / "small.segq", rounds, shape, SMALL_FILE_LINES, mode)
            first_kind, second_kind = EDIT_KINDS[mode]
            return {
                "diagnostics": diagnostics,
                first_kind: diagnostics[0::2],
                second_kind: diagnostics[1::2],
                "diagnostics, small file": small,
                "completion": await measure_completion(session, root, rounds * 2),
            }
        finally:
            await client.shutdown_async(None)
            client.exit(None)
            await client.stop()


def print_server_timing(path: str, latencies: list[float]) -> None:
    """Wall-clock (and CPU) ms per edit of the 2,000-line file in each stage of the server, beside the
    client's mean latency: what is left is outside the server's code (the pipe, messages, the event loop)."""
    with open(path, encoding="utf-8") as file:
        times = json.load(file)
    edits = sum(1 for document, _, _, _ in times.get("applying the change", []) if document == "large.segq")
    print(f"server stages, 2,000-line file, ms per edit over {edits} edits (wall / CPU; the check after opening "
          f"left out); client latency mean {statistics.fmean(latencies):.1f} ms:")
    first_change = min((changes for document, changes, _, _ in times.get("applying the change", [])
                        if document == "large.segq"), default=1)
    for stage, entries in times.items():
        mine = [(wall, cpu) for document, changes, wall, cpu in entries
                if document == "large.segq" and changes >= first_change]
        if mine and edits:
            wall, cpu = sum(w for w, _ in mine) / edits, sum(c for _, c in mine) / edits
            print(f"  {stage:40s} {wall:7.2f} / {cpu:7.2f}   ({len(mine)} calls)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60, help="edits measured (completions: twice as many)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="designer",
                        help="layout of the 2,000-line file: `.FILTER(` groups of 18 conditions (designer), "
                             "or one `||` chain of 1,998 conditions (chain)")
    parser.add_argument("--edits", choices=sorted(EDIT_KINDS), default="conditions",
                        help="break and mend conditions, or type into strings (valid texts never seen before)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a p95 target is missed")
    parser.add_argument("--server-timing", action="store_true",
                        help="time the server's stages too (benchmarks/lsp_server_timing.py) and print them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="segquery-lsp-timing-") as directory:
        timing = str(Path(directory) / "timing.json") if args.server_timing else None
        samples = asyncio.run(run(args.rounds, args.shape, timing, args.edits))
        if timing is not None:
            print_server_timing(timing, samples["diagnostics"])
    missed = False
    first_kind, second_kind = EDIT_KINDS[args.edits]
    for name, target, title in (
        ("diagnostics", DIAGNOSTICS_TARGET_MS,
         f"didChange -> publishDiagnostics, 2,000-line file ({args.shape}, {args.edits})"),
        (first_kind, DIAGNOSTICS_TARGET_MS, f"  of which {first_kind}"),
        (second_kind, DIAGNOSTICS_TARGET_MS, f"  of which {second_kind}"),
        ("diagnostics, small file", SMALL_FILE_TARGET_MS,
         f"didChange -> publishDiagnostics, {SMALL_FILE_LINES}-line file ({args.shape})"),
        ("completion", COMPLETION_TARGET_MS, "completion round trip, 500-line file"),
    ):
        values = samples[name]
        p50, p95 = percentile(values, 0.50), percentile(values, 0.95)
        verdict = "ok" if p95 < target else "MISSED"
        if not title.startswith(" "):
            missed |= p95 >= target
        print(f"{title}: n={len(values)} p50={p50:.1f} ms p95={p95:.1f} ms "
              f"mean={statistics.fmean(values):.1f} ms (target p95 < {target:.0f} ms: {verdict})")
    print("load average when the run ended: " + ", ".join(f"{value:.2f}" for value in os.getloadavg()))
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
