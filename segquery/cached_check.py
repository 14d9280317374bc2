"""`check_paths` with the check cache: reuse what is still valid, check the rest, record it.

A file's raw report (its findings before suppression and selection, its
kind and its directives) is reused when the file's content and settings are
those it was recorded with; a workspace's findings when every file of the
workspace (checked or not) and its settings are unchanged. Otherwise the
file is checked, or the workspace built, as without the cache, and the
result recorded. Reports of files that could not be read are never recorded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from segquery import cache as cache_file
from segquery.cache import CheckCache, default_cache_dir, digest
from segquery.config import Config
from segquery.diagnostics import Diagnostic
from segquery.check_settings import FileSettings, SettingsResolver
from segquery.projects import Projects, WorkspaceGroup, WorkspacesLoading, workspace_diagnostics
from segquery.report import FileReport
from segquery.files import UnreadableFile, read_bytes, read_text
from segquery.paths import path_key
from segquery.source import SourceText

_UNREADABLE = b"unreadable"


class CacheKeys:
    """The parts of a key that do not depend on the file's content, worked out once per settings."""

    def __init__(self, resolver: SettingsResolver) -> None:
        self.resolver = resolver
        self._schemas: dict[Path | None, bytes] = {}
        self._settings: dict[tuple, bytes] = {}
        self._directories: dict[tuple, Path] = {}
        self._made: dict[int, tuple[FileSettings, bytes]] = {}

    def directory(self, config: Config) -> Path:
        """Where the cache of files under `config` lives: its `cache-dir`, else `.segquery_cache` beside it."""
        key = (config.path, config.cache_dir)
        found = self._directories.get(key)
        if found is None:
            found = self._directories[key] = config.cache_dir or default_cache_dir(
                config.path.parent.resolve() if config.path is not None else None)
        return found

    def schema(self, config: Config) -> bytes:
        """The digest of the user's schema file (b"" for the bundled one, which the version covers)."""
        path = self.resolver.schema_path(config)
        found = self._schemas.get(path)
        if found is None:
            found = b""
            if path is not None:
                try:
                    found = hashlib.sha256(read_bytes(path, bounded=False)).digest()
                except UnreadableFile:
                    found = _UNREADABLE    # loading it will report the problem
            self._schemas[path] = found
        return found

    def settings(self, settings: FileSettings) -> bytes:
        """Everything about how a file is checked: version, configuration, command line, rules, schema."""
        made = self._made.get(id(settings))    # the resolver hands out one FileSettings per settings
        if made is not None and made[0] is settings:
            return made[1]
        options = settings.options
        parts = (settings.config, tuple(sorted(settings.enabled)), settings.target, settings.kind,
                 settings.dialect_setting, options.select, options.extend_select, options.ignore, options.unsafe_fixes)
        found = self._settings.get(parts)
        if found is None:
            found = self._settings[parts] = digest(cache_file.VERSION, *parts, self.schema(settings.config))
        self._made[id(settings)] = (settings, found)
        return found

    def file(self, settings: FileSettings, content: bytes) -> bytes:
        return digest(self.settings(settings), content)


def check_with_cache(files: list[str], resolver: SettingsResolver,
                     projects: Projects) -> tuple[list[FileReport], dict[str, list[Diagnostic]]]:
    """The raw reports of `files` (in order) and the workspace findings per path, from the cache where valid."""
    from segquery.engine import check_files  # the final results (segquery.final_results) need no engine

    cache = CheckCache()
    keys = CacheKeys(resolver)
    found: dict[str, FileReport] = {}
    identities = {path: path_key(path) for path in files}
    contents: dict[str, bytes] = {}     # file identity -> digest of the content read
    for path in files:
        report = _cached_report(path, identities[path], resolver, cache, keys, contents)
        if report is not None:
            found[path] = report
    workspaces = _WorkspaceFindings(files, identities, projects, cache, keys, contents)
    loading = workspaces.start()
    for report in found.values():
        loading.add(report)
    fresh = check_files([path for path in files if path not in found], resolver, on_report=loading.add)
    for report in fresh:
        checked = report.path
        assert checked is not None  # every checked file has a path; standard input is never cached
        found[checked] = report
        if report.stored is not None:
            settings = resolver.for_file(checked, load_schema=False)
            cache.put(keys.directory(settings.config), identities[checked],
                      keys.file(settings, report.stored.digest), (report.diagnostics, report.kind, report.directives))
    reports = [found[path] for path in files]
    extra = workspaces.findings(reports)
    cache.save()
    return reports, extra


def _cached_report(path: str, identity: str, resolver: SettingsResolver, cache: CheckCache, keys: CacheKeys,
                   contents: dict[str, bytes]) -> FileReport | None:
    try:
        file = read_text(path)
    except UnreadableFile:
        return None
    contents[identity] = file.stored.digest
    settings = resolver.for_file(path, load_schema=False)
    payload = cache.lookup(keys.directory(settings.config), identity, keys.file(settings, file.stored.digest))
    if payload is None:
        return None
    diagnostics, kind, directives = payload
    return FileReport(path, SourceText(file.text, path), list(diagnostics), kind=kind, directives=directives,
                      stored=file.stored)


class _WorkspaceFindings:
    """The workspace findings of the checked files, from the cache or from workspaces read (while
    worker processes check the files) from the contents the keys were made of."""

    def __init__(self, files: list[str], identities: dict[str, str], projects: Projects,
                 cache: CheckCache, keys: CacheKeys, contents: dict[str, bytes]) -> None:
        self.files = files
        self.identities = identities
        self.projects = projects
        self.resolver = projects.resolver
        self.cache = cache
        self.keys = keys
        self.contents = contents
        self.found: dict[str, list[Diagnostic]] = {}
        self.missed: list[tuple[WorkspaceGroup, Path, bytes]] = []   # (group, cache directory, key)
        self.loading = WorkspacesLoading(self.resolver, [])

    def start(self) -> WorkspacesLoading:
        """Reuse each workspace's cached findings; the others are read from the reports handed to the
        loading returned (those of the cached files, and each checked file's as soon as it is checked)."""
        for group in self.projects.groups(self.files):
            settings = self.resolver.for_file(group.checked[0], load_schema=False)
            dialect_of = group.dialect_of(self.resolver)
            members = sorted((identity, path, explicit, self.contents.get(identity) or _content(path),
                              dialect_of(path))
                             for identity, (path, explicit) in group.members.items())
            key = digest(cache_file.VERSION, settings.target, self.keys.schema(settings.config), members)
            directory = self.keys.directory(settings.config)
            found = self.cache.lookup_workspace(directory, key)
            if found is not None:
                self.found.update(found)
            else:
                self.missed.append((group, directory, key))
        self.loading = WorkspacesLoading(self.resolver, [group for group, _, _ in self.missed])
        return self.loading

    def findings(self, reports: list[FileReport]) -> dict[str, list[Diagnostic]]:
        """Every checked file's workspace findings; those of workspaces read are recorded, unless a
        file changed while it was being checked (its report is then of other content than the key's)."""
        changed = {self.identities[report.path] for report in reports
                   if report.path is not None and self.contents.get(self.identities[report.path]) != _digest_of(report)}
        for (group, directory, key), workspace in zip(self.missed, self.loading.finish()):
            found = workspace_diagnostics([workspace], reports)
            if not set(group.members) & changed:
                self.cache.put_workspace(directory, key, found)
            self.found.update(found)
        return self.found


def _digest_of(report: FileReport) -> bytes:
    return report.stored.digest if report.stored is not None else _UNREADABLE


def _content(path: str) -> bytes:
    """The digest of a file's bytes (a workspace file not checked: JSON, or outside the paths given)."""
    try:
        return hashlib.sha256(read_bytes(path)).digest()
    except UnreadableFile:
        return _UNREADABLE
