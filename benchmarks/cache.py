"""The check cache: `segquery check DIR` without the cache, writing it, and reading it, in one run.

    python benchmarks/cache.py [--files N] [--jobs J] [--profile] [--before TREE] [--no-tools]

Writes N realistic one-query files (benchmarks/corpus.py; 10,000 by default)
into a temporary directory, then runs the command line exactly as a user
does (`python -m segquery check DIR -q`, its output captured), three times:

- cold, `--no-cache`: every file checked, nothing recorded;
- cold, writing the cache (after `segquery clean`);
- warm: nothing changed, every result read from the cache.

Prints the wall time and files per second of each, beside `python -c pass`
(the interpreter alone) and the processor time of the cold and warm runs, and
exits 1 if the runs do not print exactly the same findings. With `--before TREE`
(another checkout), that tree's cold run without the cache and its warm run
are timed too, the cold runs one after the other (each tree's best of two),
the warm one reading the same cache. `--profile` also prints the 25 most
expensive functions of the warm run (cProfile, in this process). The anchors of
benchmarks/anchors.py (sqlfluff and ruff, when installed) are printed against the
cold run's files per second.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from anchors import check_anchors, corpus_texts  # noqa: E402
from bytecode import compile_tree  # noqa: E402
from lint_many import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run(directory: Path, *args: str, tree: Path = ROOT) -> tuple[float, bytes]:
    """Wall time and standard output of one `segquery` command run in `directory`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("SEGQUERY_NO_CACHE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "segquery", *args], cwd=directory, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"segquery {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed, done.stdout


def processor_time(directory: Path, *args: str, tree: Path = ROOT) -> float:
    """User and system seconds of one `segquery` command (the machine's load does not count)."""
    return timed_run(directory, *args, tree=tree)[1]


def timed_run(directory: Path, *args: str, tree: Path = ROOT) -> tuple[float, float, bytes]:
    """Wall time, processor time (the command's and its workers') and standard output of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed, output = run(directory, *args, tree=tree)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), output


def timed_pass() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


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
    parser.add_argument("--before", type=Path, help="another segquery tree whose cold and warm runs are timed too")
    parser.add_argument("--no-tools", action="store_true", help="skip the sqlfluff and ruff anchors")
    args = parser.parse_args()
    check = ("check", ".", "-q", "--jobs", str(args.jobs))
    for tree in (ROOT, args.before):
        if tree is not None:
            compile_tree(tree)   # as installed: each process would otherwise compile every module
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        write_corpus(directory, args.files)
        cold: dict[str, list[tuple[float, float, bytes]]] = {"": [], "before: ": []}
        for _ in range(2):   # the trees in turn, so that both see the same load
            cold[""].append(timed_run(directory, *check, "--no-cache"))
            if args.before:
                cold["before: "].append(timed_run(directory, *check, "--no-cache", tree=args.before.resolve()))
        uncached_time, _, uncached = min(cold[""])   # the best of two
        run(directory, "clean")
        writing_time, writing = run(directory, *check)
        warm_time, warm = run(directory, *check)
        floor_time = min(timed_pass() for _ in range(3))
        warm_times = [run(directory, *check)[0] for _ in range(4)] + [warm_time]
        warm_cpu = processor_time(directory, *check)
        floor_cpu = processor_time(directory, "--version")
        before = [run(directory, *check, tree=args.before.resolve()) for _ in range(3)] if args.before else []
        cache_size = sum(path.stat().st_size for path in (directory / ".segquery_cache").rglob("*") if path.is_file())
        if args.profile:
            profile_warm(directory)
        texts = corpus_texts(directory)
    print(f"files: {args.files}, jobs: {args.jobs}, CPUs: {os.cpu_count()}, cache: {cache_size / 1e6:.1f} MB")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, elapsed in (("cold, --no-cache", uncached_time), ("cold, writing the cache", writing_time),
                           ("warm, reading the cache", min(warm_times))):
        print(f"{label:25} {elapsed:8.2f} s  {args.files / elapsed:10.0f} files/s")
    for prefix, runs in cold.items():
        for elapsed, cpu, _ in runs:
            print(f"{prefix + 'cold, --no-cache':25} {elapsed:8.2f} s  processor {cpu:.2f} s")
    print(f"{'warm, median of 5':25} {sorted(warm_times)[2]:8.2f} s")
    if before:
        print(f"{'before: warm':25} {min(elapsed for elapsed, _ in before):8.2f} s  (best of 3)")
    print(f"{'python -c pass':25} {floor_time:8.2f} s  (best of 3: the interpreter alone)")
    print(f"warm run: {warm_cpu:.2f} s of processor time; `segquery --version`: {floor_cpu:.2f} s")
    if not args.no_tools:
        print("anchors, against the cold run without the cache:")
        check_anchors(texts, args.files / uncached_time)
    outputs = [uncached, writing, *(output for runs in cold.values() for *_, output in runs),
               *(output for _, output in before)]
    if any(output != warm for output in outputs):
        print("the runs printed different findings", file=sys.stderr)
        return 1
    lines = uncached.count(b"\n")
    print(f"same findings in every run ({lines} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
