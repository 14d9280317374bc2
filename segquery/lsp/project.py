"""The project the server works on: its root folders, their settings, and the
workspace of segments that cross-file diagnostics, completion and navigation
read.

Settings come from the engine's resolver (the closest `segquery.toml` or
`pyproject.toml` with a `[tool.segquery]` table, as for `segquery check`).
The workspace holds every `*.segq` and `*.json` file below the roots, with
the text of open documents in place of what is on disk; each change returns
the files whose diagnostics may have changed, which the server republishes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from segquery import engine
from segquery.config import Config, ConfigError, resolve_selection
from segquery.dialect_choice import DialectChoice, choose_dialect_of_text
from segquery.syntax.dialect import Dialect
from segquery.diagnostics import Diagnostic
from segquery.engine import CheckOptions, FileSettings, SettingsResolver
from segquery.rules import catalog
from segquery.schema import Schema
from segquery.schema.default import default_schema
from segquery.schema.errors import SchemaError
from segquery.step_findings import StepFindings
from segquery.files import UnreadableFile, read_text
from segquery.workspace import Segment, Workspace
from segquery.file_selection import Exclusion, FileSelection
from segquery.paths import JSON_SUFFIX, WalkRules, walk_finds
from segquery.workspace.loading import QUERY_SUFFIX, discover

logger = logging.getLogger(__name__)

CONFIG_FILENAMES = ("segquery.toml", "pyproject.toml")
WORKSPACE_SUFFIXES = (QUERY_SUFFIX, JSON_SUFFIX)


class Project:
    def __init__(self) -> None:
        self.roots: list[Path] = []
        self.problems: list[str] = []     # configuration and schema errors, for the user to see
        # The editor's `dialect` setting (a name or `auto`), which wins over the configuration's.
        self.dialect_setting: str | None = None
        self._resolver = SettingsResolver(CheckOptions())
        self._settings: dict[str | None, FileSettings] = {}
        self._walk_rules = WalkRules()
        self.workspace = Workspace()
        # Each open document's findings per chain step (segquery/step_findings.py), kept from one check to the next.
        self._steps: dict[str | None, StepFindings] = {}

    # ------------------------------------------------------------ loading

    def load(self, roots: list[Path], overlays: dict[str, str]) -> None:
        """(Re)read the settings and every workspace file below `roots`; `overlays`
        (path -> text) are the open documents, which win over the disk."""
        self.roots = roots
        self.problems = []
        self._resolver = SettingsResolver(CheckOptions(dialect=self.dialect_setting))
        self._settings = {}
        self._steps = {}
        settings = self.settings(None)
        # The files `segquery check` would read: the configuration's exclusions and the ignore files apply.
        self._walk_rules = Exclusion(self._resolver.finder, FileSelection()).walk_rules()
        files = discover(roots, rules=self._walk_rules, on_skipped=None)
        self.workspace = Workspace.from_files(files, target_profile=settings.target, schema=settings.schema,
                                              dialect_of=lambda path: self.settings(path).dialect_setting)
        for path, text in overlays.items():
            self.update(path, text)

    def settings(self, path: str | None) -> FileSettings:
        """The settings of a document (those of its closest configuration file); for
        an unsaved document, those of the first root. Defaults, and a problem to
        show, when the configuration cannot be used."""
        if path is None and self.roots:
            path = str(self.roots[0] / "unsaved.segq")
        cached = self._settings.get(path)
        if cached is not None:
            return cached
        try:
            settings = self._resolver.for_file(path)
        except (ConfigError, SchemaError, OSError) as error:
            self._report(str(error))
            settings = default_settings()
        self._settings[path] = settings
        return settings

    def _report(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)
        logger.warning("%s", problem)

    # ------------------------------------------------------------ reading

    def schema(self, path: str | None) -> Schema:
        return self.settings(path).schema or default_schema()

    def dialect(self, path: str | None, text: str) -> Dialect:
        """The dialect of a document: its directive's, else the editor's setting or its configuration's
        (with `auto`, the text's constructs decide)."""
        return self.dialect_choice(path, text).dialect

    def dialect_choice(self, path: str | None, text: str) -> DialectChoice:
        return choose_dialect_of_text(text, self.settings(path).dialect_setting)

    def segments(self) -> list[Segment]:
        return self.workspace.segments

    def names_and_references(self, path: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
        """What other files' reference counts read from a file: each segment's names and the
        names it references (where in the file they are written plays no part); None when the
        workspace cannot say."""
        try:
            return [(segment.handles, tuple(reference.name for reference in segment.references))
                    for segment in self.workspace.segments_in(path)]
        except Exception:  # noqa: BLE001 - the document's own check reports the failure (E007)
            logger.exception("reading the segments of %s failed", path)
            return None

    def check(self, text: str, path: str | None) -> list[Diagnostic]:
        """Every diagnostic of one document: its own and the workspace's about it,
        with suppression comments, rule selection and severities applied."""
        settings = self.settings(path)
        extra = self.workspace.diagnostics_for(path) if path is not None else []
        steps = self._steps.get(path)
        if steps is None:
            steps = self._steps[path] = StepFindings()
        return engine.check_text(text, path=path, settings=settings, extra=extra, steps=steps).diagnostics

    def forget(self, path: str | None) -> None:
        """A document was closed: what its checks kept is of no more use."""
        self._steps.pop(path, None)

    def check_text(self, text: str, path: str | None) -> list[Diagnostic]:
        """The diagnostics of one text on its own (what fixing re-checks after each pass)."""
        return self.checker(path)(text)

    def checker(self, path: str | None) -> Callable[[str], list[Diagnostic]]:
        """`check_text` for `path` with its settings read now: a pure function of the
        text, which the background thread may run while the project changes."""
        settings = self.settings(path)
        return lambda text: engine.check_text(text, path=path, settings=settings).diagnostics

    def known_findings(self, path: str | None) -> list[Diagnostic]:
        """The workspace's findings about a document whose own check failed, if it has them."""
        if path is None:
            return []
        try:
            return self.workspace.diagnostics_for(path)
        except Exception:  # noqa: BLE001 - the caller reports the failure that brought it here
            logger.exception("the workspace's findings for %s failed too", path)
            return []

    def file_text(self, path: str) -> str | None:
        source = self.workspace.source(path)
        if source is not None:
            return source.text
        try:
            return read_text(path).text
        except UnreadableFile:
            return None

    # ------------------------------------------------------------ changes

    def update(self, path: str, text: str | None = None) -> list[str]:
        """A workspace file changed (`text` as the editor holds it, or None to read the disk).
        Returns the paths whose diagnostics may have changed."""
        if not path.endswith(WORKSPACE_SUFFIXES):
            return []
        if text is None and not (Path(path).is_file() and self._found_by_walk(path)):
            return self.workspace.remove_file(path)
        return self.workspace.update_file(path, text)

    def _found_by_walk(self, path: str) -> bool:
        """Whether loading the roots would read this file (an excluded or ignored one stays out);
        an open document is always part of the workspace."""
        return any(walk_finds(root, Path(path), WORKSPACE_SUFFIXES, self._walk_rules) for root in self.roots)

    def remove(self, path: str) -> list[str]:
        return self.workspace.remove_file(path)


def default_settings() -> FileSettings:
    """The settings without any configuration file."""
    config = Config()
    enabled = resolve_selection([], [(rule.code, rule.default_enabled) for rule in catalog.all_rules()])
    return FileSettings(config=config, enabled=enabled, schema=None, target=config.target, kind=None,
                        options=CheckOptions())


def is_config_file(path: str) -> bool:
    return Path(path).name in CONFIG_FILENAMES
