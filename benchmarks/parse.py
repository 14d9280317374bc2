"""Parse speed: segquery's parser against the regular-expression tokenizer floor
and lark's Earley parser on the same grammar, in one run; plus the cold wall time
of `segquery check` on one file.

    python benchmarks/parse.py [--earley-seconds 60]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import long_or_chain, realistic_corpus  # noqa: E402

from segquery.syntax.grammar import earley_parser, lalr_parser  # noqa: E402
from segquery.syntax.parser import parse_uncached  # noqa: E402
from segquery.syntax.tokens import tokenize  # noqa: E402


def timed(function, texts: list[str], *, repeat: int = 3) -> float:
    """Best wall time of `repeat` runs over all texts."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def tokenizer_floor(text: str) -> None:
    for _ in tokenize(text, trivia=False):
        pass


def segquery_parse(text: str) -> None:
    result = parse_uncached(text)
    assert result.query is not None, result.diagnostics[:1]


def report(name: str, texts: list[str], seconds: float) -> tuple[float, float]:
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    per_second = len(texts) / seconds
    print(f"  {name:<28} {per_second:>12,.0f} queries/s {megabytes / seconds:>8.2f} MB/s  ({seconds * 1000:,.1f} ms)")
    return per_second, megabytes / seconds


def earley_run(texts: list[str], budget: float) -> tuple[list[str], float]:
    """Earley over as many texts as fit in the time budget (it is far slower)."""
    parser = earley_parser()
    done: list[str] = []
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
        done.append(text)
        if time.perf_counter() - start > budget:
            break
    return done, time.perf_counter() - start


def cold_check_time(runs: int = 7) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.segq"
        path.write_text("PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')\n")
        command = [sys.executable, "-m", "segquery", "check", "--quiet", str(path)]
        subprocess.run(command, capture_output=True)  # warm the grammar cache and the OS file cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--earley-seconds", type=float, default=30.0,
                         help="time budget for the (slow) Earley comparison on each workload")
    args = options.parse_args()
    lalr_parser()  # build (or load) the parser before timing
    workloads = {
        "1,000 realistic queries": realistic_corpus(1000),
        "one 1 MB query (long || chain)": [long_or_chain()],
    }
    for title, texts in workloads.items():
        size = sum(len(t) for t in texts) / 1e6
        print(f"\n{title} ({size:.2f} MB)")
        _, floor_rate = report("regex tokenizer (floor)", texts, timed(tokenizer_floor, texts))
        _, parse_rate = report("segquery (LALR + AST)", texts, timed(segquery_parse, texts))
        done, earley_seconds = earley_run(texts if len(texts) > 1 else texts, args.earley_seconds)
        earley_rate = None
        if len(done) == len(texts):
            _, earley_rate = report("lark Earley (same grammar)", done, earley_seconds)
        elif done:
            _, earley_rate = report(f"lark Earley ({len(done)} of {len(texts)})", done, earley_seconds)
        else:
            print("  lark Earley                  did not finish within the budget")
        print(f"  ratio segquery / floor: 1/{floor_rate / parse_rate:.1f}   (target: at least 1/8)")
        if earley_rate:
            print(f"  ratio segquery / Earley: {parse_rate / earley_rate:.1f}x faster")
    times = cold_check_time()
    print(f"\ncold `segquery check` on one file: median {statistics.median(times) * 1000:.0f} ms, "
          f"min {min(times) * 1000:.0f} ms over {len(times)} runs (target: under 250 ms)")


if __name__ == "__main__":
    main()
