"""Text -> typed AST: the grammar, the parser and the tree.

The parser's names are imported on first use, so that a module of this
package (the codes, the tokens) can be imported without loading the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segquery.lazy_exports import lazy_exports

__all__ = ["ParseError", "ParseResult", "parse", "parse_file", "parse_tolerant"]

if TYPE_CHECKING:
    from segquery.syntax.parser import ParseError, ParseResult, parse, parse_file, parse_tolerant


__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "segquery.syntax.parser"))
