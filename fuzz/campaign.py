"""The long fuzz campaign (outside CI): mutated examples through parse, check,
fix, format, the editor features and the request checker.

    python -m fuzz.campaign --inputs 1000000 --jobs 2 --seed 1 --out fuzz-results/

Input number i of seed s is always the same text; `--replay i` runs one again.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

from fuzz.corpus import load_corpus
from fuzz.execute import Outcome, Runner, make_input, run_target
from fuzz.mutations import Mutator
from fuzz.report import Results, summary_text, write_results
from fuzz.workers import Pool, Settings

CHUNK = 20
PROGRESS_SECONDS = 30.0


def _chunks(start: int, count: int, size: int = CHUNK) -> Iterator[list[int]]:
    for first in range(start, start + count, size):
        yield list(range(first, min(first + size, start + count)))


def run_campaign(inputs: int, *, seed: int, jobs: int, out: Path | None, start: int = 0,
                 settings: Settings | None = None, progress=None) -> Results:
    """Run inputs [start, start + inputs) of `seed`. jobs=0 runs them in this
    process (no watchdog: for tests and debugging)."""
    settings = settings or Settings(seed=seed)
    results = Results(seed=seed, start=start, jobs=jobs)
    began = time.monotonic()
    last_report = [began]

    def tick() -> None:
        results.seconds = time.monotonic() - began
        if progress is not None and time.monotonic() - last_report[0] > PROGRESS_SECONDS:
            last_report[0] = time.monotonic()
            progress(f"{results.inputs} inputs, {results.inputs / max(results.seconds, 1e-9):.1f}/s, "
                     f"{len(results.findings)} distinct failures")
            if out is not None:
                write_results(results, out)

    if jobs == 0:
        runner = Runner(Mutator(load_corpus()), seed, slow_seconds=settings.slow_seconds,
                        minimize_seconds=settings.minimize_seconds)
        for chunk in _chunks(start, inputs):
            outcome = Outcome()
            for index in chunk:
                outcome.merge(runner.run(index))
            results.add(outcome)
            tick()
    else:
        pool = Pool(settings, jobs)
        for outcome in pool.run(_chunks(start, inputs), on_tick=tick):
            results.add(outcome)
            tick()
    results.seconds = time.monotonic() - began
    if out is not None:
        write_results(results, out)
    return results


def replay(seed: int, index: int) -> int:
    """Print input `index` and what each of its targets does with it."""
    item = make_input(Mutator(load_corpus()), seed, index)
    print(f"input {index} of seed {seed} ({item.suffix}, mutations {list(item.mutations)}):")
    print(repr(item.text) if len(item.text) < 4000 else repr(item.text[:4000]) + " ...")
    failed = 0
    for name in item.targets:
        began = time.process_time()
        word, error = run_target(name, item, seed)
        print(f"{name}: {word} in {time.process_time() - began:.3f} s of processor time"
              + (f": {error!r}" if error else ""))
        failed += error is not None
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz.campaign", description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to run")
    parser.add_argument("--start", type=int, default=0, help="the first input number (to continue a campaign)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (0: in this process, no watchdog)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-results"))
    parser.add_argument("--slow", type=float, default=2.0,
                        help="processor seconds after which a target's run on one input is a finding")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which a worker is stopped")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address space limit of each worker")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run one input and print what happens")
    args = parser.parse_args(argv)
    if args.replay is not None:
        os.chdir(tempfile.mkdtemp(prefix="segquery-fuzz-"))
        return replay(args.seed, args.replay)
    settings = Settings(seed=args.seed, slow_seconds=args.slow, hang_seconds=args.hang, memory_mb=args.memory_mb)
    results = run_campaign(args.inputs, seed=args.seed, jobs=args.jobs, out=args.out, start=args.start,
                           settings=settings, progress=lambda line: print(line, file=sys.stderr, flush=True))
    print(summary_text(write_results(results, args.out)), end="")
    return 1 if results.findings else 0


if __name__ == "__main__":
    sys.exit(main())
