"""Cost of semantic validation relative to parsing.

    python benchmarks/validate.py [--count N] [--rounds R] [--check]

Takes N realistic queries (benchmarks/corpus.py, shared with the parse
benchmark) and times, in the same run, parsing them all and parsing plus
validating them all (against the bundled default schema). Each figure is the
best of R rounds; the two measurements alternate within every round. Prints
both times, the time per query and the ratio; the target is a ratio of at
most 1.5 (validation adds no more than 50% to parse time). Exits 1 when a
query of the corpus does not parse and validate cleanly, or, with --check,
when the target is missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import realistic_corpus  # noqa: E402

from segquery.schema import default_schema  # noqa: E402
from segquery.semantic import validate  # noqa: E402
from segquery.syntax.parser import parse_uncached as parse_tolerant  # noqa: E402  (no cache: measure real parses)

TARGET_RATIO = 1.5


def _parse_all(queries: list[str]) -> None:
    for text in queries:
        parse_tolerant(text)


def _parse_and_validate_all(queries: list[str]) -> None:
    for text in queries:
        result = parse_tolerant(text)
        validate(result.query, result.source)


def _best_interleaved(functions, queries: list[str], rounds: int) -> list[float]:
    """Best time of each function over `rounds` rounds, alternating them in
    every round so that load on a shared machine hits both alike."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            function(queries)
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--check", action="store_true", help="exit 1 when the ratio exceeds the target")
    options = parser.parse_args(argv)

    queries = realistic_corpus(options.count)
    default_schema()  # loaded once, outside the timings
    for text in queries:
        result = parse_tolerant(text)
        findings = list(result.diagnostics) + (validate(result.query, result.source) if result.query else [])
        if result.query is None or findings:
            print(f"the corpus has a query with findings: {text!r}: {[d.message for d in findings]}")
            return 1
    _parse_and_validate_all(queries)  # warm-up: grammar cache, imports

    parse_time, both_time = _best_interleaved((_parse_all, _parse_and_validate_all), queries, options.rounds)
    ratio = both_time / parse_time
    count = len(queries)
    print(f"queries:           {count}")
    print(f"parse:             {parse_time * 1000:8.1f} ms  ({parse_time / count * 1e6:6.1f} us/query)")
    print(f"parse + validate:  {both_time * 1000:8.1f} ms  ({both_time / count * 1e6:6.1f} us/query)")
    print(f"validate alone:    {(both_time - parse_time) * 1000:8.1f} ms  "
          f"({(both_time - parse_time) / count * 1e6:6.1f} us/query)")
    print(f"ratio:             {ratio:8.2f}  (target <= {TARGET_RATIO})")
    if options.check and ratio > TARGET_RATIO:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
