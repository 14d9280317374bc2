"""Byte-compile the trees a benchmark starts processes from, as `pip install` does.

An installed segquery has its modules compiled at install time. A tree on
PYTHONPATH gets its `__pycache__` on first import, unless the environment says
not to write bytecode (PYTHONDONTWRITEBYTECODE): then every new process
compiles each module from source again (about 170 ms for a check's modules on
a 2-CPU machine), and a start-up figure measures the compiler, not segquery.
"""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_tree(root: Path) -> None:
    """Write the bytecode of `root`'s segquery package (quietly; already compiled files stay)."""
    compileall.compile_dir(str(root / "segquery"), quiet=1)
