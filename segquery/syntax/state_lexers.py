r"""The lexer of the lean LALR driver: lark's contextual lexer, with white space skipped
inside the regular expression.

lark's contextual lexer has a pattern per parser state: the alternation, in lark's order,
of the terminals the state accepts and the ignored ones; each run of white space costs
the loop one match and one step. Here each state's pattern is

    (?:WHITESPACE)*+ (?: (?=[A-Za-z_&|])(?:(?P<UNION>...)|...|(?P<NAME>...)) | (?=[0-9])(?P<NUMBER>...) | ... | \Z)

which gives the same tokens: an ignored terminal without a callback is skipped in front
only when no terminal lark tries before it can start with a character it starts with
(proved from the patterns by segquery/syntax/first_characters.py), so wherever it matches
it is what lark's pattern would take; and the alternation is split by first character
(see `_by_first_character`), which keeps lark's choice and lets the regular expression
engine skip the parts that cannot match. Comments (which have a callback) stay tokens.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from lark.lexer import UnlessCallback, _create_unless

from segquery.syntax.first_characters import first_characters


class Unsupported(Exception):
    """The grammar or transformer uses a lark feature the driver does not run."""


# Per parser state: its pattern's `match`, and the retyping lark applies after a match (a
# string terminal that a pattern terminal also matches, such as `-` as SUB, not ADD_OP).
StateLexer = tuple[Callable[[str, int], Any], dict[str, Callable[[str], Any]]]


def _by_first_character(order: list[tuple[str, str]], flags: int) -> list[str]:
    """The alternation of `order`, split in parts whose terminals cannot start with the same
    character, each behind a test of its first character: where a part's test passes, no
    other part can match, and inside a part lark's order stands, so the first alternative
    that matches is the one lark's order gives; the regular expression engine tries a few
    character tests instead of every terminal in turn. Terminals whose first characters
    are unknown share one part with everything (the plain alternation)."""
    parts: list[tuple[set[str] | None, list[tuple[str, str]]]] = []
    for name, regexp in order:
        starts = first_characters(regexp, flags)
        joined = [part for part in parts if starts is None or part[0] is None or part[0] & starts]
        merged_starts: set[str] | None = None if starts is None else set(starts)
        merged: list[tuple[str, str]] = []
        for part in joined:
            parts.remove(part)
            merged_starts = None if merged_starts is None or part[0] is None else merged_starts | part[0]
            merged += part[1]
        merged = sorted(merged + [(name, regexp)], key=order.index)
        parts.append((merged_starts, merged))
    alternatives = []
    for characters, members in sorted(parts, key=lambda part: order.index(part[1][0])):  # keywords, names first
        alternation = "|".join(f"(?P<{name}>{regexp})" for name, regexp in members)
        if characters is None or len(parts) == 1:
            alternatives.append(alternation)
        else:
            test = "".join(re.escape(character) for character in sorted(characters))
            alternatives.append(f"(?=[{test}])(?:{alternation})")
    return alternatives


class StateLexers:
    """Per parser state, its `StateLexer`, built on first use, as lark builds its patterns.
    `table` holds those built: a plain dict, which the interpreter indexes fastest."""

    def __init__(self, contextual, g_regex_flags: int) -> None:
        self._contextual = contextual
        self._flags = g_regex_flags
        self._by_lexer: dict[int, StateLexer] = {}
        self.table: dict[int, StateLexer] = {}

    def __getitem__(self, state: int) -> StateLexer:
        entry = self.table.get(state)
        if entry is None:
            lexer = self._contextual.lexers[state]
            entry = self._by_lexer.get(id(lexer))  # lark shares one lexer between states that accept the same
            if entry is None:
                entry = self._by_lexer[id(lexer)] = self._build(lexer)
            self.table[state] = entry
        return entry

    def _build(self, lexer) -> StateLexer:
        # lark's own split of the terminals (strings a pattern terminal also matches become its
        # retyping), without compiling lark's pattern for the state: only lark's path needs it.
        if lexer.use_bytes or lexer.re is not re:
            raise Unsupported("bytes or the regex module")
        terminals, unless = _create_unless(lexer.terminals, lexer.g_regex_flags, lexer.re, lexer.use_bytes)
        for type_ in lexer.user_callbacks:
            if type_ not in lexer.ignore_types or type_ in unless:
                raise Unsupported(f"a lexer callback on the token {type_}")
        retype: dict[str, Callable[[str], Any]] = {}
        for type_, callback in unless.items():
            if not isinstance(callback, UnlessCallback):
                raise Unsupported(f"a lexer callback on the token {type_}")
            retype[type_] = callback.scanner.fullmatch
        order = [(terminal.name, terminal.pattern.to_regexp()) for terminal in terminals]
        callbacks = set(unless) | set(lexer.user_callbacks)
        skip = "|".join(f"(?:{regexp})" for name, regexp in _skippable(order, lexer.ignore_types, callbacks,
                                                                         self._flags))
        tokens = "|".join(_by_first_character(order, self._flags))
        pattern = f"(?:{skip})*+(?:{tokens}|\\Z)" if skip else tokens
        match: Callable[[str, int], Any] = re.compile(pattern, self._flags).match
        return match, retype


def _skippable(order: list[tuple[str, str]], ignored: frozenset[str], callbacks: set[str],
               flags: int) -> list[tuple[str, str]]:
    """The ignored terminals without a callback that are the pattern's first choice wherever
    they match: no terminal lark tries before one can start with a character it starts with."""
    skippable = []
    for index, (name, regexp) in enumerate(order):
        if name not in ignored or name in callbacks:
            continue
        starts = first_characters(regexp, flags)
        if starts is not None and all((other := first_characters(earlier, flags)) is not None and not other & starts
                                      for _, earlier in order[:index]):
            skippable.append((name, regexp))
    return skippable
