"""Which files a run leaves out: the configured `exclude` and `extend-exclude`
globs of each file's configuration, the command line's `--exclude` and
`--extend-exclude` (relative to the working directory), and ignore files."""

from __future__ import annotations

from pathlib import Path

from segquery.config import Config, ConfigFinder, GlobMatcher
from segquery.fast_dataclass import dataclass
from segquery.paths import WalkRules


@dataclass(frozen=True)
class FileSelection:
    """What the command line says about which files to leave out."""

    exclude: tuple[str, ...] | None = None     # replaces the configured `exclude`
    extend_exclude: tuple[str, ...] = ()      # added to the exclusions
    respect_gitignore: bool = True            # read .gitignore, .ignore and .git/info/exclude
    force_exclude: bool = False               # also leave out excluded files named explicitly


class Exclusion:
    """Whether the exclude globs name a path: a callable for WalkRules."""

    def __init__(self, finder: ConfigFinder, selection: FileSelection, cwd: Path | None = None) -> None:
        cwd = cwd or Path.cwd()
        self.finder = finder
        self.selection = selection
        self._command_line = GlobMatcher((selection.exclude or ()) + selection.extend_exclude, cwd)

    def __call__(self, path: Path, is_dir: bool) -> bool:
        if self._command_line.matches(path, is_dir=is_dir):
            return True
        config = self.finder.for_path(path)     # a directory's exclusions are those of the directory above it
        return GlobMatcher.cached(self._patterns(config), config.root).matches(path, is_dir=is_dir)

    def may_exclude_files_in(self, directory: Path) -> bool:
        """Whether any glob may name a file of `directory` (resolved): a walk asks about each file only then."""
        return bool(self._command_line.patterns or self._patterns(self.finder.for_directory(directory)))

    def _patterns(self, config: Config) -> tuple[str, ...]:
        return config.exclude + config.extend_exclude if self.selection.exclude is None else config.extend_exclude

    def walk_rules(self) -> WalkRules:
        return WalkRules(excluded=self, respect_ignore_files=self.selection.respect_gitignore,
                         force_exclude=self.selection.force_exclude, may_exclude_files_in=self.may_exclude_files_in)
