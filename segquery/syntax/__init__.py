"""Text -> typed AST: the grammar, the parser and the tree.

The parser's names are imported on first use, so that a module of this
package (the codes, the tokens) can be imported without loading the parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["ParseError", "ParseResult", "parse", "parse_file", "parse_tolerant"]

if TYPE_CHECKING:
    from segquery.syntax.parser import ParseError, ParseResult, parse, parse_file, parse_tolerant


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("segquery.syntax.parser"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
