"""Colour for the text output, as ruff shows it: the path in bold, the code
and the caret in the severity's colour, fix hints dimmed; in diffs, removed
lines red and added lines green.

Whether to colour: `--color always|never` decides; with `auto` (the
default) `NO_COLOR` (non-empty) turns colour off, `FORCE_COLOR` (non-empty)
turns it on, and otherwise colour is used on a terminal only.
"""

from __future__ import annotations

import os
from typing import IO, Mapping

from segquery.diagnostics import Severity
from segquery.fast_dataclass import dataclass

COLOR_CHOICES = ("auto", "always", "never")

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RED = "\x1b[31m"
_GREEN = "\x1b[32m"
_CYAN = "\x1b[36m"
_BOLD_BLUE = "\x1b[1;34m"
_SEVERITY_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m",
                    Severity.HINT: "\x1b[1;34m"}


def color_enabled(choice: str, stream: IO[str] | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether output to `stream` is coloured, for a `--color` choice."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@dataclass(frozen=True)
class Style:
    """Wraps pieces of the text output in escape codes, or leaves them as they are."""

    enabled: bool = False

    def _wrap(self, codes: str, text: str) -> str:
        return f"{codes}{text}{_RESET}" if self.enabled and text else text

    def path(self, text: str) -> str:
        return self._wrap(_BOLD, text)

    def punctuation(self, text: str) -> str:
        return self._wrap(_CYAN, text)

    def severity(self, severity: Severity, text: str) -> str:
        return self._wrap(_SEVERITY_COLORS[severity], text)

    def gutter(self, text: str) -> str:
        return self._wrap(_BOLD_BLUE, text)

    def dim(self, text: str) -> str:
        return self._wrap(_DIM, text)

    def removed(self, text: str) -> str:
        return self._wrap(_RED, text)

    def added(self, text: str) -> str:
        return self._wrap(_GREEN, text)


PLAIN = Style(False)
