"""Unified diffs of a file's text, to show what a pull would change before it changes it."""

from __future__ import annotations

import difflib


def text_diff(old: str, new: str, name: str) -> str:
    """`--- a/name` / `+++ b/name` hunks; empty when the texts are equal."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))
