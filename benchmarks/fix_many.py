"""`segquery check --fix` over many files: the time must grow linearly.

    python benchmarks/fix_many.py [--sizes 1000 5000] [--jobs J]

For each size N, writes N realistic query files (benchmarks/corpus.py), each
with a safe fix to apply (a keyword in lower case), into a temporary
directory, then runs `segquery check --fix --quiet DIR` on them in a separate
process, exactly as a user would. Prints the wall time, the files per second
and the time per file of each size; the time per file should stay about the
same as N grows.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import realistic_query  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def write_fixable_corpus(directory: Path, count: int) -> None:
    rng = random.Random(2026)
    for index in range(count):
        folder = directory / f"group{index % 50:02}"
        folder.mkdir(exist_ok=True)
        query = realistic_query(rng, index).replace("PROFILE(", "profile(", 1).replace("SEGMENT(", "segment(", 1)
        # Every reference names one of the files written (did-you-mean is not what is measured here).
        query = re.sub(r"segment_(\d+)", lambda match: f"segment_{int(match.group(1)) % count}", query)
        (folder / f"segment_{index}.segq").write_text(query + "\n", encoding="utf-8")


def run_fix(directory: Path, jobs: int) -> float:
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO),
                                                                          os.environ.get("PYTHONPATH")])))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "segquery", "check", "--fix", "--quiet", "--exit-zero",
                    "--output-format", "json", "--jobs", str(jobs), str(directory)],
                   env=environment, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(f"segquery check --fix, {args.jobs} worker process(es)")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temporary:
            directory = Path(temporary)
            write_fixable_corpus(directory, size)
            seconds = run_fix(directory, args.jobs)
        print(f"{size:>7,} files: {seconds:8.2f} s  {size / seconds:8.0f} files/s  "
              f"{1000 * seconds / size:6.2f} ms/file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
