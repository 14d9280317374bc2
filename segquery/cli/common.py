"""Helpers shared by commands: reading `-` from standard input."""

from __future__ import annotations

import sys

STDIN = "-"


def read_stdin() -> str:
    data = sys.stdin.buffer.read()
    return data.decode("utf-8-sig", errors="replace")
