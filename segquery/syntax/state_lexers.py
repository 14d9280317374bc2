"""The lexer of the lean LALR driver: per parser state, its pattern (made by
segquery/syntax/state_patterns.py, white space skipped inside it) compiled on first use."""

from __future__ import annotations

import re
from typing import Any, Callable

from segquery.syntax.parse_tables import ParseTables


class Unsupported(Exception):
    """The grammar or transformer uses a lark feature the driver does not run."""


# Per parser state: its pattern's `match`, and the retyping lark applies after a match (a
# string terminal that a pattern terminal also matches, such as `-` as SUB, not ADD_OP).
StateLexer = tuple[Callable[[str, int], Any], dict[str, Callable[[str], Any]]]


class StateLexers:
    """Per parser state, its `StateLexer`, compiled on first use (a check of a small text
    reaches a few of the states). `table` holds those built: a plain dict, which the
    interpreter indexes fastest."""

    def __init__(self, tables: ParseTables) -> None:
        self._tables = tables
        self._by_lexer: dict[int, StateLexer] = {}
        self.table: dict[int, StateLexer] = {}

    def __getitem__(self, state: int) -> StateLexer:
        entry = self.table.get(state)
        if entry is None:
            index = self._tables.state_lexers[state]
            entry = self._by_lexer.get(index)  # lark shares one lexer between states that accept the same
            if entry is None:
                entry = self._by_lexer[index] = self._compile(index)
            self.table[state] = entry
        return entry

    def _compile(self, index: int) -> StateLexer:
        lexer = self._tables.lexers[index]
        if lexer is None:
            raise Unsupported(f"the lexer of a parser state ({index})")
        pattern, retypes = lexer
        flags = self._tables.flags
        retype = {type_: _retyping(re.compile(strings, flags).fullmatch) for type_, strings in retypes}
        return re.compile(pattern, flags).match, retype


def _retyping(fullmatch: Callable[[str], re.Match[str] | None]) -> Callable[[str], str | None]:
    """The string terminal a whole token is, or None (lark's UnlessCallback)."""
    def retype(value: str) -> str | None:
        found = fullmatch(value)
        return found.lastgroup if found is not None else None

    return retype
