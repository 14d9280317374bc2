"""Checking many files: the process pool against a single process.

    python benchmarks/lint_many.py [--files N] [--jobs J]

Writes N realistic query files (benchmarks/corpus.py; 10,000 by default) into
a temporary directory (named `segment_<n>`, so that the SEGMENT references of
the corpus resolve when N is 10,000), then, in the same run, checks them all with
`check_paths` in one process and with J worker processes (default: one per
CPU), exactly as `segquery check DIR` does: parse, validate, lint, workspace
and suppression. Prints the wall time and files per second of each run and
the speed-up, and exits 1 if the two runs disagree on any finding.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import realistic_query  # noqa: E402

from segquery.check_options import CheckOptions  # noqa: E402
from segquery.checking import check_paths  # noqa: E402


def write_corpus(directory: Path, count: int) -> None:
    rng = random.Random(2026)
    for index in range(count):
        folder = directory / f"group{index % 50:02}"
        folder.mkdir(exist_ok=True)
        # The corpus's compound queries refer to `segment_<n>` for n below 10,000.
        (folder / f"segment_{index}.segq").write_text(realistic_query(rng, index) + "\n", encoding="utf-8")


def timed(directory: Path, jobs: int) -> tuple[float, list]:
    start = time.perf_counter()
    reports = check_paths([str(directory)], options=CheckOptions(jobs=jobs))
    return time.perf_counter() - start, reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        write_corpus(directory, args.files)
        serial_time, serial = timed(directory, 1)
        parallel_time, parallel = timed(directory, args.jobs)
    findings = sum(len(report.diagnostics) for report in serial)
    print(f"files: {args.files}, findings: {findings}, CPUs: {os.cpu_count()}")
    print(f"single process:        {serial_time:8.2f} s  {args.files / serial_time:10.0f} files/s")
    print(f"{args.jobs} worker processes:  {parallel_time:8.2f} s  {args.files / parallel_time:10.0f} files/s")
    print(f"speed-up: {serial_time / parallel_time:.2f}x")
    same = [(r.path, [d.sort_key() for d in r.diagnostics]) for r in serial] == \
        [(r.path, [d.sort_key() for d in r.diagnostics]) for r in parallel]
    if not same:
        print("the parallel run reported different findings", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
