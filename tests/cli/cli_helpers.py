"""Shared by the command tests: run `segquery` in-process, write a file with its folders."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from segquery.cli import main


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
