"""`pull_segments`: the org's segments into files, without ever overwriting a local edit unasked.

A file that exists and differs from what the org holds is left alone and
reported with a diff, unless `force` is given (then the diff is still shown).
A query that does not parse is written exactly as the org holds it and flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from segquery.files import TextFile, UnreadableFile, WriteFailed, read_text, write_text
from segquery.org.client import Client
from segquery.org.diffs import text_diff
from segquery.org.errors import OrgError
from segquery.org.records import OrgSegment, fetch_segments
from segquery.org.segment_files import file_name, render
from segquery.syntax.dialects import dialect_named


@dataclass(frozen=True)
class Flagged:
    path: str
    message: str


@dataclass
class PullResult:
    """What a pull did to each file."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)          # (path, diff) left alone: local edits
    overwritten: list[tuple[str, str]] = field(default_factory=list)   # (path, diff) replaced with --force
    flagged: list[Flagged] = field(default_factory=list)               # queries that do not parse


def pull_segments(client: Client, directory: Path, *, force: bool = False) -> PullResult:
    return write_segments(fetch_segments(client), directory, force=force)


def write_segments(segments: list[OrgSegment], directory: Path, *, force: bool = False) -> PullResult:
    """Write each segment's file under `directory` (created when missing)."""
    result = PullResult()
    directory.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for segment in segments:
        path = directory / file_name(segment, taken)
        shown = str(path)
        text = render(segment)
        header_lines = text[:len(text) - len(segment.query)].count("\n") if segment.query else 0
        problem = parse_problem(segment, header_lines)
        if problem is not None:
            result.flagged.append(Flagged(shown, problem))
        current = _read(path) if path.is_file() else None
        if current is not None and current.text == text:
            result.unchanged.append(shown)
            continue
        if current is not None:
            diff = text_diff(current.text, text, shown)
            if not force:
                result.kept.append((shown, diff))
                continue
            _replace(path, text, current)
            result.overwritten.append((shown, diff))
        else:
            path.write_text(text, encoding="utf-8", newline="")
            result.written.append(shown)
    return result


def _read(path: Path) -> TextFile:
    try:
        return read_text(path)
    except UnreadableFile as error:
        raise OrgError(f"{path}: {error.reason}") from None


def _replace(path: Path, text: str, current: TextFile) -> None:
    """Replace a local file atomically, in its encoding, if it still holds what was compared."""
    try:
        write_text(path, text, current.stored)
    except WriteFailed as error:
        raise OrgError(str(error)) from None


def parse_problem(segment: OrgSegment, header_lines: int = 0) -> str | None:
    """The first parse error of the segment's query, as `line:column: code message` in its file (the
    query starts after `header_lines` lines); None when it parses, or when this segquery has no parser
    for the segment's dialect."""
    if segment.query is None:
        return None
    dialect = dialect_named(segment.dialect)
    if dialect is None:
        return None
    from segquery.diagnostics import Severity
    from segquery.syntax.parser import parse_tolerant

    parsed = parse_tolerant(segment.query, dialect=dialect)
    errors = [d for d in parsed.diagnostics if d.severity is Severity.ERROR]
    if not errors:
        return None
    first = errors[0]
    return f"{first.range.start.line + header_lines}:{first.range.start.column}: {first.code} {first.message}"
