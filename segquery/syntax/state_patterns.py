r"""The patterns of the lean LALR driver's lexer: lark's contextual lexer, with white space
skipped inside the regular expression.

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

from segquery.syntax.first_characters import first_characters


def state_pattern(order: list[tuple[str, str]], ignored: frozenset[str], callbacks: set[str], flags: int) -> str:
    """The pattern of one parser state: `order` is lark's terminals for the state, in lark's
    order, as (name, regular expression); `callbacks` the terminals whose matches go through
    a callback (which are never skipped)."""
    skip = "|".join(f"(?:{regexp})" for name, regexp in _skippable(order, ignored, callbacks, flags))
    tokens = "|".join(_by_first_character(order, flags))
    return f"(?:{skip})*+(?:{tokens}|\\Z)" if skip else tokens


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
