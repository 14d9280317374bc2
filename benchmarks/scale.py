"""Growth with size: time and peak memory of `segquery deps --order` and of a full
`segquery check --no-cache` on layered workspaces of several sizes, and of the check of the
realistic 10,000-file corpus.

    python benchmarks/scale.py [--sizes 25000,50000,100000] [--check-up-to N] [--corpus-files 10000] [--jobs J]

Each workspace is written to a temporary directory as one `.segq` file per
segment (benchmarks/deps.py: a sixth profile queries, the others referencing
six segments of lower layers). Each command runs as a new process; its wall
time and peak resident memory (the largest of the process and its worker
processes, from `wait4`) are printed, with the growth from one size to the
next: time and memory ratios close to the size ratio mean linear growth.
`--check-up-to N` leaves out the checks of workspaces larger than N segments.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deps import generate  # noqa: E402
from lint_many import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def measure(directory: Path, *args: str) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of `segquery ARGS` run in `directory`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "segquery", *args], cwd=directory, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"segquery {' '.join(args)} failed with status {code}")
    return elapsed, usage.ru_maxrss / 1024      # Linux reports kilobytes


def write_workspace(directory: Path, count: int) -> None:
    for name, text in generate(count).items():
        folder = directory / f"layer{int(name[4:10]) * 6 // count}"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,50000,100000", help="comma-separated segment counts")
    parser.add_argument("--corpus-files", type=int, default=10_000, help="0: leave the realistic corpus out")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--check-up-to", type=int, default=None, help="check only workspaces this large or smaller")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    jobs = ("--jobs", str(args.jobs))
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as temporary:
        if args.corpus_files:
            corpus = Path(temporary) / "corpus"
            corpus.mkdir()
            write_corpus(corpus, args.corpus_files)
            rows.append(("check, realistic corpus", args.corpus_files,
                         *measure(corpus, "check", "--no-cache", "-q", ".", *jobs)))
        for size in sizes:
            directory = Path(temporary) / f"workspace{size}"
            directory.mkdir()
            write_workspace(directory, size)
            rows.append(("deps --order", size, *measure(directory, "deps", "--order", ".")))
            if args.check_up_to is None or size <= args.check_up_to:
                rows.append(("check, layered workspace", size,
                             *measure(directory, "check", "--no-cache", "-q", ".", *jobs)))
    print(f"CPUs: {os.cpu_count()}, jobs: {args.jobs}, load average: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'command':26} {'files':>8} {'seconds':>9} {'ms/file':>8} {'peak MiB':>9}   growth (size, time, memory)")
    previous: dict[str, tuple[int, float, float]] = {}
    for label, size, elapsed, peak in rows:
        growth = ""
        if label in previous:
            last_size, last_elapsed, last_peak = previous[label]
            growth = f"x{size / last_size:.1f}, x{elapsed / last_elapsed:.2f}, x{peak / last_peak:.2f}"
        previous[label] = (size, elapsed, peak)
        print(f"{label:26} {size:8} {elapsed:9.2f} {elapsed / size * 1000:8.3f} {peak:9.1f}   {growth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
