"""Find where a JSON path sits in the text, to place error messages.

`json.loads` keeps no positions. Rather than slow every load down with a
position-tracking parser, the text is walked again, along one path only,
when an error has to be reported. The text is known to be valid JSON by then.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # in the module, missing from its stubs
from typing import Sequence

PathPart = str | int

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def format_path(path: Sequence[PathPart]) -> str:
    """`$.tables.contact.attributes["odd key"][0]` style, as JSONPath writes it."""
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _PLAIN_KEY.match(part):
            out.append(f".{part}")
        else:
            out.append(f"[{json.dumps(part)}]")
    return "".join(out)


def _skip_ws(text: str, index: int) -> int:
    blank = _WHITESPACE.match(text, index)
    assert blank is not None  # the pattern matches the empty string
    return blank.end()


def locate(text: str, path: Sequence[PathPart], *, key: bool = False) -> int | None:
    """Offset of the value at `path`, or of its key when `key` is true.

    Where a key occurs twice the last occurrence wins, as it does in
    `json.loads`. Returns None when the path is not in the text.
    """
    index = _skip_ws(text, 0)
    key_offset: int | None = None
    try:
        for part in path:
            found = _step(text, index, part)
            if found is None:
                return None
            key_offset, index = found
    except (ValueError, IndexError):
        return None
    if key and key_offset is not None:
        return key_offset
    return index


def _step(text: str, index: int, part: PathPart) -> tuple[int | None, int] | None:
    """Enter the container at `index` and return (key offset, value offset) of `part`."""
    opening = text[index]
    if opening == "{" and isinstance(part, str):
        return _find_member(text, index, part)
    if opening == "[" and isinstance(part, int):
        element = _find_element(text, index, part)
        return None if element is None else (None, element)
    return None


def _find_member(text: str, index: int, wanted: str) -> tuple[int, int] | None:
    index = _skip_ws(text, index + 1)
    found: tuple[int, int] | None = None
    if text[index] == "}":
        return None
    while True:
        key_start = index
        name, index = scanstring(text, index + 1)
        index = _skip_ws(text, index)
        index = _skip_ws(text, index + 1)  # past ':'
        if name == wanted:
            found = (key_start, index)
        _, index = _DECODER.raw_decode(text, index)
        index = _skip_ws(text, index)
        if text[index] == "}":
            return found
        index = _skip_ws(text, index + 1)  # past ','


def _find_element(text: str, index: int, wanted: int) -> int | None:
    index = _skip_ws(text, index + 1)
    if text[index] == "]":
        return None
    position = 0
    while True:
        if position == wanted:
            return index
        _, index = _DECODER.raw_decode(text, index)
        index = _skip_ws(text, index)
        if text[index] == "]":
            return None
        index = _skip_ws(text, index + 1)
        position += 1
