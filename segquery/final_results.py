"""The final results of a whole `segquery check` run, reused when nothing it depends on changed.

A run's key is made of the tool's version, the command line, the settings of
every checked file (its configuration, the rules it ignores, its kind and
dialect setting, the content of its schema), the path and content of every
checked file, and the key of every workspace involved (the path, content and
dialect setting of each of its files). When the key is found, the reports
(each file's text and its findings after suppression, selection, severity
and the workspace's findings) are read back as they were printed: no parser,
rule or workspace is loaded.

The content of a file is known without reading it when its size, times
(modification and change) and inode are those recorded, as ruff does. A
file is recorded only when its times are older than the run by more than
the coarsest time step of common file systems (2 s), so that an edit made
in the same time step as the recording, which would leave the times as they
were, is still seen: such a file is read and hashed again next time.

The results live beside the per-file cache (`<cache dir>/<version>/results.json`,
JSON, written atomically); an unusable file is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from segquery import cache as cache_file
from segquery.cached_check import CacheKeys
from segquery.diagnostics import Applicability, Diagnostic, Fix, RelatedLocation, TextEdit
from segquery.files import UnreadableFile, read_bytes
from segquery.projects import Projects
from segquery.report import FileReport
from segquery.severity import Severity
from segquery.source import Position, Range, SourceText

RESULTS_FILENAME = "results.json"
_FORMAT = 1
_KEPT_RUNS = 4
# Times closer than this to the run are not trusted: coarse file systems (FAT) step by 2 s.
RACY_NS = 2_000_000_000
# The clock the times of files are compared with.
now_ns = time.time_ns


@dataclass
class _Results:
    """The content of a results file: file states by identity, and runs by key."""

    files: dict[str, list] = field(default_factory=dict)
    runs: dict[str, list] = field(default_factory=dict)


class FinalResults:
    """Looks a run up by its key, and records the reports of a run that was checked."""

    def __init__(self, files: list[str], projects: Projects) -> None:
        self.files = files
        self.projects = projects
        self.resolver = projects.resolver
        self.keys = CacheKeys(self.resolver)
        self.started = now_ns()
        self.hashed = 0                        # files read and hashed (their status was not enough)
        self._digests: dict[str, str | None] = {}   # identity -> content digest (None: unreadable)
        self._settings: dict[tuple, str] = {}
        self._changed_states = False
        self._run_key: str | None = None
        self._path: Path | None = None
        self._results = _Results()

    # ------------------------------------------------------------ lookup

    def lookup(self) -> list[FileReport] | None:
        """The final reports of the run from the results file, or None (a miss: check the files)."""
        if not self.files:
            return None
        self._path = (self.keys.directory(self.resolver.config_for(self.files[0])) / cache_file.VERSION
                      / RESULTS_FILENAME)
        self._results = _read(self._path)
        self._run_key = self._key()
        found = self._results.runs.get(self._run_key) if self._run_key is not None else None
        reports = _decoded(self.files, found) if found is not None else None
        if reports is not None and self._changed_states:
            self._save()
        return reports

    def _key(self) -> str | None:
        """The run's key; None when a file cannot be read (its report is never recorded)."""
        identities = [self.projects.identity(path) for path in self.files]
        checked = []
        for path, identity in zip(self.files, identities):
            content = self._digest(path, identity)
            if content is None:
                return None
            checked.append((path, self._settings_key(path), content))
        workspaces = []
        for group in self.projects.groups(self.files):
            dialect_of = group.dialect_of(self.resolver)
            members = sorted((identity, path, explicit, self._digest(path, identity) or "", dialect_of(path))
                             for identity, (path, explicit) in group.members.items())
            workspaces.append((str(group.root), self._settings_key(group.checked[0]), members))
        options = self.resolver.options
        return cache_file.digest(cache_file.VERSION, options.select, options.extend_select, options.ignore,
                                 options.unsafe_fixes, options.target, checked, workspaces).hex()

    def _settings_key(self, path: str) -> str:
        """A digest of everything about how a file is checked but its content."""
        parts = self.resolver.key_parts(path)
        found = self._settings.get(parts)
        if found is None:
            config = parts[0]
            found = self._settings[parts] = cache_file.digest(
                *parts, self.resolver.options.target or config.target, self.keys.schema(config)).hex()
        return found

    def _digest(self, path: str, identity: str) -> str | None:
        """The digest of a file's content: recorded for its status, else read and hashed (None: unreadable)."""
        if identity in self._digests:
            return self._digests[identity]
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            self._digests[identity] = None
            return None
        key = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
        recorded = self._results.files.get(identity)
        if recorded is not None and recorded[:4] == key:
            digest = recorded[4]
        else:
            try:
                digest = hashlib.sha256(read_bytes(path)).hexdigest()
            except UnreadableFile:
                self._digests[identity] = None
                return None
            self.hashed += 1
            settled = max(status.st_mtime_ns, status.st_ctime_ns) < self.started - RACY_NS
            if settled:
                self._results.files[identity] = [*key, digest]
                self._changed_states = True
            elif recorded is not None:
                del self._results.files[identity]
                self._changed_states = True
        self._digests[identity] = digest
        return digest

    # ------------------------------------------------------------ record

    def record(self, reports: list[FileReport]) -> None:
        """Record the reports of a checked run under its key, unless a file changed while it was checked
        (its report is then of other content than the key's)."""
        if self._path is None:
            return
        if self._run_key is not None and all(self._as_keyed(report) for report in reports):
            others = [(key, run) for key, run in self._results.runs.items() if key != self._run_key]
            self._results.runs = dict([(self._run_key, [_encoded(report) for report in reports]),
                                       *others[:_KEPT_RUNS - 1]])
            self._changed_states = True
        if self._changed_states:
            self._save()

    def _as_keyed(self, report: FileReport) -> bool:
        if report.path is None or report.stored is None:
            return False
        return self._digests.get(self.projects.identity(report.path)) == report.stored.digest.hex()

    def _save(self) -> None:
        assert self._path is not None
        data = {"format": _FORMAT, "version": cache_file.VERSION, "files": self._results.files,
                "runs": self._results.runs}
        try:
            cache_file.write_cache_file(self._path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
        except OSError as error:
            print(f"segquery: note: cannot write the cache in {self._path.parent.parent}: "
                  f"{error.strerror or error}", file=sys.stderr)


def _read(path: Path) -> _Results:
    """The results file's content; empty when missing, and noted (then rewritten) when unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _Results()
    except OSError as error:
        print(f"segquery: note: cannot read the cache {path}: {error.strerror or error}", file=sys.stderr)
        return _Results()
    try:
        content = json.loads(data)
        if (content["format"] == _FORMAT and content["version"] == cache_file.VERSION
                and isinstance(content["files"], dict) and isinstance(content["runs"], dict)):
            return _Results(content["files"], content["runs"])
    except (ValueError, TypeError, KeyError):
        pass
    print(f"segquery: note: ignoring the unusable cache {path}; it will be rewritten", file=sys.stderr)
    return _Results()


# ---------------------------------------------------------------- reports as JSON


def _encoded(report: FileReport) -> list:
    return [report.source.text, report.kind, [_diagnostic(d) for d in report.diagnostics]]


def _decoded(files: list[str], run: Any) -> list[FileReport] | None:
    """The reports of a recorded run, or None when the record is not one this version writes."""
    try:
        if len(run) != len(files):
            return None
        return [FileReport(path, SourceText(text, path), [_to_diagnostic(d) for d in diagnostics], kind=kind)
                for path, (text, kind, diagnostics) in zip(files, run)]
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _range(value: Range) -> list[int]:
    start, end = value.start, value.end
    return [start.offset, start.line, start.column, end.offset, end.line, end.column]


def _to_range(value: list[int]) -> Range:
    return Range(Position(value[0], value[1], value[2]), Position(value[3], value[4], value[5]))


def _diagnostic(diagnostic: Diagnostic) -> list:
    fix = diagnostic.fix
    return [diagnostic.code, int(diagnostic.severity), diagnostic.message, _range(diagnostic.range),
            None if fix is None else [fix.message, fix.applicability.value,
                                      [[edit.start, edit.end, edit.new_text] for edit in fix.edits]],
            [[related.message, _range(related.range), related.path] for related in diagnostic.related]]


def _to_diagnostic(value: list) -> Diagnostic:
    code, severity, message, where, fix, related = value
    return Diagnostic(
        code, Severity(severity), message, _to_range(where),
        None if fix is None else Fix(fix[0], tuple(TextEdit(*edit) for edit in fix[2]), Applicability(fix[1])),
        tuple(RelatedLocation(item[0], _to_range(item[1]), item[2]) for item in related))
