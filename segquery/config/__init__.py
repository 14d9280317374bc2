"""Configuration: `[tool.segquery]` in `pyproject.toml`, or the top level of a
`segquery.toml`, found by walking up from each checked file (the closest
file wins; results are cached per directory). See docs/configuration.md.

The package is split by job: `model` (the settings), `reading` (reading and
checking one file), `positions` (where a key is written in TOML),
`matching` (globs), `selection` (which rules apply) and `discovery`
(finding configuration files and projects).
"""

from segquery.config.discovery import ConfigFinder, ProjectFinder, configuration_file_in, is_repository_root
from segquery.config.matching import GlobMatcher, glob_matches, glob_problem
from segquery.config.model import (
    CONFIG_FILENAMES,
    DEFAULT_LINE_LENGTH,
    DEFAULT_TARGET,
    QUERY_KINDS,
    Config,
    ConfigError,
    target_problem,
)
from segquery.config.positions import locate_key
from segquery.config.reading import has_segquery_table, load_config
from segquery.config.selection import resolve_selection, selector_problem, severity_override

__all__ = [
    "CONFIG_FILENAMES", "DEFAULT_LINE_LENGTH", "DEFAULT_TARGET", "QUERY_KINDS", "Config", "ConfigError",
    "ConfigFinder", "GlobMatcher", "ProjectFinder", "configuration_file_in", "glob_matches", "glob_problem",
    "has_segquery_table", "is_repository_root", "load_config", "locate_key", "resolve_selection",
    "selector_problem", "severity_override", "target_problem",
]
