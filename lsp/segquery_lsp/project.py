"""The project the server works on: its root folders, their settings, and the
workspace of segments that cross-file diagnostics, completion and navigation
read.

The workspace holds every `*.segq` and `*.json` file below the roots, with
the text of open documents in place of what is on disk; each change returns
the files whose diagnostics may have changed, which the server republishes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from segquery.config import Config, ConfigError, ConfigFinder
from segquery.diagnostics import Diagnostic
from segquery.engine import check_text
from segquery.schema import Schema
from segquery.schema.default import default_schema
from segquery.schema.errors import SchemaError
from segquery.schema.loading import load_schema
from segquery.syntax.parser import read_source_file
from segquery.workspace import Segment, Workspace

logger = logging.getLogger(__name__)

CONFIG_FILENAMES = ("segquery.toml", "pyproject.toml")
WORKSPACE_SUFFIXES = (".segq", ".json")


@dataclass(frozen=True)
class Settings:
    """What one configuration file says, ready to use: its config and schema."""

    config: Config
    schema: Schema


class Project:
    def __init__(self) -> None:
        self.roots: list[Path] = []
        self.problems: list[str] = []     # configuration and schema errors, for the user to see
        self._finder = ConfigFinder()
        self._settings: dict[Path | None, Settings] = {}
        self.workspace = Workspace()

    # ------------------------------------------------------------ loading

    def load(self, roots: list[Path], overlays: dict[str, str]) -> None:
        """(Re)read the settings and every workspace file below `roots`; `overlays`
        (path -> text) are the open documents, which win over the disk."""
        self.roots = roots
        self.problems = []
        self._finder = ConfigFinder()
        self._settings = {}
        settings = self.settings(None)
        self.workspace = Workspace.from_paths(roots, target_profile=settings.config.target,
                                              schema=settings.schema)
        for path, text in overlays.items():
            self.workspace.update_file(path, text)

    def settings(self, path: str | None) -> Settings:
        """The settings of a document: its closest configuration file; for an
        unsaved document, the first root's (defaults when there is none)."""
        if path is not None:
            directory: Path | None = Path(path).parent.resolve()
        else:
            directory = self.roots[0].resolve() if self.roots else None
        cached = self._settings.get(directory)
        if cached is not None:
            return cached
        try:
            config = self._finder.for_directory(directory) if directory is not None else Config()
        except ConfigError as error:
            self._report(str(error))
            config = Config()
        schema = default_schema()
        if config.schema is not None:
            try:
                schema = load_schema(config.schema)
            except (OSError, SchemaError) as error:
                self._report(f"{config.path}: `schema` {config.schema}: {error}")
        settings = self._settings[directory] = Settings(config, schema)
        return settings

    def _report(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)
        logger.warning("%s", problem)

    # ------------------------------------------------------------ reading

    def segments(self) -> list[Segment]:
        return self.workspace.segments

    def check(self, text: str, path: str | None) -> list[Diagnostic]:
        """Every diagnostic of one document: its own, and the workspace's about it."""
        found = self.check_text(text, path)
        if path is not None:
            found.extend(self.workspace.diagnostics_for(path))
        return found

    def check_text(self, text: str, path: str | None) -> list[Diagnostic]:
        """The diagnostics of one text on its own."""
        return list(check_text(text, path=path).diagnostics)

    def file_text(self, path: str) -> str | None:
        source = self.workspace.source(path)
        if source is not None:
            return source.text
        try:
            return read_source_file(path)
        except OSError:
            return None

    # ------------------------------------------------------------ changes

    def update(self, path: str, text: str | None = None) -> list[str]:
        """A workspace file changed (`text` as the editor holds it, or None to read the disk).
        Returns the paths whose diagnostics may have changed."""
        if not path.endswith(WORKSPACE_SUFFIXES):
            return []
        if text is None and not Path(path).is_file():
            return self.workspace.remove_file(path)
        return self.workspace.update_file(path, text)

    def remove(self, path: str) -> list[str]:
        return self.workspace.remove_file(path)


def is_config_file(path: str) -> bool:
    return Path(path).name in CONFIG_FILENAMES
