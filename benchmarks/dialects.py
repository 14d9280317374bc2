"""Parse speed of real-time journeys queries against outbound ones, in one run.

Both corpora come from benchmarks/corpus.py with the same shapes and seed
(each written as its dialect writes it). The rounds alternate between the two
dialects so that a busy machine slows both alike; the figure that matters is
the ratio of throughputs in MB/s (target: real-time within 10% of outbound).

    python benchmarks/dialects.py [--queries 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import realistic_corpus, realtime_corpus  # noqa: E402

from segquery.syntax.outbound import OUTBOUND  # noqa: E402
from segquery.syntax.parser import parse_uncached  # noqa: E402
from segquery.syntax.realtime import REALTIME  # noqa: E402


def parse_all(texts: list[str], dialect) -> float:
    start = time.perf_counter()
    for text in texts:
        result = parse_uncached(text, dialect=dialect)
        assert result.query is not None, result.diagnostics[:1]
    return time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--queries", type=int, default=2000)
    options.add_argument("--rounds", type=int, default=5)
    arguments = options.parse_args()
    corpora = {"outbound": (realistic_corpus(arguments.queries), OUTBOUND),
               "realtime": (realtime_corpus(arguments.queries), REALTIME)}
    for texts, dialect in corpora.values():
        parse_all(texts[:50], dialect)   # build each parser (and lark's cache) before timing
    best = {name: float("inf") for name in corpora}
    for _ in range(arguments.rounds):
        for name, (texts, dialect) in corpora.items():
            best[name] = min(best[name], parse_all(texts, dialect))
    print(f"{arguments.queries} queries per dialect, best of {arguments.rounds} alternating rounds")
    throughput = {}
    for name, (texts, _dialect) in corpora.items():
        megabytes = sum(len(text.encode()) for text in texts) / 1e6
        throughput[name] = megabytes / best[name]
        print(f"  {name:<9} {len(texts) / best[name]:>9,.0f} queries/s {throughput[name]:>7.2f} MB/s "
              f"({megabytes:.2f} MB in {best[name] * 1000:,.0f} ms)")
    ratio = throughput["realtime"] / throughput["outbound"]
    verdict = "within" if ratio >= 0.9 else "NOT within"
    print(f"  real-time throughput is {ratio:.2f}x outbound's (MB/s): {verdict} 10%")


if __name__ == "__main__":
    main()
