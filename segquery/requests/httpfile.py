"""Splitting an HTTP-style request file into requests.

The form is the one of the segment API documentation and of REST tools:

    POST {{orgUrl}}/api/data/v9.0/msdyncrm_segments
    Content-Type: application/json

    { ... }

A request line (`METHOD URL [HTTP/1.1]`), optional headers, then the body up to
the next request line or a `###` / `#` line. Lines starting with `#` or `//`
outside a body are comments; inside a JSON body, `//` starts a JSON comment,
which is reported. Offsets refer to the whole file, so findings in a
body are reported where they are in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from segquery.source import Span

HTTP_METHODS: tuple[str, ...] = ("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "MERGE")
_REQUEST = re.compile(r"(?P<method>[A-Z]+)[ \t]+(?P<url>\S+)(?:[ \t]+HTTP/[0-9.]+)?[ \t]*\r?")
_HEADER = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+[ \t]*:.*")


@dataclass(frozen=True)
class HttpRequest:
    method: str
    method_span: Span
    url: str
    url_start: int
    body: Span | None  # the body's text in the file, without surrounding blank lines


@dataclass
class HttpFile:
    requests: list[HttpRequest] = field(default_factory=list)
    stray_lines: list[Span] = field(default_factory=list)


def _lines(text: str):
    start = 0
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline
        yield start, end
        if newline == -1:
            return
        start = newline + 1


def _request_line(text: str, start: int, end: int) -> re.Match | None:
    match = _REQUEST.fullmatch(text, start, end)
    return match if match and match.group("method") in HTTP_METHODS else None


def split_http(text: str) -> HttpFile:
    """The requests of an HTTP-style file and the lines that belong to none."""
    result = HttpFile()
    pending: re.Match | None = None
    in_body = False
    body_start: int | None = None
    body_end = 0

    def close() -> None:
        nonlocal pending, in_body, body_start
        if pending is not None:
            body = Span(body_start, body_end) if body_start is not None else None
            result.requests.append(HttpRequest(pending.group("method"), Span(pending.start("method"),
                                               pending.end("method")), pending.group("url"),
                                               pending.start("url"), body))
        pending, in_body, body_start = None, False, None

    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        request = _request_line(text, start, end)
        if request is not None or (stripped.startswith("#") and line.startswith("#")):
            close()
            if request is not None:
                pending = request
            continue
        if pending is None:
            if stripped and not stripped.startswith("//"):
                lead = len(line) - len(line.lstrip())
                result.stray_lines.append(Span(start + lead, start + lead + len(stripped)))
            continue
        if not in_body:
            if not stripped:
                in_body = True          # the blank line after the headers
                continue
            if stripped[0] not in "{[\"'" and _HEADER.fullmatch(stripped):
                continue
            in_body = True
        if stripped:
            if body_start is None and stripped.startswith("//"):
                continue                # a comment before the body starts
            if body_start is None:
                body_start = start + len(line) - len(line.lstrip())
            body_end = start + len(line.rstrip())
    close()
    return result
