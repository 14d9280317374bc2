"""A lenient JSON reader that keeps positions and explains every deviation.

Request bodies are often written by hand, or copied from documentation that
is not strict JSON (unquoted keys, single quotes, trailing commas, comments).
The reader still reads them, so that the checks on fields and queries can run,
and reports each deviation where it is, with a fix when one is safe. Input it
cannot read gives one positioned diagnostic, never an exception.

The reader keeps its own stack instead of recursing, and stops at a nesting
depth of MAX_DEPTH (or the `max_depth` given), so no input can exhaust
Python's recursion limit.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import field
from typing import cast

from segquery.diagnostics import Applicability, Diagnostic, Fix, RelatedLocation, TextEdit, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.lenient_json import codes
from segquery.lenient_json.values import (JsonArray, JsonLiteral, JsonMember, JsonNumber, JsonObject, JsonString,
                                          JsonValue)
from segquery.source import SourceText, Span

MAX_DEPTH = 256

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_WORD = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_PLAIN = {'"': re.compile(r'[^"\\\x00-\x1f]*'), "'": re.compile(r"[^'\\\x00-\x1f]*")}
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_HEX2 = re.compile(r"[0-9a-fA-F]{2}")
_STRICT_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_LOOSE_NUMBER = re.compile(r"[+-]?(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CLOSERS = {"{": "}", "[": "]"}


@dataclass(frozen=True)
class JsonDocument:
    """What was read: the value (None when reading failed) and the findings."""

    source: SourceText
    value: JsonValue | None
    diagnostics: tuple[Diagnostic, ...]
    span: Span = field(default=Span(0, 0))


class _Stop(Exception):
    """Reading cannot go on; the diagnostic has been recorded."""


class _Frame:
    __slots__ = ("opener", "start", "items", "key", "seen")

    def __init__(self, opener: str, start: int) -> None:
        self.opener = opener
        self.start = start
        self.items: list = []
        self.key: JsonString | None = None
        self.seen: dict[str, JsonString] = {}


def read_json(text: str | SourceText, *, start: int = 0, end: int | None = None,
              max_depth: int = MAX_DEPTH) -> JsonDocument:
    """Read the JSON value in text[start:end]; positions are offsets into the whole text."""
    source = text if isinstance(text, SourceText) else SourceText(text)
    end = len(source.text) if end is None else min(end, len(source.text))
    reader = _Reader(source, max(0, start), end, max_depth)
    value = reader.read()
    return JsonDocument(source, value, tuple(reader.diagnostics), Span(max(0, start), end))


def describe_char(char: str) -> str:
    """A character as a message shows it: printable ones quoted, others by code point."""
    if char.isprintable() and not char.isspace():
        return f"`{char}`"
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name.lower()})" if name else "")


def short(text: str, limit: int = 40) -> str:
    """Long values are cut in messages so that a message stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Reader:
    def __init__(self, source: SourceText, start: int, end: int, max_depth: int) -> None:
        self.source = source
        self.max_depth = max_depth
        self.text = source.text
        self.pos = start
        self.end = end
        self.diagnostics: list[Diagnostic] = []

    # ------------------------------------------------------------ reporting

    def report(self, code: str, message: str, start: int, end: int, *, fix: Fix | None = None,
               related: tuple[RelatedLocation, ...] = ()) -> None:
        self.diagnostics.append(make_diagnostic(self.source, code, message, start, end, fix=fix,
                                                related=related))

    def stop(self, message: str, start: int, end: int, *,
             related: tuple[RelatedLocation, ...] = ()) -> _Stop:
        self.report(codes.JSON_SYNTAX, message, start, end, related=related)
        return _Stop()

    def related(self, message: str, start: int, end: int) -> RelatedLocation:
        return RelatedLocation(message, self.source.range(start, end), self.source.path)

    def where(self, offset: int) -> str:
        position = self.source.position(offset)
        return f"line {position.line}, column {position.column}"

    # ------------------------------------------------------------ driver

    def read(self) -> JsonValue | None:
        try:
            return self._read()
        except _Stop:
            return None

    def _read(self) -> JsonValue:
        self.skip()
        if self.pos >= self.end:
            raise self.stop("the body is empty: a JSON value is expected", self.pos, self.pos)
        stack: list[_Frame] = []
        expect_value = True
        node: JsonValue | None
        while True:
            if expect_value:
                self.skip()
                self.check_end(stack)
                char = self.text[self.pos]
                if char in "{[":
                    if len(stack) >= self.max_depth:
                        self.report(codes.TOO_DEEP, f"nesting deeper than {self.max_depth} levels: reading "
                                    "stops here", self.pos, self.pos + 1)
                        raise _Stop()
                    stack.append(_Frame(char, self.pos))
                    self.pos += 1
                    self.skip()
                    self.check_end(stack)
                    if self.text[self.pos] == _CLOSERS[char]:
                        node = self.close(stack)
                    elif char == "{":
                        self.read_key(stack[-1])
                        continue
                    else:
                        continue
                else:
                    node = self.scalar()
            else:
                node = self.after_item(stack)
                if node is None:
                    expect_value = True
                    if stack[-1].opener == "{":
                        self.read_key(stack[-1])
                    continue
            # A value is complete: attach it to its container, or finish.
            if not stack:
                self.finish()
                return node
            frame = stack[-1]
            frame.items.append(node if frame.opener == "[" else JsonMember(cast(JsonString, frame.key), node))
            expect_value = False

    def finish(self) -> None:
        self.skip()
        if self.pos < self.end:
            line_end = self.text.find("\n", self.pos, self.end)
            stop = (self.end if line_end == -1 else line_end)
            stop = max(self.pos + 1, len(self.text[self.pos:stop].rstrip()) + self.pos)
            self.report(codes.JSON_SYNTAX, f"unexpected {describe_char(self.text[self.pos])} after the end "
                        "of the JSON value: a body holds one value", self.pos, stop)

    def check_end(self, stack: list[_Frame]) -> None:
        if self.pos < self.end:
            return
        if not stack:
            raise self.stop("the body ends where a value is expected", self.end, self.end)
        frame = stack[-1]
        kind = "object" if frame.opener == "{" else "array"
        raise self.stop(f"the body ends inside the {kind} opened at {self.where(frame.start)}: "
                        f"`{_CLOSERS[frame.opener]}` is missing", self.end, self.end,
                        related=(self.related(f"the {kind} starts here", frame.start, frame.start + 1),))

    def after_item(self, stack: list[_Frame]) -> JsonValue | None:
        """After an item: a comma (returns None) or the closer (returns the container)."""
        self.skip()
        self.check_end(stack)
        frame = stack[-1]
        closer = _CLOSERS[frame.opener]
        char = self.text[self.pos]
        if char == ",":
            comma = self.pos
            self.pos += 1
            self.skip()
            self.check_end(stack)
            if self.text[self.pos] == closer:
                self.report(codes.TRAILING_COMMA, f"trailing comma before `{closer}`: JSON does not allow it",
                            comma, comma + 1, fix=Fix.replace("Remove the comma", comma, comma + 1, ""))
                return self.close(stack)
            if self.text[self.pos] == ",":
                raise self.stop("two commas in a row: a value is missing between them", comma, self.pos + 1)
            return None
        if char == closer:
            return self.close(stack)
        if char in "}]":
            kind = "object" if frame.opener == "{" else "array"
            raise self.stop(f"`{char}` does not close the {kind} opened at {self.where(frame.start)}: "
                            f"`{closer}` is expected", self.pos, self.pos + 1,
                            related=(self.related(f"the {kind} starts here", frame.start, frame.start + 1),))
        if frame.opener == "{":
            last = frame.items[-1].key.value
            raise self.stop(f"expected `,` or `}}` after the value of `{short(last)}`, found "
                            f"{describe_char(char)}", self.pos, self.pos + 1)
        raise self.stop(f"expected `,` or `]` after an array item, found {describe_char(char)}",
                        self.pos, self.pos + 1)

    def close(self, stack: list[_Frame]) -> JsonValue:
        frame = stack.pop()
        self.pos += 1
        span = Span(frame.start, self.pos)
        if frame.opener == "[":
            return JsonArray(tuple(frame.items), span)
        return JsonObject(tuple(frame.items), span)

    # ------------------------------------------------------------ white space and comments

    def skip(self) -> None:
        text, end = self.text, self.end
        while True:
            blank = _WHITESPACE.match(text, self.pos, end)
            assert blank is not None  # the pattern matches the empty string
            self.pos = blank.end()
            if self.pos + 1 >= end or text[self.pos] != "/" or text[self.pos + 1] not in "/*":
                return
            start = self.pos
            if text[start + 1] == "/":
                newline = text.find("\n", start, end)
                stop = end if newline == -1 else newline
                if stop > start and text[stop - 1] == "\r":
                    stop -= 1
                kind = "`//` comment"
            else:
                close = text.find("*/", start + 2, end)
                if close == -1:
                    raise self.stop("the `/*` comment is never closed", start, end)
                stop = close + 2
                kind = "`/* */` comment"
            self.report(codes.COMMENT, f"a {kind} is not JSON", start, stop,
                        fix=Fix.replace("Remove the comment", start, stop, ""))
            self.pos = stop

    # ------------------------------------------------------------ keys

    def read_key(self, frame: _Frame) -> None:
        self.skip()
        self.check_end([frame])
        char = self.text[self.pos]
        if char in "\"'":
            key = self.string(char, is_key=True)
        else:
            match = _WORD.match(self.text, self.pos, self.end)
            if not match:
                raise self.stop(f"expected a key in double quotes, found {describe_char(char)}",
                                self.pos, self.pos + 1)
            name = match.group()
            key = JsonString(name, Span(match.start(), match.end()), quote="")
            self.pos = match.end()
            self.report(codes.UNQUOTED_KEY, f"key `{name}` is not quoted: JSON needs \"{name}\"",
                        match.start(), match.end(),
                        fix=Fix("Quote the key", (TextEdit(match.start(), match.start(), '"'),
                                                  TextEdit(match.end(), match.end(), '"'))))
        first = frame.seen.get(key.value)
        if first is None:
            frame.seen[key.value] = key
        else:
            self.report(codes.DUPLICATE_KEY, f"key `{short(key.value)}` appears twice in this object; "
                        "readers disagree on which value counts", key.span.start, key.span.end,
                        related=(self.related("first occurrence", first.span.start, first.span.end),))
        self.skip()
        self.check_end([frame])
        if self.text[self.pos] != ":":
            raise self.stop(f"expected `:` after key `{short(key.value)}`, found "
                            f"{describe_char(self.text[self.pos])}", self.pos, self.pos + 1)
        self.pos += 1
        frame.key = key

    # ------------------------------------------------------------ scalars

    def scalar(self) -> JsonValue:
        char = self.text[self.pos]
        if char in "\"'":
            return self.string(char, is_key=False)
        if char in "-+.0123456789":
            for word in ("Infinity", "NaN"):
                if self.text.startswith(word, self.pos + 1, self.end) and char in "+-":
                    return self.word_literal(self.pos, self.pos + 1 + len(word))
            return self.number()
        match = _WORD.match(self.text, self.pos, self.end)
        if match:
            return self.word_literal(match.start(), match.end())
        raise self.stop(f"unexpected {describe_char(char)}: expected a value (an object, an array, a string "
                        "in double quotes, a number, true, false or null)", self.pos, self.pos + 1)

    def word_literal(self, start: int, end: int) -> JsonValue:
        word = self.text[start:end]
        self.pos = end
        span = Span(start, end)
        if word in ("true", "false", "null"):
            return JsonLiteral({"true": True, "false": False, "null": None}[word], span)
        replacements = {"True": ("true", True), "False": ("false", False), "None": ("null", None)}
        if word in replacements:
            new, value = replacements[word]
            self.report(codes.NON_JSON_LITERAL, f"`{word}` is not JSON: write `{new}`", start, end,
                        fix=Fix.replace(f"Write `{new}`", start, end, new))
            return JsonLiteral(value, span)
        if word == "undefined":
            self.report(codes.NON_JSON_LITERAL, "`undefined` is not JSON: leave the key out or write `null`",
                        start, end)
            return JsonLiteral(None, span)
        if word.lstrip("+-") in ("NaN", "Infinity"):
            self.report(codes.NON_JSON_LITERAL, f"`{word}` is not JSON: JSON numbers are finite",
                        start, end)
            return JsonNumber(float(word), span, word)
        self.report(codes.JSON_SYNTAX, f"`{short(word)}` is not a JSON value: a string needs double quotes",
                    start, end, fix=Fix.replace("Quote the word", start, end, json.dumps(word), Applicability.UNSAFE))
        return JsonString(word, span, quote="")

    def number(self) -> JsonValue:
        start = self.pos
        match = _LOOSE_NUMBER.match(self.text, start, self.end)
        if not match:
            raise self.stop(f"{describe_char(self.text[start])} must be followed by a digit", start, start + 1)
        raw = match.group()
        end = match.end()
        if end < self.end and (self.text[end].isalnum() or self.text[end] in "_$."):
            raise self.stop(f"unexpected {describe_char(self.text[end])} in the number `{short(raw)}`",
                            end, end + 1)
        self.pos = end
        try:
            value = _number_value(raw)
        except ValueError:
            raise self.stop(f"the number `{short(raw)}` has too many digits to read", start, end) from None
        if not _STRICT_NUMBER.fullmatch(raw):
            if isinstance(value, float) and not math.isfinite(value):
                self.report(codes.NON_JSON_LITERAL, f"`{short(raw)}` is not a JSON number", start, end)
            else:
                strict = json.dumps(value)
                self.report(codes.NON_JSON_LITERAL, f"`{short(raw)}` is not a JSON number: write `{strict}`",
                            start, end, fix=Fix.replace(f"Write `{strict}`", start, end, strict))
        return JsonNumber(value, Span(start, end), raw)

    def string(self, quote: str, *, is_key: bool) -> JsonString:
        text, end = self.text, self.end
        start = self.pos
        index = start + 1
        plain = _PLAIN[quote]
        parts: list[str] = []
        decoded = 0
        checkpoints: list[tuple[int, int]] = [(0, index)]
        quote_edits: list[TextEdit] = []
        while True:
            match = plain.match(text, index, end)
            assert match is not None  # the pattern matches the empty string
            chunk = match.group()
            if chunk:
                parts.append(chunk)
                decoded += len(chunk)
                if quote == "'" and '"' in chunk:
                    quote_edits.extend(TextEdit(index + i, index + i + 1, '\\"')
                                       for i, c in enumerate(chunk) if c == '"')
                index = match.end()
            if index >= end:
                raise self.stop("the string is never closed", start, end)
            char = text[index]
            if char == quote:
                index += 1
                break
            if char in "\n\r":
                raise self.stop("the string is not closed before the end of the line", start, index)
            if char != "\\":
                escape = json.dumps(char)[1:-1]
                self.report(codes.CONTROL_CHARACTER, f"raw control character {describe_char(char)} in a "
                            f"string: JSON needs `{escape}`", index, index + 1,
                            fix=Fix.replace(f"Write `{escape}`", index, index + 1, escape))
                parts.append(char)
                decoded += 1
                index += 1
                continue
            value, length = self.escape(index, quote, quote_edits)
            parts.append(value)
            decoded += len(value)
            index += length
            checkpoints.append((decoded, index))
        self.pos = index
        node = JsonString("".join(parts), Span(start, index), quote,
                          tuple(checkpoints) if len(checkpoints) > 1 else ())
        if quote == "'":
            what = f"key `{short(node.value)}`" if is_key else f"string '{short(node.value)}'"
            edits = [TextEdit(start, start + 1, '"'), *quote_edits, TextEdit(index - 1, index, '"')]
            self.report(codes.SINGLE_QUOTED, f"{what} is in single quotes: JSON needs double quotes",
                        start, index, fix=Fix("Use double quotes", tuple(sorted(edits, key=lambda e: e.start))))
        return node

    def escape(self, index: int, quote: str, quote_edits: list[TextEdit]) -> tuple[str, int]:
        """Decode the escape at text[index] (a backslash): its value and raw length."""
        text, end = self.text, self.end
        if index + 1 >= end:
            raise self.stop("the string is never closed", index, end)
        char = text[index + 1]
        if char in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[char], 2
        if char == "u":
            if not _HEX4.match(text, index + 2, end):
                hex_digits = re.match(r"[0-9a-fA-F]{0,3}", text[index + 2:min(index + 5, end)])
                assert hex_digits is not None  # the pattern matches the empty string
                raise self.stop("`\\u` must be followed by four hexadecimal digits", index,
                                index + 2 + hex_digits.end())
            code = int(text[index + 2:index + 6], 16)
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", index + 6) and _HEX4.match(text, index + 8, end):
                low = int(text[index + 8:index + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
            if 0xD800 <= code < 0xE000:
                # Half of a surrogate pair is no character: no text (nor a message quoting it) can hold it.
                written = text[index:index + 6]
                self.report(codes.BAD_ESCAPE, f"`{written}` is half of a surrogate pair with no other half: it is "
                            "not a character; write the character, or both halves of its pair", index, index + 6)
                return "\ufffd", 6
            return chr(code), 6
        if char == "'":
            if quote == "'":
                quote_edits.append(TextEdit(index, index + 2, "'"))
            else:
                self.report(codes.BAD_ESCAPE, "`\\'` is not a JSON escape: write `'`", index, index + 2,
                            fix=Fix.replace("Write `'`", index, index + 2, "'"))
            return "'", 2
        if char == "x" and _HEX2.match(text, index + 2, end):
            digits = text[index + 2:index + 4]
            new = f"\\u00{digits}"
            self.report(codes.BAD_ESCAPE, f"`\\x{digits}` is not a JSON escape: write `{new}`", index, index + 4,
                        fix=Fix.replace(f"Write `{new}`", index, index + 4, new))
            return chr(int(digits, 16)), 4
        if char in "0v" and not (char == "0" and index + 2 < end and text[index + 2].isdigit()):
            new = "\\u0000" if char == "0" else "\\u000b"
            self.report(codes.BAD_ESCAPE, f"`\\{char}` is not a JSON escape: write `{new}`", index, index + 2,
                        fix=Fix.replace(f"Write `{new}`", index, index + 2, new))
            return ("\x00" if char == "0" else "\x0b"), 2
        if char in "\n\r":
            length = 3 if text.startswith("\r\n", index + 1) else 2
            self.report(codes.BAD_ESCAPE, "a backslash before a line break is not JSON: a JSON string "
                        "stays on one line", index, index + length,
                        fix=Fix.replace("Join the lines", index, index + length, ""))
            return "", length
        self.report(codes.BAD_ESCAPE, f"`\\{char}` is not a JSON escape: write `{char}`, or `\\\\{char}` "
                    "for a backslash", index, index + 2)
        return char, 2


def _number_value(raw: str) -> int | float:
    sign = -1 if raw.startswith("-") else 1
    body = raw.lstrip("+-")
    if body[:2] in ("0x", "0X"):
        return sign * int(body, 16)
    if any(c in raw for c in ".eE"):
        return float(raw)
    return int(raw)
