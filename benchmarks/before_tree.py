"""`--before TREE`: a benchmark measures another segquery checkout in the same run.

The script runs itself again with `--worker` in a child process whose `PYTHONPATH`
is the other tree, and reads what the worker prints as JSON. The edit benchmarks
(`edit_parse.py`, `rule_costs.py`) share their options here too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from lsp_latency import SHAPES


def run_worker(tree: Path, script: str, arguments: list[str]) -> Any:
    """What `script --worker arguments...` prints (JSON), run with `tree` on the path."""
    environment = dict(os.environ, PYTHONPATH=str(tree))
    completed = subprocess.run([sys.executable, "-P", script, "--worker", *arguments], env=environment,
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def edit_options(description: str | None, default_shape: str) -> argparse.ArgumentParser:
    """The options of a benchmark of edits of a large document: its shape, its lines, the edits, the tree before."""
    options = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--shape", choices=sorted(SHAPES), default=default_shape)
    options.add_argument("--lines", type=int, default=2_000, help="lines of the edited document")
    options.add_argument("--edits", type=int, default=40, help="edits made (half type a letter, half replace it)")
    options.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    options.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    return options
