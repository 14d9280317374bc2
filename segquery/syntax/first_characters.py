"""The characters a regular expression's matches can start with, read from its parse.

The driver's master pattern skips white space inside the regular expression; that is
exact only when no terminal lark tries before WHITESPACE can start where white space
starts, which this proves from the terminals' patterns (see `_skippable` in segquery/syntax/state_patterns.py).
The answer errs one way only: a set that may be too large, or None (any character)
for whatever it does not read.
"""

from __future__ import annotations

import functools
import re
from typing import Any

try:  # Python 3.11 renamed the modules the `re` package is made of
    import re._constants as constants  # type: ignore[import-not-found,unused-ignore]
    import re._parser as parser  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse as parser  # type: ignore[no-redef,unused-ignore]

# Ranges wider than this are read as "any character" (the answer stays small).
_WIDEST_RANGE = 512
_ZERO_WIDTH = {constants.AT, constants.ASSERT, constants.ASSERT_NOT}
_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)}


@functools.lru_cache(maxsize=1024)  # the same terminals come back in every parser state
def first_characters(regexp: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of `regexp` can start with (a superset), or None when unknown."""
    try:
        parsed = parser.parse(regexp, flags)
    except (re.error, constants.error, RecursionError):
        return None
    found, _ = _sequence(parsed.data, parsed.state.flags)
    return None if found is None else frozenset(found)


def _sequence(items: Any, flags: int) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of items, and whether it can match the empty text."""
    found: set[str] = set()
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or anchor only narrows what follows: ignoring it errs large
        first, empty = _item(op, argument, flags)
        if first is None:
            return None, True
        found |= first
        if not empty:
            return found, False
    return found, True


def _item(op: Any, argument: Any, flags: int) -> tuple[set[str] | None, bool]:
    if op is constants.LITERAL:
        return _cased({chr(argument)}, flags), False
    if op is constants.IN:
        return _cased(_charset(argument), flags), False
    if op is constants.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in argument[1]:
            first, branch_empty = _sequence(branch, flags)
            if first is None:
                return None, True
            found |= first
            empty = empty or branch_empty
        return found, empty
    if op is constants.SUBPATTERN:
        _group, added, removed, pattern = argument
        return _sequence(pattern, (flags | added) & ~removed)
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _sequence(argument, flags)
    if op in _REPEATS:
        low, _high, pattern = argument
        first, empty = _sequence(pattern, flags)
        return first, empty or low == 0
    return None, True  # ANY, NOT_LITERAL, back references, conditionals: any character


def _charset(items: Any) -> set[str] | None:
    found: set[str] = set()
    for op, argument in items:
        if op is constants.LITERAL:
            found.add(chr(argument))
        elif op is constants.RANGE and argument[1] - argument[0] <= _WIDEST_RANGE:
            found.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:
            return None  # NEGATE, categories (\s, \w), wide ranges
    return found


def _cased(found: set[str] | None, flags: int) -> set[str] | None:
    """Under IGNORECASE, the other cases too; a character outside ASCII folds in ways
    this does not follow, so it makes the answer unknown."""
    if found is None or not flags & re.IGNORECASE:
        return found
    if any(not character.isascii() for character in found):
        return None
    return found | {character.swapcase() for character in found}
