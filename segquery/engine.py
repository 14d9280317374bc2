"""The analysis pipeline behind `segquery check` and the language server.

For each file: parse -> (when it parses) validate with the file's kind,
schema and target -> lint -> (for the checked set) workspace diagnostics ->
suppression by comment directives -> rule selection -> severity. `.json`
files go to the request validator instead. Fixes, when asked for, are
applied per file until nothing is left to fix.

Front ends call `check_text` here, or `check_paths` (segquery.checking) for
many files; they add no logic of their own.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from segquery.check_options import CheckOptions
from segquery.check_settings import FileSettings, SettingsResolver, dialect_setting_of
from segquery.collection import use_batch_thresholds
from segquery.config import Config, severity_override
from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.file_selection import Exclusion
from segquery.files import UnreadableFile, read_text
from segquery.lint import lint
from segquery.lint.fixes import FixResult, fix_until_stable
from segquery.lint.suppression import apply_suppressions, read_directives, unused_suppressions
from segquery.paths import DEFAULT_RULES, SkipNote, WalkRules, note_on_stderr, walk_paths
from segquery.projects import QUERY_SUFFIXES, Projects, holds_segments, workspace_diagnostics
from segquery.report import FileReport
from segquery.semantic import QueryKind, validate
from segquery.source import SourceText
from segquery.syntax.parser import parse_tolerant

if TYPE_CHECKING:
    from segquery.step_findings import StepFindings   # the language server's; a check from the command line has none
    from segquery.workspace.shapes import CheckedShape

# Names other modules import from here.
__all__ = ["CheckOptions", "FileReport", "FileSettings", "SettingsResolver", "check_file", "check_files",
           "check_stdin", "check_text", "dialect_setting_of", "finalize", "iter_query_files"]

REQUEST_SUFFIXES = (".json", ".http")
# Below this many files the pool's start-up costs more than it saves.
PARALLEL_THRESHOLD = 64


# ---------------------------------------------------------------- one file


def check_text(text: str, *, path: str | None = None, options: CheckOptions | None = None,
               resolver: SettingsResolver | None = None, settings: FileSettings | None = None,
               extra: Iterable[Diagnostic] = (), steps: StepFindings | None = None) -> FileReport:
    """All diagnostics for one text (a query, or a request body when `path` ends in .json).

    `settings` (default: those that apply to `path`) and `extra` (findings
    from elsewhere about this text, such as the workspace's) let an editor
    check an open document exactly as `check_paths` checks a file on disk:
    suppression and selection apply to both, once. `steps` (an editor's, one
    per document) keeps the findings of each chain step, or condition of a
    long FILTER, from one check of the document to the next, so that only
    those an edit touched are checked again; the findings are the same.
    Raises ConfigError when the configuration that applies is invalid.
    """
    if settings is None:
        options = options or CheckOptions()
        settings = (resolver or SettingsResolver(options)).for_file(path)
    return finalize(_check_one(text, path, settings, steps), settings, extra)


def check_stdin(text: str, path: str | None, options: CheckOptions) -> FileReport:
    """Standard input checked as the file at `path` (`--stdin-filename`), as `check_paths` would
    check that file: with its project's cross-file findings, the text standing in for the file."""
    resolver = SettingsResolver(options)
    settings = resolver.for_file(path)
    report = _check_one(text, path, settings)
    extra: list[Diagnostic] = []
    if path is not None and holds_segments(path):
        projects = Projects(resolver, Exclusion(resolver.finder, options.files).walk_rules())
        workspaces = projects.workspaces([path])
        for workspace in workspaces:
            workspace.replace_texts({path: report.source.text})
        extra = workspace_diagnostics(workspaces, [report]).get(path, [])
    return finalize(report, settings, extra)


def _check_one(text: str, path: str | None, settings: FileSettings, steps: StepFindings | None = None) -> FileReport:
    """Analyse one text, applying fixes first when asked; the report is not finalized yet."""
    if settings.options.fix:
        def findings(current: str) -> list[Diagnostic]:
            return finalize(_analyse(current, path, settings), settings).diagnostics

        result = fix_until_stable(text, findings, unsafe=settings.options.unsafe_fixes)
        report = _analyse(result.text, path, settings)
        report.fixed = result.fixed
        if result.changed:
            report.original = text
        if result.reverted:
            report.fix_problem = ("a fix produced a query that does not parse, so it was not applied; "
                                  "please report this as a bug")
        elif not result.converged:
            report.fix_problem = _not_converged(result)
        return report
    return _analyse(text, path, settings, steps)


def _not_converged(result: FixResult) -> str:
    """Say which findings were still fixable when the passes ran out: the fixes made so far are kept."""
    places = [f"{d.code} at {d.range.start.line}:{d.range.start.column}" for d in result.unfinished[:3]]
    more = len(result.unfinished) - len(places)
    listing = ", ".join(places) + (f" and {more} more" if more else "")
    return (f"fixes did not converge after {result.passes} passes; the fixes made are kept, and these still "
            f"have one: {listing}; please report this as a bug")


def _analyse(text: str, path: str | None, settings: FileSettings, steps: StepFindings | None = None) -> FileReport:
    """The raw findings of every per-file stage, before suppression and selection."""
    if path is not None and path.lower().endswith(REQUEST_SUFFIXES):
        source = SourceText(text, path)
        from segquery.requests.files import check_request_file  # only .json bodies need it (start-up time)

        return FileReport(path, source, list(check_request_file(text)))
    directives = read_directives(SourceText(text, path))
    dialect = settings.choose_dialect(text, directives.dialect).dialect
    result = parse_tolerant(text, path=path, dialect=dialect)
    source = result.source
    diagnostics = list(result.diagnostics) + directives.problems
    kind = directives.kind or settings.kind
    if result.query is not None:
        # A segment's own `profile` directive says which profile type it selects (a lead segment).
        target = directives.profile or settings.target
        query_kind = QueryKind.parse(kind) if kind else None
        if steps is not None and not result.diagnostics:  # only a text without syntax findings splits into steps
            diagnostics += steps.check(result.query, source, kind=query_kind, schema=settings.schema, target=target,
                                       dialect=dialect, enabled=settings.is_enabled,
                                       line_length=settings.config.line_length)
        else:
            diagnostics += validate(result.query, source, kind=query_kind, schema=settings.schema, target=target,
                                    dialect=dialect)
            diagnostics += lint(result.query, source, enabled=settings.is_enabled,
                                line_length=settings.config.line_length, dialect=dialect)
    return FileReport(path, source, diagnostics, result.query, kind=kind, directives=directives)


def finalize(report: FileReport, settings: FileSettings, extra: Iterable[Diagnostic] = ()) -> FileReport:
    """Suppression, selection and severity: the diagnostics the user sees."""
    diagnostics = _unique(list(report.diagnostics) + list(extra))
    diagnostics = [d for d in diagnostics if settings.is_enabled(d.code)]
    directives = report.directives
    if directives is not None:
        for suppression in directives.suppressions:
            suppression.used = False
        diagnostics = apply_suppressions(diagnostics, directives)
        if settings.is_enabled("L101"):
            diagnostics += [d for d in unused_suppressions(report.source, directives, settings.is_enabled)
                            if not directives.suppressed(d)]
    diagnostics = [_with_configured_severity(d, settings.config) for d in diagnostics]
    return replace(report, diagnostics=sorted_diagnostics(diagnostics))


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple] = set()
    unique = []
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.start, diagnostic.end, diagnostic.message)
        if key not in seen:
            seen.add(key)
            unique.append(diagnostic)
    return unique


def _with_configured_severity(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    severity = severity_override(config, diagnostic.code)
    return diagnostic.with_severity(severity) if severity is not None else diagnostic


# ---------------------------------------------------------------- many files


def iter_query_files(paths: Iterable[str | Path], rules: WalkRules = DEFAULT_RULES, *,
                     on_skipped: SkipNote | None = note_on_stderr) -> Iterator[Path]:
    """Files named on the command line, and `*.segq` files below directories, in a stable order.

    `rules` say what walks leave out (ignore files, exclude globs; with
    `force_exclude`, excluded files named explicitly too). FIFOs, devices and
    sockets found in directories are skipped, and `on_skipped` is told.
    """
    for path, _explicit in walk_paths(paths, QUERY_SUFFIXES, rules, on_skipped=on_skipped):
        yield path


def check_file(path: str | Path, settings: FileSettings | None = None) -> FileReport:
    """The raw report of one file on disk (not finalized: see `finalize`), with what the
    workspace needs of it (`shape`), so that the workspace does not parse it again."""
    settings = settings or SettingsResolver(CheckOptions()).for_file(str(path))
    try:
        file = read_text(path)
    except UnreadableFile as error:
        return FileReport(str(path), error.source, [error.diagnostic])
    report = _check_one(file.text, str(path), settings)
    report.stored = file.stored
    report.shape = _shape(report, settings)
    return report


def _shape(report: FileReport, settings: FileSettings) -> CheckedShape | None:
    """The dialect a query file was read in and what its profile type depends on (its shape), as the
    workspace would make it from the tree; None for a file that is not a query file."""
    if report.directives is None:
        return None
    from segquery.workspace.shapes import query_shape

    dialect = settings.choose_dialect(report.source.text, report.directives.dialect).dialect
    return dialect.name, query_shape(report.query, settings.schema, dialect.name)


def check_files(files: list[str], resolver: SettingsResolver, *,
                on_report: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """The raw reports of the files, in order; each is also handed to `on_report` as soon as it is
    ready, so that the caller can work on it while the next files are checked.

    Many files are checked in worker processes, in chunks. Their reports carry
    no `query` tree, which would cost more to send back than to parse again,
    but they carry what the workspace needs of it (`shape`), and their text, so
    that the workspace neither reads nor parses them again.
    """
    reports = []
    for report in _reports(files, resolver):
        reports.append(report)
        if on_report is not None:
            on_report(report)
    return reports


def _reports(files: list[str], resolver: SettingsResolver) -> Iterator[FileReport]:
    """Each file's raw report, in order, as soon as it is ready (a worker's chunk at a time)."""
    options = resolver.options
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    if len(files) > PARALLEL_THRESHOLD and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # a few files need no pool (start-up time)

        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(options,)) as pool:
            for reports in pool.map(_worker_check, chunks_of(files, jobs)):   # in order, each as soon as done
                yield from reports
    else:
        for path in files:
            yield check_file(path, resolver.for_file(path))


# ---------------------------------------------------------------- the process pool

# Chunks of files a worker takes at a time: large enough that sending them costs little, never more
# than a quarter of what is left per worker, so that the last ones are small and the workers finish
# together instead of one checking a last large chunk while the others wait.
LARGEST_CHUNK = 256
SMALLEST_CHUNK = 8


def chunks_of(files: list[str], jobs: int) -> list[list[str]]:
    """The files in order, cut into chunks that shrink with what is left to check."""
    chunks = []
    start = 0
    while start < len(files):
        size = max(SMALLEST_CHUNK, min(LARGEST_CHUNK, (len(files) - start) // (jobs * 4)))
        chunks.append(files[start:start + size])
        start += size
    return chunks


_WORKER_RESOLVER: SettingsResolver | None = None


def _worker_init(options: CheckOptions) -> None:
    global _WORKER_RESOLVER
    use_batch_thresholds()
    _WORKER_RESOLVER = SettingsResolver(options)


def _worker_check(paths: list[str]) -> list[FileReport]:
    assert _WORKER_RESOLVER is not None
    reports = [check_file(path, _WORKER_RESOLVER.for_file(path)) for path in paths]
    for report in reports:
        report.query = None
    return reports
