"""Validation and lint of an edited 2,000-line query: from scratch, and checking again only what the edit touched.

    python benchmarks/step_findings.py [--rounds N] [--lines N]

Each round types a character into a string of one condition of the
`lsp_latency.py` files (designer and chain shapes), which makes a valid text
never seen before, parses it (not timed), and times in CPU milliseconds
`validate` followed by `lint`, as a check without kept findings does, and
`StepFindings.check` of the same query after it checked the text before the
edit, as the language server does. Both must return the same findings (the
script stops otherwise). The parse of a new text is not part of either: see
`lsp_profile.py` for the server's whole work per edit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import SHAPES, condition_lines  # noqa: E402

from segquery.lint import lint  # noqa: E402
from segquery.semantic import validate  # noqa: E402
from segquery.step_findings import StepFindings  # noqa: E402
from segquery.syntax.parser import parse_tolerant  # noqa: E402


def cpu_ms(work, *arguments) -> tuple[float, object]:
    started = time.process_time()
    result = work(*arguments)
    return (time.process_time() - started) * 1000, result


def from_scratch(query, source) -> list:
    return validate(query, source) + lint(query, source)


def measure(shape: str, line_count: int, rounds: int) -> tuple[list[float], list[float]]:
    text = SHAPES[shape](line_count)
    lines = condition_lines(text)
    steps = StepFindings()
    first = parse_tolerant(text)
    steps.check(first.query, first.source, line_length=88)
    full_times, step_times = [], []
    for number in range(rounds):
        rows = text.split("\n")
        line = lines[(number * 37) % len(lines)]
        quote = rows[line].rindex("'")
        rows[line] = rows[line][:quote] + "x" + rows[line][quote:]   # a character typed into the string
        text = "\n".join(rows)
        parsed = parse_tolerant(text)
        assert parsed.query is not None and not parsed.diagnostics
        full_ms, full = cpu_ms(from_scratch, parsed.query, parsed.source)
        step_ms, kept = cpu_ms(partial(steps.check, line_length=88), parsed.query, parsed.source)
        assert kept == full, "the findings kept per step differ from a check from scratch"
        full_times.append(full_ms)
        step_times.append(step_ms)
    return full_times, step_times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--lines", type=int, default=2_000)
    args = parser.parse_args(argv)
    for shape in sorted(SHAPES):
        full, kept = measure(shape, args.lines, args.rounds)
        print(f"{args.lines:,}-line {shape} file, a new valid text per edit, CPU ms (median, min of {args.rounds}): "
              f"validate + lint {statistics.median(full):.1f} ({min(full):.1f}); "
              f"kept per step {statistics.median(kept):.1f} ({min(kept):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
