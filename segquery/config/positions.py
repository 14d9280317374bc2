"""Where keys are written in a TOML text, so that a configuration error can
name a line and a column.

One pass over the text, in time linear in its length and without recursion:
strings (also multi-line ones) and comments are skipped whole, table headers
set the current table, and the nesting of arrays and inline tables is kept
on an explicit stack (which also tells how deeply values are nested).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import field

from segquery.fast_dataclass import dataclass

# Values nested deeper than this are refused before the TOML reader (which
# recurses once per level) sees them.
MAX_NESTING = 100
# Key paths are kept to this many parts: configuration keys are a few parts deep,
# and copying longer paths at every key would take time quadratic in the text.
KEPT_PARTS = 16

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLANKS = re.compile(r"[ \t]*")
_PLAIN_VALUE = re.compile(r"[^\s,\[\]{}#\"']+")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _after_blanks(text: str, index: int) -> int:
    blanks = _BLANKS.match(text, index)
    assert blanks is not None  # the pattern matches the empty string
    return blanks.end()


@dataclass
class KeyPosition:
    """A key path and the offset of its first character (or of a header's `[`)."""

    keys: tuple[str, ...]
    offset: int


@dataclass
class ScannedToml:
    """The keys of a TOML text with their offsets, and the first place values nest too deeply."""

    keys: list[KeyPosition] = field(default_factory=list)
    too_deep_at: int | None = None
    too_deep_what: str = "values"   # what is nested too deeply: "values" or "keys"
    steps: int = 0          # iterations of the scanner's loop: linear in the length of the text


class _Frame:
    """An open array (`path` None) or inline table (`path` its key path, None when inside an array)."""

    __slots__ = ("bracket", "path")

    def __init__(self, bracket: str, path: tuple[str, ...] | None) -> None:
        self.bracket = bracket
        self.path = path


def scan(text: str) -> ScannedToml:
    """Every key of `text` with its offset; tolerant of invalid TOML (it never raises)."""
    result = ScannedToml()
    stack: list[_Frame] = []
    table: tuple[str, ...] = ()
    expect_key = True           # at the start of a statement, or after `{` / `,` in an inline table
    value_path: tuple[str, ...] | None = None
    index, length = 0, len(text)
    while index < length:
        result.steps += 1
        char = text[index]
        if char in " \t\r":
            index += 1
        elif char == "\n":
            index += 1
            if not stack:
                expect_key = True
        elif char == "#":
            end = text.find("\n", index)
            index = length if end == -1 else end
        elif expect_key and not stack and char == "[":
            index, table = _header(text, index, result)
            expect_key = False
        elif expect_key and (not stack or stack[-1].bracket == "{") and char not in "]},":
            prefix = table if not stack else stack[-1].path
            index, value_path = _key(text, index, prefix, result)
            expect_key = False
        elif char in "[{":
            stack.append(_Frame(char, value_path if char == "{" else None))
            if len(stack) > MAX_NESTING and result.too_deep_at is None:
                result.too_deep_at = index
            value_path = None
            expect_key = char == "{"
            index += 1
        elif char in "]}":
            if stack:
                stack.pop()
            index += 1
        elif char == ",":
            expect_key = bool(stack) and stack[-1].bracket == "{"
            value_path = None
            index += 1
        elif char in "\"'":
            index = skip_string(text, index)[1]
        else:
            match = _PLAIN_VALUE.match(text, index)
            index = match.end() if match else index + 1
    return result


def _header(text: str, index: int, result: ScannedToml) -> tuple[int, tuple[str, ...]]:
    """Read `[a.b]` or `[[a.b]]` at `index`: (the offset after it, its key path)."""
    start = index
    index += 2 if text.startswith("[[", index) else 1
    keys, index = _dotted_key(text, index)
    _note_key_depth(len(keys), start, result)
    keys = keys[:KEPT_PARTS]
    result.keys.append(KeyPosition(keys, start))
    return index, keys


def _key(text: str, index: int, prefix: tuple[str, ...] | None,
         result: ScannedToml) -> tuple[int, tuple[str, ...] | None]:
    """Read `key =` (dotted or quoted) at `index`: (the offset after it, the full key path)."""
    start = index
    keys, index = _dotted_key(text, index)
    if index == start:          # not a key: step over the character
        return index + 1, None
    index = _after_blanks(text, index)
    if index < len(text) and text[index] == "=":
        index += 1
    _note_key_depth(len(keys), start, result)
    if prefix is None:
        return index, None
    path = (prefix + keys[:KEPT_PARTS])[:KEPT_PARTS]
    result.keys.append(KeyPosition(path, start))
    return index, path


def _note_key_depth(parts: int, offset: int, result: ScannedToml) -> None:
    """Record a dotted key of more than MAX_NESTING parts (the TOML reader takes time
    quadratic in the number of parts)."""
    if parts > MAX_NESTING and result.too_deep_at is None:
        result.too_deep_at, result.too_deep_what = offset, "keys"


def _dotted_key(text: str, index: int) -> tuple[tuple[str, ...], int]:
    """The parts of a (possibly dotted, possibly quoted) key at `index`, and the offset after it."""
    parts: list[str] = []
    while True:
        index = _after_blanks(text, index)
        if index < len(text) and text[index] in "\"'":
            value, end = skip_string(text, index)
            parts.append(value)
            index = end
        else:
            match = _BARE_KEY.match(text, index)
            if not match:
                break
            parts.append(match.group())
            index = match.end()
        after = _after_blanks(text, index)
        if after < len(text) and text[after] == ".":
            index = after + 1
            continue
        break
    return tuple(parts), index


def skip_string(text: str, index: int) -> tuple[str, int]:
    """The content of the string starting at `index` (escapes of basic strings read) and the
    offset after it; an unterminated string ends at the end of its line (or of the text)."""
    quote = text[index]
    if text.startswith(quote * 3, index):
        end = _closing(text, index + 3, quote * 3, multiline=True)
        stop = end + 3
        while stop < len(text) and text[stop] == quote and stop - end < 5:   # `""""` ends with a quote
            stop += 1
        content = text[index + 3:stop - 3]
    else:
        end = _closing(text, index + 1, quote, multiline=False)
        stop = end + 1 if end < len(text) and text[end] == quote else end
        content = text[index + 1:end]
    if quote == '"':
        content = _ESCAPE.sub(lambda match: match.group(1), content)
    return content, min(stop, len(text))


def _closing(text: str, index: int, quote: str, *, multiline: bool) -> int:
    """The offset of the closing quote (not escaped in a basic string); the end of the line
    for an unterminated one-line string, the end of the text for a multi-line one."""
    limit = len(text)
    if not multiline:
        newline = text.find("\n", index)
        limit = limit if newline == -1 else newline
    while True:
        end = text.find(quote, index, limit)
        if end == -1:
            return limit
        if quote[0] == '"' and _escaped(text, end, index):
            index = end + 1
            continue
        return end


def _escaped(text: str, offset: int, start: int) -> bool:
    """Whether an odd number of backslashes (after `start`) precedes `offset`."""
    count = 0
    while offset - count - 1 >= start and text[offset - count - 1] == "\\":
        count += 1
    return count % 2 == 1


class LineIndex:
    """1-based line and column of an offset."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def locate_key(text: str, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """The 1-based line and column where a key path is written in a TOML text.

    Handles `[table]` headers, dotted and quoted keys, and keys inside inline
    tables; returns the closest enclosing key or table when the exact key
    cannot be found, and (None, None) when nothing is found.
    """
    best: KeyPosition | None = None
    for found in scan(text).keys:
        depth = len(found.keys)
        if found.keys == keys[:depth] and (best is None or depth > len(best.keys)):
            best = found
    if best is None:
        return None, None
    return LineIndex(text).position(best.offset)


def nesting_problem(text: str) -> tuple[str, tuple[int, int]] | None:
    """A message and the line and column of the first array or inline table nested
    more than MAX_NESTING deep, or dotted key of more than MAX_NESTING parts; or None."""
    scanned = scan(text)
    if scanned.too_deep_at is None:
        return None
    return (f"{scanned.too_deep_what} are nested more than {MAX_NESTING} levels deep",
            LineIndex(text).position(scanned.too_deep_at))
