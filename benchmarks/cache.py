"""The check cache: `segquery check DIR` without the cache, writing it, and reading it, in one run.

    python benchmarks/cache.py [--files N] [--jobs J] [--profile]

Writes N realistic one-query files (benchmarks/corpus.py; 10,000 by default)
into a temporary directory, then runs the command line exactly as a user
does (`python -m segquery check DIR -q`, its output captured), three times:

- cold, `--no-cache`: every file checked, nothing recorded;
- cold, writing the cache (after `segquery clean`);
- warm: nothing changed, every result read from the cache.

Prints the wall time and files per second of each, and exits 1 if the three
runs do not print exactly the same findings. `--profile` also prints the 25
most expensive functions of the warm run (cProfile, in this process).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lint_many import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run(directory: Path, *args: str) -> tuple[float, bytes]:
    """Wall time and standard output of one `segquery` command run in `directory`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SEGQUERY_NO_CACHE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "segquery", *args], cwd=directory, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"segquery {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed, done.stdout


def profile_warm(directory: Path) -> None:
    """The warm run in this process, under cProfile."""
    from segquery.check_options import CheckOptions
    from segquery.checking import check_paths

    previous = os.getcwd()
    os.chdir(directory)
    try:
        profiler = cProfile.Profile()
        profiler.enable()
        check_paths(["."], options=CheckOptions(cache=True))
        profiler.disable()
    finally:
        os.chdir(previous)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    check = ("check", ".", "-q", "--jobs", str(args.jobs))
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        write_corpus(directory, args.files)
        uncached_time, uncached = run(directory, *check, "--no-cache")
        run(directory, "clean")
        writing_time, writing = run(directory, *check)
        warm_time, warm = run(directory, *check)
        cache_size = sum(path.stat().st_size for path in (directory / ".segquery_cache").rglob("*") if path.is_file())
        if args.profile:
            profile_warm(directory)
    print(f"files: {args.files}, jobs: {args.jobs}, CPUs: {os.cpu_count()}, cache: {cache_size / 1e6:.1f} MB")
    for label, elapsed in (("cold, --no-cache", uncached_time), ("cold, writing the cache", writing_time),
                           ("warm, reading the cache", warm_time)):
        print(f"{label:25} {elapsed:8.2f} s  {args.files / elapsed:10.0f} files/s")
    if not uncached == writing == warm:
        print("the runs printed different findings", file=sys.stderr)
        return 1
    lines = uncached.count(b"\n")
    print(f"same findings in all three runs ({lines} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
