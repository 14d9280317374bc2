"""CPU milliseconds of each rule per edit, as the language server checks an edited 2,000-line query.

    PYTHONPATH=$PWD python benchmarks/rule_costs.py [--shape designer|chain] [--lines N] [--edits N]
                                                    [--before TREE]

Each edit types a character into a string of one condition of the `lsp_latency.py`
file (the next one replaces it), which makes a valid text never seen before;
the text is parsed (not timed) and checked by one `StepFindings`, as the server
checks a document, with the server's collector thresholds. Every lint and
validation rule's check is wrapped in a CPU stopwatch (what a rule returns is
read out inside it), so each rule's share of `StepFindings.check` is printed:
the milliseconds per edit of the rules that take at least 0.05 ms, and the
median of the whole check. With `--before TREE` (another segquery checkout),
the same edits are measured with it first, in a child process, and printed
beside.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from before_tree import edit_options, run_worker  # noqa: E402
from lsp_latency import SHAPES, condition_lines  # noqa: E402

from segquery.lint import lint_rules  # noqa: E402
from segquery.semantic.validation import rules_for_dialect  # noqa: E402
from segquery.source import SourceText  # noqa: E402
from segquery.step_findings import StepFindings  # noqa: E402
from segquery.syntax.outbound import OUTBOUND  # noqa: E402
from segquery.syntax.parser import parse_tolerant  # noqa: E402

SHOWN_MS = 0.05


def timed_rules(spent: dict[str, float]) -> None:
    """Wrap every rule's check so that its CPU seconds add up in `spent`, by the rule's codes."""
    for rule in [*lint_rules(), *rules_for_dialect(OUTBOUND)[1]]:
        name = rule.code if hasattr(rule, "code") else ", ".join(rule.codes)

        def check(context: Any, check: Any = rule.check, name: str = name) -> Any:
            started = time.process_time()
            try:
                found = check(context)
                return list(found) if found is not None else None
            finally:
                spent[name] += time.process_time() - started

        object.__setattr__(rule, "check", check)   # the rules are frozen


def measure(shape: str, lines: int, edits: int) -> dict[str, Any]:
    """The milliseconds per edit of each rule, and of each whole check."""
    gc.set_threshold(700, 10, 1000)   # the language server's (segquery/lsp/idle_collection.py)
    spent: dict[str, float] = defaultdict(float)
    timed_rules(spent)
    text_lines = SHAPES[shape](lines).split("\n")
    targets = condition_lines("\n".join(text_lines))
    steps = StepFindings()

    def check(text: str) -> float:
        result = parse_tolerant(text, path="edited.segq")
        assert result.query is not None and not result.diagnostics
        started = time.process_time()
        steps.check(result.query, SourceText(text, "edited.segq"), line_length=88)
        return (time.process_time() - started) * 1000

    check("\n".join(text_lines))
    spent.clear()
    checks = []
    for number in range(edits):
        line = targets[(number // 2 * 7919) % len(targets)]
        text = text_lines[line]
        closing = text.rindex("'")
        if number % 2 == 0:
            text_lines[line] = text[:closing] + "x" + text[closing:]
        else:
            text_lines[line] = text[:closing - 1] + "y" + text[closing:]
        checks.append(check("\n".join(text_lines)))
    return {"check": checks, "rules": {name: seconds * 1000 / edits for name, seconds in spent.items()}}


def run_before(before: Path, shape: str, lines: int, edits: int) -> dict[str, Any]:
    """The same measurement with another checkout, in a child process importing it."""
    return run_worker(before, __file__, ["--shape", shape, "--lines", str(lines), "--edits", str(edits)])


def main() -> None:
    args = edit_options(__doc__, "chain").parse_args()
    if args.worker:
        print(json.dumps(measure(args.shape, args.lines, args.edits)))
        return
    before = run_before(args.before, args.shape, args.lines, args.edits) if args.before else None
    now = measure(args.shape, args.lines, args.edits)
    print(f"{args.lines:,}-line {args.shape} document, {args.edits} edits; CPU ms per edit")
    columns = ([f"before ({args.before})"] if before else []) + ["now"]
    print(f"  {'':32}" + "".join(f"{column:>24}" for column in columns))
    runs = ([before] if before else []) + [now]
    print(f"  {'StepFindings.check, median':32}" + "".join(f"{statistics.median(run['check']):24.2f}" for run in runs))
    names = sorted({name for run in runs for name, ms in run["rules"].items() if ms >= SHOWN_MS},
                   key=lambda name: -max(run["rules"].get(name, 0.0) for run in runs))
    for name in names:
        print(f"  {'rule ' + name:32}" + "".join(f"{run['rules'].get(name, 0.0):24.2f}" for run in runs))
    print(f"load average {', '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
