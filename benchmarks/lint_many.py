"""Checking many files: one process, two worker processes, and one per CPU, without the cache.

    python benchmarks/lint_many.py [--files N] [--before TREE] [--stages] [--critical-path] [--no-tools]

Writes N realistic query files (benchmarks/corpus.py; 10,000 by default) into
a temporary directory (named `segment_<n>`, so that the SEGMENT references of
the corpus resolve when N is 10,000), then, in the same run, checks them all with
`check_paths` with `--jobs` 1, 2 and one per CPU (`auto`), exactly as
`segquery check --no-cache DIR` does: parse, validate, lint, workspace and
suppression. Each run is a new process (`python -c`), so that none inherits
another's warm state. Prints the wall time and files per second of each run,
and exits 1 if the runs disagree on any finding. The anchors of benchmarks/anchors.py
(sqlfluff and ruff, when installed) are printed against the `auto` run's files per second.

With `--before TREE` (another checkout, e.g. `git archive main | tar -x -C TREE`),
the same runs are made with that tree in the same loop. Each run's processor
time (its own and its workers') is printed beside its wall time: on a busy
machine it is the figure to compare; so is the main process's own, which,
with workers, is mostly the serial part of the run (the workspace, after
the workers). With `--critical-path`, a run with one worker per CPU is cut
into parts (start-up, checking, the rest of the workspace's reading, its
findings, suppression) with the wall and processor time of each in the main
process. With `--stages`, the
per-file cost of each stage (reading, parsing, validating, linting, the
workspace, suppression, and what a worker sends back) is measured on the whole
corpus in one process, as processor time (each stage's function timed).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from anchors import check_anchors, corpus_texts  # noqa: E402
from bytecode import compile_tree  # noqa: E402
from corpus import realistic_query  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Run in a new process: the findings as (path, [sort keys]) are printed for comparison.
RUN = """
import sys
try:
    from segquery.checking import check_paths
except ImportError:                     # a tree from before segquery.checking
    from segquery.engine import check_paths
from segquery.engine import CheckOptions
reports = check_paths([sys.argv[1]], options=CheckOptions(jobs=int(sys.argv[2])))
print(repr([(r.path, [d.sort_key() for d in r.diagnostics]) for r in reports]))
import resource
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, file=sys.stderr)   # the main process alone: with workers, its serial part
"""
# Run in a new process: the main process's wall and processor time in each part of a run with one worker
# per CPU (the engine's and the projects' functions wrapped; both trees have them), printed as JSON.
CRITICAL_PATH = """
import json, sys, time
start = (time.perf_counter(), time.process_time())
marks = []
import segquery.engine as engine, segquery.projects as projects
from segquery.checking import check_paths
from segquery.check_options import CheckOptions

def mark(label):
    marks.append((label, time.perf_counter(), time.process_time()))

def marked(function, before, after):
    def run(*args, **options):
        mark(before)
        result = function(*args, **options)
        mark(after)
        return result
    return run

engine.check_files = marked(engine.check_files, "start-up, walk, settings", "checking (workers)")
projects.workspace_diagnostics = marked(projects.workspace_diagnostics, "workspace: rest of reading, resolving",
                                        "workspace: findings")
check_paths([sys.argv[1]], options=CheckOptions())
mark("suppression, selection, severity")
rows, (wall, cpu) = [], start
for label, now, processor in marks:
    rows.append((label, now - wall, processor - cpu))
    wall, cpu = now, processor
print(json.dumps(rows))
"""
# The per-file stages of the engine, by the name the engine calls each by.
STAGES = (
    ("read_text", "read (I/O, decode, hash)"),
    ("read_directives", "directives"),
    ("parse_tolerant", "parse"),
    ("validate", "validate"),
    ("lint", "lint"),
    ("_shape", "shape for the workspace"),
)


def critical_path(trees: list[tuple[str, Path]], directory: Path) -> None:
    """Where the main process's time goes in a run with one worker per CPU, by part, for each tree."""
    print("\nthe main process by part of a run (--jobs auto; wall and the main process's own processor time):")
    for prefix, tree in trees:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        done = subprocess.run([sys.executable, "-c", CRITICAL_PATH, str(directory)], cwd=directory, env=env,
                              capture_output=True, text=True, check=True)
        for label, wall, processor in json.loads(done.stdout):
            print(f"  {prefix + label:46} {wall:6.2f} s  processor {processor:5.2f} s")


def write_corpus(directory: Path, count: int) -> None:
    rng = random.Random(2026)
    for index in range(count):
        folder = directory / f"group{index % 50:02}"
        folder.mkdir(exist_ok=True)
        # The corpus's compound queries refer to `segment_<n>` for n below 10,000.
        (folder / f"segment_{index}.segq").write_text(realistic_query(rng, index) + "\n", encoding="utf-8")


def timed(tree: Path, directory: Path, jobs: int) -> tuple[float, float, float, str]:
    """Wall seconds, processor seconds (of the process and its workers, and of the main process alone)
    and the findings of one run."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # In the corpus's directory: `python -c` puts the current directory first on the path, before PYTHONPATH,
    # so that run from a checkout, it would import that checkout's segquery whatever the tree.
    done = subprocess.run([sys.executable, "-c", RUN, str(directory), str(jobs)], cwd=directory, env=env,
                          capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, processor, float(done.stderr.split()[-1]), done.stdout


def stages(directory: Path) -> None:
    """The processor time per file of each stage, in one process (each stage's function timed)."""
    import segquery.engine as engine
    from segquery.check_options import CheckOptions
    from segquery.check_settings import SettingsResolver
    from segquery.paths import DEFAULT_RULES
    from segquery.projects import Projects, workspace_diagnostics

    clock = time.process_time
    spent = dict.fromkeys((label for _, label in STAGES), 0.0)

    def timed(function, label):
        def run(*args, **options):
            start = clock()
            try:
                return function(*args, **options)
            finally:
                spent[label] += clock() - start
        return run

    for name, label in STAGES:
        setattr(engine, name, timed(getattr(engine, name), label))
    paths = sorted(str(path) for path in directory.rglob("*.segq"))
    resolver = SettingsResolver(CheckOptions(jobs=1))
    for path in paths[:50]:                      # the first calls build the parser's tables
        engine.check_file(path, resolver.for_file(path))
    spent = dict.fromkeys(spent, 0.0)
    start = clock()
    reports = [engine.check_file(path, resolver.for_file(path)) for path in paths]
    checked = clock()
    projects = Projects(resolver, DEFAULT_RULES, searched=[directory])
    workspaces = projects.workspaces(paths, reports)
    built = clock()
    extra = workspace_diagnostics(workspaces, reports)
    found = clock()
    for report in reports:
        engine.finalize(report, resolver.for_file(report.path, load_schema=False), extra.get(report.path, ()))
    finalized = clock()
    for report in reports:
        report.query = None
    sent = pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.loads(sent)
    ipc = clock() - finalized
    count = len(paths)
    rows = [*spent.items(), ("per-file checking in all", checked - start), ("workspace: read and index", built - checked),
            ("workspace: findings", found - built), ("suppression, selection, severity", finalized - found),
            (f"IPC: a report pickled and unpickled ({len(sent) / count:.0f} bytes)", ipc),
            ("total", finalized - start + ipc)]
    print(f"\nprocessor time per file, one process, {count} files:")
    for label, seconds in rows:
        print(f"  {label:52} {seconds / count * 1000:6.3f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--before", type=Path, help="another segquery tree to time in the same run")
    parser.add_argument("--stages", action="store_true", help="also print the per-file cost of each stage")
    parser.add_argument("--critical-path", action="store_true",
                        help="also print where the main process's time goes in a run with workers, by part")
    parser.add_argument("--no-tools", action="store_true", help="skip the sqlfluff and ruff anchors")
    args = parser.parse_args()
    trees = [("", ROOT)] + ([("before: ", args.before.resolve())] if args.before else [])
    for _, tree in trees:
        compile_tree(tree)   # as installed: each process would otherwise compile every module
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary) / "corpus"
        directory.mkdir()
        write_corpus(directory, args.files)
        results = []
        for jobs, label in ((1, "--jobs 1"), (2, "--jobs 2"), (cpus, f"--jobs auto ({cpus})")):
            for prefix, tree in trees:
                elapsed, processor, main_process, findings = timed(tree, directory, jobs)
                results.append((f"{prefix}{label}", elapsed, processor, main_process, findings))
        print(f"files: {args.files}, CPUs: {cpus}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for label, elapsed, processor, main_process, _ in results:
            print(f"{label:28} {elapsed:8.2f} s  {args.files / elapsed:8.0f} files/s  "
                  f"processor {processor:7.2f} s ({processor / args.files * 1000:.2f} ms per file), "
                  f"main process {main_process:5.2f} s")
        if not args.no_tools:
            auto = next(elapsed for label, elapsed, *_ in results if label == f"--jobs auto ({cpus})")
            print(f"anchors, against --jobs auto ({cpus}):")
            check_anchors(corpus_texts(directory), args.files / auto)
        if args.critical_path:
            critical_path(trees, directory)
        if args.stages:
            sys.path.insert(0, str(ROOT))
            stages(directory)
    if len({findings for *_, findings in results}) != 1:
        print("the runs reported different findings", file=sys.stderr)
        return 1
    print("same findings in every run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
