"""Text -> typed AST: the grammar, the parser and the tree."""

from segquery.syntax.parser import ParseError, ParseResult, parse, parse_file, parse_tolerant

__all__ = ["ParseError", "ParseResult", "parse", "parse_file", "parse_tolerant"]
