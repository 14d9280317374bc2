"""CPU time of the parse of each new version of a large document an editor sends.

    PYTHONPATH=$PWD python benchmarks/edit_parse.py [--shape designer|chain] [--lines N] [--edits N] [--before TREE]

Starts from a document of `lsp_latency.py`'s shapes (2,000 lines by default)
and makes `--edits` edits in city strings of conditions spread over it, as
typing does: each edit either types a letter at the end of a string (what
follows moves one character) or replaces that letter with another (nothing
moves). Every text is one the parser has not seen, so its cache of recent
results cannot answer, and every text is a valid query. Each version is
parsed as the language server parses it, `parse_tolerant` with the
document's path (against the last version of that path that parsed), and
timed in CPU time; a full parse of the same text (`parse_uncached`) is timed
too, and the two results must be equal, field by field. Prints the median
and the 95th percentile per kind of edit.

With `--before TREE` (another segquery checkout), the same edits are timed in
a child process that imports that tree, in the same run.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from before_tree import edit_options, run_worker  # noqa: E402
from lsp_latency import SHAPES, condition_lines, percentile  # noqa: E402

KINDS = ("typing a letter", "replacing a letter")


def versions(text: str, count: int) -> list[tuple[str, str]]:
    """(kind, text) of each version: pairs of edits on conditions spread over the document, the
    first typing a letter at the end of its city string, the second replacing that letter."""
    lines = text.split("\n")
    numbers = condition_lines(text)
    made = []
    for number in range(count):
        line = numbers[(number // 2 * 37) % len(numbers)]
        closing = lines[line].rindex("'")
        if number % 2 == 0:
            lines[line] = lines[line][:closing] + "x" + lines[line][closing:]
        else:
            lines[line] = lines[line][:closing - 1] + "y" + lines[line][closing:]
        made.append((KINDS[number % 2], "\n".join(lines)))
    return made


def exactly(value: object) -> object:
    """A syntax tree as nested tuples of every field (spans too), to compare two parses."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *((item.name, exactly(getattr(value, item.name)))
                                        for item in dataclasses.fields(value)))
    if isinstance(value, tuple):
        return tuple(exactly(item) for item in value)
    return value


def measure(shape: str, lines: int, count: int) -> dict[str, dict[str, list[float]]]:
    """CPU milliseconds of each version's parse, by kind of edit: as the language server parses
    it (`edited`) and in full (`full`)."""
    from segquery.syntax.parser import parse_tolerant, parse_uncached

    path = f"/benchmark/{shape}.segq"
    text = SHAPES[shape](lines)
    parse_tolerant(text, path=path)
    timings: dict[str, dict[str, list[float]]] = {kind: {"edited": [], "full": []} for kind in KINDS}
    for kind, version in versions(text, count):
        edited, timings[kind]["edited"] = timed(parse_tolerant, version, path, timings[kind]["edited"])
        full, timings[kind]["full"] = timed(parse_uncached, version, path, timings[kind]["full"])
        if edited.query is None or exactly(edited) != exactly(full):
            raise SystemExit(f"the parse of an edited version differs from its full parse ({kind})")
    return timings


def timed(parse: Callable[..., Any], text: str, path: str, samples: list[float]) -> tuple[Any, list[float]]:
    """`parse(text, path=path)` and the samples with its CPU milliseconds added. The garbage the
    benchmark itself leaves (full parses, comparisons) is collected first, so that the collector's
    work counted is the parse's own."""
    gc.collect()
    started = time.process_time()
    result = parse(text, path=path)
    return result, [*samples, (time.process_time() - started) * 1000]


def run_before(before: Path, shape: str, lines: int, count: int) -> dict[str, dict[str, list[float]]]:
    """The same measurement with another checkout, in a child process importing it."""
    return run_worker(before, __file__, ["--shape", shape, "--lines", str(lines), "--edits", str(count)])


def row(title: str, samples: list[float]) -> str:
    return f"  {title:44} median {statistics.median(samples):6.1f}  p95 {percentile(samples, 0.95):6.1f} ms"


def main() -> None:
    args = edit_options(__doc__, "designer").parse_args()
    if args.worker:
        print(json.dumps(measure(args.shape, args.lines, args.edits)))
        return
    print(f"{args.lines:,}-line {args.shape} document, {args.edits} edits; CPU ms per parse")
    before = run_before(args.before, args.shape, args.lines, args.edits) if args.before else None
    timings = measure(args.shape, args.lines, args.edits)
    for kind in KINDS:
        print(f"{kind} in a string:")
        if before is not None:
            print(row(f"before ({args.before}): as the server parses", before[kind]["edited"]))
        print(row("now: as the server parses", timings[kind]["edited"]))
        print(row("now: full parse of the same text", timings[kind]["full"]))
    print(f"load average {', '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
