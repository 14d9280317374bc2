"""Unified diffs of a file's text, to show what a pull would change before it changes it."""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def text_diff(old: str, new: str, name: str) -> str:
    """`--- a/name` / `+++ b/name` hunks, git's marker after a last line without a line break;
    empty when the texts are equal."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)
