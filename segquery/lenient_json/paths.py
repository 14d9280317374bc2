"""Paths into JSON: JSONPath-style names for messages, and where a path was written in the text.

`json.loads` keeps no positions. Loaders that read with it (fast) and report a
problem at a path find the path's position afterwards, once, by reading the
text again with the position-keeping reader.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Sequence

from segquery.lenient_json.reader import read_json
from segquery.lenient_json.values import JsonArray, JsonMember, JsonObject

PathPart = str | int

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def locate(text: str, path: Sequence[PathPart], *, key: bool = False) -> int | None:
    """Offset of the value at `path` in JSON text, or of its key when `key` is true.

    Where a key occurs twice the last occurrence wins, as it does in
    `json.loads`. Returns None when the path is not in the text.
    """
    # Any depth `json.loads` reads; the reader itself keeps no Python stack.
    node = read_json(text, max_depth=sys.getrecursionlimit()).value
    key_offset: int | None = None
    for part in path:
        if isinstance(node, JsonObject) and isinstance(part, str):
            member = _member(node, part, text)
            if member is None:
                return None
            key_offset, node = member.key.span.start, member.value
        elif isinstance(node, JsonArray) and isinstance(part, int) and 0 <= part < len(node.items):
            key_offset, node = None, node.items[part]
        else:
            return None
    if node is None:
        return None
    return key_offset if key and key_offset is not None else node.span.start


def _member(node: JsonObject, name: str, text: str) -> JsonMember | None:
    """The last member called `name` as `json.loads` decodes keys: it keeps half of a surrogate
    pair, which the reader reads as U+FFFD when it is escaped."""
    if not _SURROGATE.search(name):
        return node.get(name)
    for member in reversed(node.members):
        if json.loads(text[member.key.span.start:member.key.span.end]) == name:
            return member
    return None
