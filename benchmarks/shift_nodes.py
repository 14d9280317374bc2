"""CPU time of moving a syntax tree's nodes by a number of characters, per node.

    PYTHONPATH=$PWD python benchmarks/shift_nodes.py [--lines N] [--rounds N] [--before TREE]

An edit that changes a text's length (a letter typed) is parsed by grafting
the edited unit's new subtree into the previous tree, and everything after it
is copied with its spans moved (segquery/syntax/shift.py): on a long document
that copy is most of the parse. This times it on `lsp_latency.py`'s shapes
(2,000 lines by default): every operand of the chain shape's one condition of
1,999 operands, and every step of the designer shape's chain, moved by one
character the way a graft moves them. Prints the minimum of `--rounds` runs in
CPU time (the garbage the previous run left collected first), and that time
per node copied.

With `--before TREE` (another segquery checkout), the same is timed in a
child process that imports that tree, in the same run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import SHAPES  # noqa: E402


def measure(lines: int, rounds: int) -> dict[str, tuple[float, int]]:
    """Per shape: the CPU milliseconds of the fastest run, and the nodes each run copies."""
    from segquery.syntax import ast, shift
    from segquery.syntax.parser import parse_uncached

    def move_all(nodes: tuple[Any, ...]) -> tuple[Any, ...]:
        if hasattr(shift, "shifted_all"):
            return shift.shifted_all(nodes, 1)
        return tuple(shift.shifted(node, 1) for node in nodes)  # (a tree from before shifted_all)

    found: dict[str, tuple[float, int]] = {}
    for shape in ("chain", "designer"):
        query = parse_uncached(SHAPES[shape](lines)).query
        assert query is not None and isinstance(query.body, ast.Chain)
        nodes: tuple[Any, ...] = query.body.steps
        if shape == "chain":
            step = query.body.steps[0]
            assert isinstance(step, ast.Filter) and isinstance(step.condition, ast.Logical)
            nodes = step.condition.operands
        count = sum(1 for node in nodes for _ in ast.walk(node))
        fastest = float("inf")
        for _ in range(rounds):
            gc.collect()
            started = time.process_time()
            move_all(nodes)
            fastest = min(fastest, time.process_time() - started)
        found[shape] = (fastest * 1000, count)
    return found


def run_before(before: Path, lines: int, rounds: int) -> dict[str, tuple[float, int]]:
    """The same measurement with another checkout, in a child process importing it."""
    environment = dict(os.environ, PYTHONPATH=str(before))
    completed = subprocess.run([sys.executable, "-P", __file__, "--worker", "--lines", str(lines),
                                "--rounds", str(rounds)], env=environment, capture_output=True, text=True,
                               check=True)
    return {shape: (milliseconds, count) for shape, (milliseconds, count) in json.loads(completed.stdout).items()}


def row(title: str, milliseconds: float, count: int) -> str:
    return f"  {title:30} {milliseconds:7.2f} ms for {count:,} nodes, {milliseconds * 1000 / count:5.3f} µs a node"


def _options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--lines", type=int, default=2_000, help="lines of each document")
    options.add_argument("--rounds", type=int, default=30, help="runs of each copy (the fastest counts)")
    options.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    options.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)  # (the run of --before)
    return options


def main() -> None:
    args = _options().parse_args()
    if args.worker:
        print(json.dumps(measure(args.lines, args.rounds)))
        return
    before = run_before(args.before, args.lines, args.rounds) if args.before else None
    now = measure(args.lines, args.rounds)
    for shape, title in (("chain", "1,999 operands of one condition"), ("designer", "the steps of a chain")):
        print(f"{args.lines:,}-line {shape} document, {title} moved by one character (CPU):")
        if before is not None:
            print(row(f"before ({args.before})", *before[shape]))
        print(row("now", *now[shape]))
    print(f"load average {', '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
