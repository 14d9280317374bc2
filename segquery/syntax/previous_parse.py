"""What the parser keeps of the last text of a path that parsed, for the next edit of it.

A module of its own so that the parser can keep it without importing the edited-unit
parse (segquery/syntax/edited.py), which needs lark: a text that parses cleanly and has
no earlier version never loads lark."""

from __future__ import annotations

from segquery.diagnostics import Diagnostic
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText
from segquery.syntax import ast


@dataclass(frozen=True)
class PreviousParse:
    """The last text of a path that parsed into a tree, what the parse gave, and whether the text
    parsed without a lexical or grammar error (then its raw text is what the parser read; a tree
    may also come from a text the scanner mended, such as `Name = query`)."""

    source: SourceText
    tree: ast.Query
    diagnostics: tuple[Diagnostic, ...]
    clean: bool
