"""The outside tools every speed figure is set against, measured in the same run.

When installed (`pip install 'segquery[benchmark]'`): sqlfluff linting 200 of the
queries translated to SQL, and ruff checking 10,000 small Python files, each in
files per second of wall time, next to segquery's own rate as a ratio.
"""

from __future__ import annotations

import shutil
import sys
import subprocess
import tempfile
import time
from pathlib import Path


def sql_files(texts: list[str], count: int, folder: Path) -> int:
    """The first `count` queries that translate to SQL, one file each; how many were written."""
    from datetime import datetime, timezone

    from segquery.sql import compile_sql
    from segquery.syntax.parser import parse

    written = 0
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for text in texts:
        try:
            sql = compile_sql(parse(text), dialect="duckdb", now=now)
        except Exception:  # noqa: BLE001 - queries naming segments have no SQL without a workspace
            continue
        (folder / f"q{written}.sql").write_text(sql + "\n", encoding="utf-8")
        written += 1
        if written == count:
            break
    return written


def python_files(count: int, folder: Path) -> None:
    for index in range(count):
        (folder / f"m{index}.py").write_text(
            f'"""Module {index}."""\n\nimport os\n\n\ndef f{index}(x):\n    if x == {index}:\n'
            f'        return os.path.join("a", str(x))\n    return None\n', encoding="utf-8")


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - start


def tool_anchors(texts: list[str], rate: float, *, what: str = "parses", unit: str = "queries/s") -> None:
    """sqlfluff and ruff, when installed, against segquery's `rate` (`what` it does, in `unit`)."""
    sqlfluff, ruff = shutil.which("sqlfluff"), shutil.which("ruff")
    if not sqlfluff and not ruff:
        print("  sqlfluff, ruff: not installed (pip install 'segquery[benchmark]')")
        return
    with tempfile.TemporaryDirectory() as folder:
        if sqlfluff:
            sql = Path(folder) / "sql"
            sql.mkdir()
            count = sql_files(texts, 200, sql)
            seconds = wall([sqlfluff, "lint", "--dialect", "duckdb", "--processes", "1", "--nofail", str(sql)])
            print(f"  {'sqlfluff lint, ' + str(count) + ' SQL files':<30} {count / seconds:>11,.1f} files/s  "
                  f"(segquery {what} {rate / (count / seconds):,.1f}x as many {unit}; wall time)")
        if ruff:
            python = Path(folder) / "py"
            python.mkdir()
            python_files(10_000, python)
            seconds = wall([ruff, "check", "--no-cache", "--isolated", "--quiet", str(python)])
            ruff_rate = 10_000 / seconds
            print(f"  {'ruff check, 10,000 files':<30} {ruff_rate:>11,.0f} files/s  "
                  f"(segquery {what} {rate / ruff_rate:.2f}x as many {unit}; wall time)")


def corpus_texts(directory: Path, count: int = 2_000) -> list[str]:
    """The first `count` query files of a benchmark's corpus, read before the corpus is removed:
    sqlfluff's files are these queries translated by segquery.sql."""
    return [path.read_text(encoding="utf-8") for path in sorted(directory.rglob("*.segq"))[:count]]


def check_anchors(texts: list[str], files_per_second: float) -> None:
    """The anchors against a check of many files."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # segquery.sql, to translate the queries
    tool_anchors(texts, files_per_second, what="checks", unit="files/s")
