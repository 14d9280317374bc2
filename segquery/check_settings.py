"""The effective settings of each checked file: its configuration plus the command line.

Light to import: a run whose results are all in the check cache resolves
configurations but loads no dialect, schema or rule module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from segquery.check_options import CheckOptions
from segquery.config import Config, ConfigError, ConfigFinder, resolve_selection
from segquery.diagnostics import UNSUPPRESSIBLE_PREFIXES
from segquery.dialect_names import DEFAULT_DIALECT_NAME
from segquery.fast_dataclass import dataclass

if TYPE_CHECKING:
    from segquery.dialect_choice import DialectChoice
    from segquery.schema import Schema
    from segquery.syntax.dialect import Dialect

# A file's configuration, the codes it ignores for the file, the file's kind and its dialect setting.
KeyParts = tuple[Config, tuple[str, ...], "str | None", str]


@dataclass
class FileSettings:
    """The effective settings for one file: its configuration plus the command line."""

    config: Config
    enabled: frozenset[str]
    schema: Schema | None
    target: str
    kind: str | None
    options: CheckOptions
    dialect: Dialect | None = None      # None: the default dialect
    # What the configuration or `--dialect` says: a dialect's name, or `auto` (each text's constructs decide).
    dialect_setting: str = DEFAULT_DIALECT_NAME

    def __post_init__(self) -> None:
        if self.dialect is None:
            from segquery.syntax.dialects import DEFAULT_DIALECT  # only a check that parses needs the dialects

            self.dialect = DEFAULT_DIALECT

    def choose_dialect(self, text: str, directive: str | None = None) -> DialectChoice:
        """The dialect `text` is read in under these settings (a directive in it wins)."""
        from segquery.dialect_choice import choose_dialect

        return choose_dialect(text, self.dialect_setting, directive=directive)

    def is_enabled(self, code: str) -> bool:
        return code.startswith(UNSUPPRESSIBLE_PREFIXES) or code in self.enabled


class SettingsResolver:
    """Resolves FileSettings per file, caching configurations per directory and schemas per path."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.finder = ConfigFinder(Path(options.config) if options.config else None)
        self._codes: list[tuple[str, bool]] | None = None
        self._selection: dict[tuple, frozenset[str]] = {}
        self._schemas: dict[Path, Schema] = {}
        self._by_folder: dict[str, Config] = {}
        self._by_path: dict[str, Config] = {}
        self._settings: dict[tuple, FileSettings] = {}   # (configuration, ignores, kind, schema loaded) -> settings
        self._parts: dict[int, KeyParts] = {}           # id(configuration) -> the parts of its files without globs
        # Whether a path is a symbolic link (a walk that saw the files knows without asking the system).
        self.is_link: Callable[[str], bool] = os.path.islink

    def config_for(self, path: str | None) -> Config:
        if path is None:
            return self.finder.for_path(None)
        config = self._by_path.get(path)
        if config is not None:
            return config
        if self.is_link(path):             # its configuration is that of the folder it links to
            config = self.finder.for_path(Path(path))
        else:                              # files of one folder share a configuration: resolve it once
            folder = os.path.dirname(path)
            config = self._by_folder.get(folder)
            if config is None:
                config = self._by_folder[folder] = self.finder.for_path(Path(path))
        self._by_path[path] = config
        return config

    def key_parts(self, path: str | None) -> KeyParts:
        """What a file's settings are made of, without resolving the rule selection or loading a schema."""
        config = self.config_for(path)
        # Only globs of the configuration make a file's settings differ from its folder's.
        per_file = path is not None and bool(config.per_file_ignores or config.kinds or config.dialects)
        parts = None if per_file else self._parts.get(id(config))
        if parts is None:
            file_path = Path(path) if per_file and path is not None else None
            parts = (config, config.ignored_for(file_path), self.options.kind or config.kind_for(file_path),
                     self.options.dialect or config.dialect_for(file_path))
            if not per_file:
                self._parts[id(config)] = parts
        return parts

    def for_file(self, path: str | None, *, load_schema: bool = True) -> FileSettings:
        """The settings for a file; without `load_schema`, `schema` is left None (for finalizing
        a cached report, which needs no schema: the cache key holds the schema's content)."""
        config, extra_ignores, kind, dialect_setting = self.key_parts(path)
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
            ], self._rule_codes())
            self._selection[key] = enabled
        schema = self._schema(schema_path) if load and schema_path is not None else None
        from segquery.syntax.dialects import dialect_named  # loaded with the checks that need a dialect

        made = FileSettings(config=config, enabled=enabled, schema=schema,
                            target=self.options.target or config.target, kind=kind, options=self.options,
                            dialect=dialect_named(dialect_setting), dialect_setting=dialect_setting)
        self._settings[(id(config), extra_ignores, kind, load, dialect_setting)] = made
        return made

    def _rule_codes(self) -> list[tuple[str, bool]]:
        """(code, enabled by default) of every rule, from the generated table (no rule module is loaded)."""
        if self._codes is None:
            from segquery.rules.summary import rule_codes

            self._codes = rule_codes()
        return self._codes

    def schema_path(self, config: Config) -> Path | None:
        """The user's schema file for files under `config` (None: the bundled schema only)."""
        return Path(self.options.schema).resolve() if self.options.schema else config.schema

    def _schema(self, path: Path) -> Schema:
        """A user's schema combined with the bundled default, as docs/schema.md advises
        (loaded once per path): a hand-written JSON schema is laid over the default;
        the default is laid over a `$metadata` document, to keep its finer types."""
        from segquery.schema import SchemaError, default_schema, load_schema
        from segquery.schema.reading import is_inline

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


def dialect_setting_of(resolver: SettingsResolver, fallback: str = DEFAULT_DIALECT_NAME) -> Callable[[str], str]:
    """The dialect setting of a file by its path: a dialect's name or `auto` (`fallback` where its
    configuration cannot be used)."""
    def setting(path: str) -> str:
        try:
            return resolver.key_parts(path)[3]
        except ConfigError:
            return fallback

    return setting
