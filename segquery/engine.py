"""The analysis pipeline behind `segquery check` and the language server.

For each file: parse -> (when it parses) validate with the file's kind,
schema and target -> lint -> (for the checked set) workspace diagnostics ->
suppression by comment directives -> rule selection -> severity. `.json`
files go to the request validator instead. Fixes, when asked for, are
applied per file until nothing is left to fix.

Front ends call `check_text` / `check_paths`; they add no logic of their own.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from segquery.config import Config, ConfigError, ConfigFinder, ProjectFinder, resolve_selection, severity_override
from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.lint import lint
from segquery.lint.fixes import FixResult, fix_until_stable
from segquery.lint.suppression import (
    UNSUPPRESSIBLE_PREFIXES,
    FileDirectives,
    apply_suppressions,
    read_directives,
    unused_suppressions,
)
from segquery.schema import Schema, SchemaError, default_schema, load_schema
from segquery.schema.reading import is_inline
from segquery.semantic import QueryKind, validate
from segquery.source import SourceText
from segquery.syntax import ast, codes
from segquery.file_selection import Exclusion, FileSelection
from segquery.files import Stored, UnreadableFile, read_text
from segquery.syntax.dialect import Dialect
from segquery.dialect_choice import DialectChoice, choose_dialect
from segquery.syntax.dialects import DEFAULT_DIALECT, dialect_named
from segquery.syntax.parser import parse_tolerant
from segquery.paths import DEFAULT_RULES, SkipNote, WalkRules, is_json_path, note_on_stderr, path_key, walk_paths

if TYPE_CHECKING:
    from segquery.workspace import Workspace

QUERY_SUFFIXES = (".segq",)
REQUEST_SUFFIXES = (".json", ".http")
# Below this many files the pool's start-up costs more than it saves.
PARALLEL_THRESHOLD = 64
T = TypeVar("T")


@dataclass(frozen=True)
class CheckOptions:
    """What the command line (or another front end) asks for; None means "as configured"."""

    config: str | None = None           # a configuration file that replaces discovery
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    kind: str | None = None             # dynamic, static, compound or fetch
    schema: str | None = None           # a schema file, relative to the working directory
    target: str | None = None           # the profile type dynamic segments must end on
    dialect: str | None = None          # the dialect every file is written in (a directive still wins)
    fix: bool = False                   # compute fixes (the caller decides whether to write them)
    unsafe_fixes: bool = False
    jobs: int | None = None             # worker processes; None: one per CPU
    files: FileSelection = FileSelection()   # which files walks leave out
    cache: bool = False                 # reuse and record results in the check cache (never while fixing)


@dataclass
class FileReport:
    """Everything found in one file (after fixes, when fixes were asked for)."""

    path: str | None
    source: SourceText
    diagnostics: list[Diagnostic] = field(default_factory=list)
    query: ast.Query | None = None       # None when the text did not parse, or it was checked in a worker
    kind: str | None = None
    original: str | None = None          # the text before fixes, when fixes changed it
    fixed: Counter = field(default_factory=Counter)   # code -> fixes applied
    fix_problem: str | None = None
    directives: FileDirectives | None = field(default=None, repr=False)
    stored: Stored | None = None          # how the file was stored, to write fixes back (None: not from a file)

    @property
    def changed(self) -> bool:
        return self.original is not None and self.original != self.source.text


# ---------------------------------------------------------------- settings


@dataclass
class FileSettings:
    """The effective settings for one file: its configuration plus the command line."""

    config: Config
    enabled: frozenset[str]
    schema: Schema | None
    target: str
    kind: str | None
    options: CheckOptions
    dialect: Dialect = DEFAULT_DIALECT
    # What the configuration or `--dialect` says: a dialect's name, or `auto` (each text's constructs decide).
    dialect_setting: str = DEFAULT_DIALECT.name

    def choose_dialect(self, text: str, directive: str | None = None) -> DialectChoice:
        """The dialect `text` is read in under these settings (a directive in it wins)."""
        return choose_dialect(text, self.dialect_setting, directive=directive)

    def is_enabled(self, code: str) -> bool:
        return code.startswith(UNSUPPRESSIBLE_PREFIXES) or code in self.enabled


class SettingsResolver:
    """Resolves FileSettings per file, caching configurations per directory and schemas per path."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.finder = ConfigFinder(Path(options.config) if options.config else None)
        # Imported here: the catalog loads every rule module, which `segquery format` (it imports
        # this module) does not need.
        from segquery.rules import catalog

        self._codes = [(rule.code, rule.default_enabled) for rule in catalog.all_rules()]
        self._selection: dict[tuple, frozenset[str]] = {}
        self._schemas: dict[Path, Schema] = {}
        self._by_folder: dict[str, Config] = {}
        self._by_path: dict[str, Config] = {}
        self._settings: dict[tuple, FileSettings] = {}   # (configuration, ignores, kind, schema loaded) -> settings

    def config_for(self, path: str | None) -> Config:
        if path is None:
            return self.finder.for_path(None)
        config = self._by_path.get(path)
        if config is not None:
            return config
        if os.path.islink(path):           # its configuration is that of the folder it links to
            config = self.finder.for_path(Path(path))
        else:                              # files of one folder share a configuration: resolve it once
            folder = os.path.dirname(path)
            config = self._by_folder.get(folder)
            if config is None:
                config = self._by_folder[folder] = self.finder.for_path(Path(path))
        self._by_path[path] = config
        return config

    def for_file(self, path: str | None, *, load_schema: bool = True) -> FileSettings:
        """The settings for a file; without `load_schema`, `schema` is left None (for finalizing
        a cached report, which needs no schema: the cache key holds the schema's content)."""
        config = self.config_for(path)
        # Only globs of the configuration make a file's settings differ from its folder's.
        file_path = (Path(path) if path is not None and (config.per_file_ignores or config.kinds or config.dialects)
                     else None)
        extra_ignores = config.ignored_for(file_path)
        kind = self.options.kind or config.kind_for(file_path)
        dialect_setting = self.options.dialect or config.dialect_for(file_path)
        schema_path = self.schema_path(config)
        load = schema_path is not None and load_schema
        made = self._settings.get((id(config), extra_ignores, kind, load, dialect_setting))
        if made is not None:
            return made
        key = (config.path, extra_ignores)
        enabled = self._selection.get(key)
        if enabled is None:
            options = self.options
            enabled = resolve_selection([
                (config.select, config.extend_select, config.ignore),
                (options.select, options.extend_select, options.ignore),
                (None, (), extra_ignores),
            ], self._codes)
            self._selection[key] = enabled
        schema = self._schema(schema_path) if load and schema_path is not None else None
        made = FileSettings(config=config, enabled=enabled, schema=schema,
                            target=self.options.target or config.target, kind=kind, options=self.options,
                            dialect=dialect_named(dialect_setting) or DEFAULT_DIALECT, dialect_setting=dialect_setting)
        self._settings[(id(config), extra_ignores, kind, load, dialect_setting)] = made
        return made

    def schema_path(self, config: Config) -> Path | None:
        """The user's schema file for files under `config` (None: the bundled schema only)."""
        return Path(self.options.schema).resolve() if self.options.schema else config.schema

    def _schema(self, path: Path) -> Schema:
        """A user's schema combined with the bundled default, as docs/schema.md advises
        (loaded once per path): a hand-written JSON schema is laid over the default;
        the default is laid over a `$metadata` document, to keep its finer types."""
        schema = self._schemas.get(path)
        if schema is None:
            try:
                user = load_schema(path)
                is_metadata = is_inline(path.read_bytes(), "<")
            except (SchemaError, OSError) as error:
                raise ConfigError(path, f"cannot use the schema: {error}") from None
            schema = user.merge(default_schema()) if is_metadata else default_schema().merge(user)
            self._schemas[path] = schema
        return schema


# ---------------------------------------------------------------- one file


def check_text(text: str, *, path: str | None = None, options: CheckOptions | None = None,
               resolver: SettingsResolver | None = None, settings: FileSettings | None = None,
               extra: Iterable[Diagnostic] = ()) -> FileReport:
    """All diagnostics for one text (a query, or a request body when `path` ends in .json).

    `settings` (default: those that apply to `path`) and `extra` (findings
    from elsewhere about this text, such as the workspace's) let an editor
    check an open document exactly as `check_paths` checks a file on disk:
    suppression and selection apply to both, once.
    Raises ConfigError when the configuration that applies is invalid.
    """
    if settings is None:
        options = options or CheckOptions()
        settings = (resolver or SettingsResolver(options)).for_file(path)
    return finalize(_check_one(text, path, settings), settings, extra)


def check_stdin(text: str, path: str | None, options: CheckOptions) -> FileReport:
    """Standard input checked as the file at `path` (`--stdin-filename`), as `check_paths` would
    check that file: with its project's cross-file findings, the text standing in for the file."""
    resolver = SettingsResolver(options)
    settings = resolver.for_file(path)
    report = _check_one(text, path, settings)
    extra: list[Diagnostic] = []
    if path is not None and _holds_segments(path):
        projects = Projects(resolver, Exclusion(resolver.finder, options.files).walk_rules())
        workspaces = projects.workspaces([path])
        for workspace in workspaces:
            workspace.replace_texts({path: report.source.text})
        extra = workspace_diagnostics(workspaces, [report]).get(path, [])
    return finalize(report, settings, extra)


def _check_one(text: str, path: str | None, settings: FileSettings) -> FileReport:
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
    return _analyse(text, path, settings)


def _not_converged(result: FixResult) -> str:
    """Say which findings were still fixable when the passes ran out: the fixes made so far are kept."""
    places = [f"{d.code} at {d.range.start.line}:{d.range.start.column}" for d in result.unfinished[:3]]
    more = len(result.unfinished) - len(places)
    listing = ", ".join(places) + (f" and {more} more" if more else "")
    return (f"fixes did not converge after {result.passes} passes; the fixes made are kept, and these still "
            f"have one: {listing}; please report this as a bug")


def _analyse(text: str, path: str | None, settings: FileSettings) -> FileReport:
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
        diagnostics += validate(result.query, source, kind=QueryKind.parse(kind) if kind else None,
                                schema=settings.schema, target=target, dialect=dialect)
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
    """The raw report of one file on disk (not finalized: see `check_paths`)."""
    settings = settings or SettingsResolver(CheckOptions()).for_file(str(path))
    try:
        file = read_text(path)
    except UnreadableFile as error:
        return FileReport(str(path), error.source, [error.diagnostic])
    report = _check_one(file.text, str(path), settings)
    report.stored = file.stored
    return report


def check_paths(paths: Iterable[str | Path], *, options: CheckOptions | None = None) -> list[FileReport]:
    """Check every query file named or found below the named directories, in a stable order.

    With `options.cache` (and no fixes), results still valid in the check
    cache are reused and new ones recorded (see segquery.cached_check).
    Raises ConfigError for an invalid configuration.
    """
    options = options or CheckOptions()
    resolver = SettingsResolver(options)
    paths = list(paths)
    rules = Exclusion(resolver.finder, options.files).walk_rules()
    files = [str(path) for path in iter_query_files(paths, rules)]
    projects = Projects(resolver, rules, searched=[Path(path) for path in paths if Path(path).is_dir()])
    if options.cache and not options.fix:
        from segquery.cached_check import check_with_cache  # only cached runs need it

        reports, extra = check_with_cache(files, resolver, projects)
    else:
        reports, workspaces = check_files(files, resolver, meanwhile=lambda: projects.workspaces(files))
        extra = workspace_diagnostics(workspaces, reports)
    return [finalize(report, resolver.for_file(report.path, load_schema=False),
                     extra.get(report.path, ()) if report.path is not None else ())
            for report in reports]


def check_files(files: list[str], resolver: SettingsResolver,
                meanwhile: Callable[[], T]) -> tuple[list[FileReport], T]:
    """The raw reports of the files, in order, and what `meanwhile` returns.

    Many files are checked in worker processes (their reports carry no
    `query` tree, which would cost more to send back than to parse again),
    while `meanwhile` (building the workspace) runs in this process.
    """
    options = resolver.options
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    if len(files) > PARALLEL_THRESHOLD and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # a few files need no pool (start-up time)

        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(options,)) as pool:
            size = max(8, min(256, len(files) // (jobs * 8) or 1))
            futures = [pool.submit(_worker_check, files[index:index + size]) for index in range(0, len(files), size)]
            result = meanwhile()
            return [report for future in futures for report in future.result()], result
    reports = [check_file(path, resolver.for_file(path)) for path in files]
    return reports, meanwhile()


class Projects:
    """The workspaces that SEGMENT references of the checked query files resolve in.

    A checked file's workspace is its whole project, whichever files were
    named: every `*.segq` / `*.json` file below the project root (the closest
    directory holding a configuration file or `.git`; else the directory named
    to be searched; else the file's own directory) that is not in a nested
    project and that the walk rules do not leave out. Each workspace takes
    its options from the configuration of its first checked file.
    """

    def __init__(self, resolver: SettingsResolver, rules: WalkRules, searched: Iterable[Path] = ()) -> None:
        self.resolver = resolver
        self.rules = WalkRules(rules.excluded, rules.respect_ignore_files)   # a project's files are found, not named
        self.searched = [directory.resolve() for directory in searched]
        self.finder = ProjectFinder()

    def root_for(self, path: str) -> Path:
        directory = self.finder.directory_of(path)
        fallback = next((searched for searched in self.searched
                         if searched == directory or searched in directory.parents), None)
        return self.finder.root_for(path, fallback)

    def workspaces(self, files: list[str]) -> list[Workspace]:
        """The workspaces of the checked files, read and resolved."""
        return [group.build(self.resolver) for group in self.groups(files)]

    def groups(self, files: list[str]) -> list[WorkspaceGroup]:
        """The files of each workspace the checked files belong to."""
        groups: dict[Path, list[str]] = {}
        for path in files:
            if _holds_segments(path):
                groups.setdefault(self.root_for(path), []).append(path)
        return [self._group(root, checked) for root, checked in groups.items()]

    def _group(self, root: Path, checked: list[str]) -> WorkspaceGroup:
        from segquery.workspace.loading import discover  # a run whose findings are all cached reads no workspace

        members: dict[str, tuple[str, bool]] = {}  # file identity -> (path, named explicitly)
        for path, _explicit in discover([root], rules=self.rules, on_skipped=None):  # noted by the first walk
            if self.finder.root_for(path, root) == root:
                members[path_key(path)] = (path, False)
        for path in checked:  # the checked spelling of a path wins, so reports and findings match
            members[path_key(path)] = (path, True)
        return WorkspaceGroup(root, checked, members)


@dataclass
class WorkspaceGroup:
    """The files of one workspace (a project): `members` maps each file's identity to (path, named
    explicitly); its options are those of the first checked file."""

    root: Path
    checked: list[str]
    members: dict[str, tuple[str, bool]]

    def build(self, resolver: SettingsResolver) -> Workspace:
        from segquery.workspace import Workspace  # a run whose findings are all cached needs none

        settings = resolver.for_file(self.checked[0])
        return Workspace.from_files(self.members.values(), target_profile=settings.target, schema=settings.schema,
                                    dialect_of=self.dialect_of(resolver))

    def dialect_of(self, resolver: SettingsResolver) -> Callable[[str], str]:
        """The dialect setting of each file of the workspace."""
        return dialect_setting_of(resolver, resolver.for_file(self.checked[0], load_schema=False).dialect_setting)


def dialect_setting_of(resolver: SettingsResolver, fallback: str = DEFAULT_DIALECT.name) -> Callable[[str], str]:
    """The dialect setting of a file by its path: a dialect's name or `auto` (`fallback` where its
    configuration cannot be used)."""
    def setting(path: str) -> str:
        try:
            return resolver.for_file(path, load_schema=False).dialect_setting
        except ConfigError:
            return fallback

    return setting

def _holds_segments(path: str) -> bool:
    """A query file, or a JSON request body or collection of segment records (named on the command line)."""
    return path.endswith(QUERY_SUFFIXES) or is_json_path(path)


def workspace_diagnostics(workspaces: list[Workspace], reports: list[FileReport]) -> dict[str, list[Diagnostic]]:
    """The cross-file findings (SEGMENT references, cycles...) of each checked query file,
    after telling its workspace about the files that fixes changed."""
    found: dict[str, list[Diagnostic]] = {}
    checked = [(report.path, report) for report in reports
               if report.path is not None and _holds_segments(report.path)]
    for workspace in workspaces:
        members = {path_key(path) for path in workspace.files}
        mine = [(path, report) for path, report in checked if path_key(path) in members]
        # All changes first, then the findings: the graph is rebuilt once, not once per fixed file.
        workspace.replace_texts({path: report.source.text for path, report in mine if report.changed})
        for path, _ in mine:
            keep = _graph_finding if is_json_path(path) else _not_a_read_failure
            found[path] = [d for d in workspace.diagnostics_for(path) if keep(d)]
    return found


def _not_a_read_failure(diagnostic: Diagnostic) -> bool:
    return diagnostic.code not in codes.READ_FAILURES


def _graph_finding(diagnostic: Diagnostic) -> bool:
    """For a JSON file: what the workspace alone knows (references, cycles, depth, duplicates).
    What reading the file finds about its records is the request checker's to say (R001, R016, R017)."""
    from segquery.workspace import codes as workspace_codes  # loaded with the workspace that found it

    return (diagnostic.code.startswith("W")
            and diagnostic.code not in (workspace_codes.UNNAMED_RECORD, workspace_codes.NO_SEGMENTS))


# ---------------------------------------------------------------- the process pool


_WORKER_RESOLVER: SettingsResolver | None = None


def _worker_init(options: CheckOptions) -> None:
    global _WORKER_RESOLVER
    _WORKER_RESOLVER = SettingsResolver(options)


def _worker_check(paths: list[str]) -> list[FileReport]:
    assert _WORKER_RESOLVER is not None
    reports = [check_file(path, _WORKER_RESOLVER.for_file(path)) for path in paths]
    for report in reports:
        report.query = None
    return reports
