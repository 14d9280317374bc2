"""Start-up: how long `segquery check one.segq` takes as a new process, min and median of N runs.

    python benchmarks/startup.py [--runs N] [--before TREE] [--venv VENV] [--venv-before VENV]

Writes one small query file into a temporary directory and runs, N times
each and interleaved (so that a busy machine slows every command alike):

- `python -c pass`: the interpreter alone, the floor;
- `python -c "import segquery.engine"`: the imports a check needs;
- `segquery check --no-cache one.segq`: a cold check;
- `segquery check one.segq`: a check that finds its result in the cache.

With `--before TREE` (another checkout of segquery, e.g. made with
`git archive main | tar -x -C TREE`), the import and the check are also run
from that tree in the same loop, for a before/after comparison. With `--venv`
(and `--venv-before`), a virtual environment where segquery is installed by pip
(`python3.11 -m venv V && V/bin/pip install TREE`), its interpreter and its
`segquery` command run in the same loop too: what a user's installation takes,
without the site-wide .pth files a development machine may run at each start.

Prints the minimum and the median of each in milliseconds, and the least
processor time (user and system) of each, which a busy machine changes far
less than the wall time. The target for a cold check is 150 ms.
`python -X importtime -m segquery check one.segq` shows where the import
time goes. Both trees are byte-compiled first, as an installed segquery is
(see bytecode.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_tree

ROOT = Path(__file__).resolve().parents[1]
QUERY = "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--before", type=Path, help="another segquery tree to time in the same run")
    parser.add_argument("--venv", type=Path, help="a virtual environment with segquery installed")
    parser.add_argument("--venv-before", type=Path, help="another one, to compare with")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SEGQUERY_NO_CACHE", None)
    commands = {
        "python -c pass": (env, ["-c", "pass"]),
        "import segquery.engine": (env, ["-c", "import segquery.engine"]),
        "check --no-cache one.segq": (env, ["-m", "segquery", "check", "--no-cache", "one.segq"]),
        "check one.segq (cached)": (env, ["-m", "segquery", "check", "one.segq"]),
    }
    if args.before is not None:
        before = {**env, "PYTHONPATH": str(args.before.resolve())}
        commands["before: import segquery.engine"] = (before, ["-c", "import segquery.engine"])
        commands["before: check --no-cache one.segq"] = (before, ["-m", "segquery", "check", "--no-cache",
                                                                   "one.segq"])
        commands["before: check one.segq (cached)"] = (before, ["-m", "segquery", "check", "one.segq"])
    installed = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SEGQUERY_NO_CACHE")}
    for label, venv in (("venv", args.venv), ("venv before", args.venv_before)):
        if venv is not None:
            commands[f"{label}: python -c pass"] = (installed, [str(venv / "bin" / "python"), "-c", "pass"])
            commands[f"{label}: check --no-cache"] = (installed, [str(venv / "bin" / "segquery"), "check",
                                                                   "--no-cache", "one.segq"])
            commands[f"{label}: check (cached)"] = (installed, [str(venv / "bin" / "segquery"), "check",
                                                                 "one.segq"])
    for tree in (ROOT, args.before):
        if tree is not None:
            compile_tree(tree)
    times: dict[str, list[float]] = {label: [] for label in commands}
    processor: dict[str, list[float]] = {label: [] for label in commands}
    with tempfile.TemporaryDirectory() as temporary:
        Path(temporary, "one.segq").write_text(QUERY, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "segquery", "check", "one.segq"], cwd=temporary, env=env,
                       capture_output=True, check=True)   # fills the cache
        for command_env, command in commands.values():   # every tree's cache too (its version may differ)
            if command[-1] == "one.segq" and "--no-cache" not in command:
                subprocess.run(_argv(command), cwd=temporary, env=command_env, capture_output=True)
        for _ in range(args.runs):
            for label, (command_env, command) in commands.items():
                start = time.perf_counter()
                child = subprocess.Popen(_argv(command), cwd=temporary, env=command_env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                usage = os.wait4(child.pid, 0)[2]
                times[label].append((time.perf_counter() - start) * 1000)
                processor[label].append((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"{args.runs} runs each, CPUs: {os.cpu_count()}, load average: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, values in times.items():
        print(f"{label:38} min {min(values):7.1f} ms   median {statistics.median(values):7.1f} ms   "
              f"processor min {min(processor[label]):7.1f} ms")
    return 0


def _argv(command: list[str]) -> list[str]:
    """A command of the table as run: an installed program as it is, the rest with this interpreter."""
    return command if Path(command[0]).is_absolute() else [sys.executable, *command]


if __name__ == "__main__":
    sys.exit(main())
