"""Reading the query a command runs over data: its text, its schema and dialect
(from the configuration, as `segquery check` finds them), and the workspace
that `SEGMENT(x)` references are inlined from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from segquery.dialect_choice import choose_dialect_of_text
from segquery.diagnostics import Diagnostic, Severity
from segquery.engine import CheckOptions, SettingsResolver
from segquery.files import read_stdin, read_text
from segquery.query_plan.resolve import SegmentSource
from segquery.schema import Schema
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from segquery.workspace import SegmentLookupError, Workspace

STDIN = "-"


@dataclass
class QueryInput:
    path: str | None
    source: SourceText
    query: ast.Query | None
    errors: list[Diagnostic]
    schema: Schema | None
    segments: SegmentSource = field(repr=False)

    @property
    def query_or_fail(self) -> ast.Query:
        """The query, once the caller made sure there are no parse errors."""
        assert self.query is not None, "read_query's caller runs only a query without parse errors"
        return self.query


def read_query(file: str, *, schema: str | None = None, config: str | None = None,
               dialect: str | None = None, workspace: tuple[str, ...] = ()) -> QueryInput:
    """Read and parse FILE (or `-`); raises files.UnreadableFile when it cannot be read.

    `errors` holds the parse errors (the query is not run when there are any).
    References resolve in the `workspace` paths, else in the file's folder
    (the current folder for standard input).
    """
    text = (read_stdin() if file == STDIN else read_text(file)).text
    path = None if file == STDIN else file
    settings = SettingsResolver(CheckOptions(schema=schema, config=config, dialect=dialect)).for_file(path)
    chosen = choose_dialect_of_text(text, settings.dialect_setting)
    parsed = parse_tolerant(text, path=path, dialect=chosen.dialect)
    errors = [d for d in parsed.diagnostics if d.severity is Severity.ERROR]
    folders = workspace or (os.path.dirname(file) or "." if path else ".",)
    return QueryInput(path, parsed.source, parsed.query, errors, settings.schema, workspace_segments(folders))


def workspace_segments(paths: tuple[str, ...]) -> SegmentSource:
    """A lookup of segments by any name `SEGMENT(x)` may use, in the workspace at `paths`
    (read on the first lookup only); LookupError says why a name finds none."""
    loaded: list[Workspace] = []

    def lookup(name: str) -> ast.Query | None:
        if not loaded:
            loaded.append(Workspace.from_paths(paths))
        try:
            return loaded[0].segment(name).query
        except SegmentLookupError as error:
            raise LookupError(str(error)) from None

    return lookup


def parse_now(value: str | None) -> datetime:
    """`--now`: an ISO date or date and time (UTC; an offset is converted), or the current UTC time."""
    if value is None:
        return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment
