"""JSON values that remember where they were written.

Every node keeps the span of its raw text. A string also keeps the offsets of
its escapes, so an index into the decoded value (say, the column of an error
inside a segment query) can be turned back into an offset in the file: `\\"`
and `\\u0041` make the decoded text shorter than the raw one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import field
from typing import Union

from segquery.fast_dataclass import dataclass
from segquery.source import Span


@dataclass(frozen=True, slots=True)
class JsonString:
    """A string or a key. `quote` is `"`, `'` or empty for an unquoted key."""

    value: str
    span: Span
    quote: str = '"'
    # (decoded index, raw offset) pairs; between two pairs one decoded
    # character is one raw character. The first pair is the content start.
    checkpoints: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def content_start(self) -> int:
        return self.span.start + (1 if self.quote else 0)

    @property
    def content_end(self) -> int:
        return self.span.end - (1 if self.quote else 0)

    def raw_offset(self, index: int) -> int:
        """Raw offset of the decoded character at `index` (or of the closing quote)."""
        index = max(0, min(index, len(self.value)))
        if index == len(self.value):
            return self.content_end
        if not self.checkpoints:
            return self.content_start + index
        position = bisect_right(self.checkpoints, (index, float("inf"))) - 1
        decoded, raw = self.checkpoints[max(position, 0)]
        return raw + (index - decoded)

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span of the decoded slice value[start:end]."""
        return Span(self.raw_offset(start), self.raw_offset(max(start, end)))


@dataclass(frozen=True, slots=True)
class JsonNumber:
    value: int | float
    span: Span
    text: str = ""


@dataclass(frozen=True, slots=True)
class JsonLiteral:
    """`true`, `false` or `null` (and the non-JSON words read in their place)."""

    value: bool | None
    span: Span


@dataclass(frozen=True, slots=True)
class JsonArray:
    items: tuple["JsonValue", ...]
    span: Span


@dataclass(frozen=True, slots=True)
class JsonMember:
    key: JsonString
    value: "JsonValue"

    @property
    def name(self) -> str:
        return self.key.value

    @property
    def span(self) -> Span:
        return Span(self.key.span.start, self.value.span.end)


@dataclass(frozen=True, slots=True)
class JsonObject:
    """Members in source order; a repeated key keeps every occurrence."""

    members: tuple[JsonMember, ...]
    span: Span

    def get(self, name: str) -> JsonMember | None:
        """The last member with this key, as `json.loads` would keep."""
        for member in reversed(self.members):
            if member.key.value == name:
                return member
        return None

    def keys(self) -> list[str]:
        return [member.key.value for member in self.members]


JsonValue = Union[JsonString, JsonNumber, JsonLiteral, JsonArray, JsonObject]


def type_name(value: JsonValue | None) -> str:
    """How a message names the JSON type of a value read ("nothing" when there is none)."""
    if value is None:
        return "nothing"
    if isinstance(value, JsonArray):
        return "an array"
    if isinstance(value, JsonObject):
        return "an object"
    return python_type_name(value.value)


def python_type_name(value: object) -> str:
    """How a message names the JSON type of a value as `json.loads` gives it."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


def to_python(root: JsonValue) -> object:
    """The plain Python value, as `json.loads` gives it; iterative, so any depth works."""
    results: dict[int, object] = {}
    stack: list[tuple[JsonValue, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if isinstance(node, (JsonString, JsonNumber, JsonLiteral)):
            results[id(node)] = node.value
        elif not expanded:
            stack.append((node, True))
            children = node.items if isinstance(node, JsonArray) else [m.value for m in node.members]
            stack.extend((child, False) for child in children)
        elif isinstance(node, JsonArray):
            results[id(node)] = [results[id(item)] for item in node.items]
        else:
            results[id(node)] = {m.key.value: results[id(m.value)] for m in node.members}
    return results[id(root)]

