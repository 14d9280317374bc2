"""FileReport: everything one check found in one file, as the outputs print it."""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import TYPE_CHECKING

from segquery.diagnostics import Diagnostic
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText

if TYPE_CHECKING:
    from segquery.files import Stored
    from segquery.lint.suppression import FileDirectives
    from segquery.syntax import ast
    from segquery.workspace.shapes import CheckedShape


@dataclass
class FileReport:
    """Everything found in one file (after fixes, when fixes were asked for)."""

    path: str | None
    source: SourceText
    diagnostics: list[Diagnostic] = field(default_factory=list)
    query: ast.Query | None = None       # None when the text did not parse, or it was checked in a worker
    kind: str | None = None
    original: str | None = None          # the text before fixes, when fixes changed it
    fixed: Counter = field(default_factory=Counter)   # code -> fixes applied
    fix_problem: str | None = None
    directives: FileDirectives | None = field(default=None, repr=False)
    stored: Stored | None = None          # how the file was stored, to write fixes back (None: not from a file)
    # For the workspace: the dialect a query file was read in, and what its profile type depends on.
    shape: CheckedShape | None = field(default=None, repr=False)

    @property
    def changed(self) -> bool:
        return self.original is not None and self.original != self.source.text
