"""Reading one configuration file: `[tool.segquery]` in `pyproject.toml`, or
the top level of any other file (`segquery.toml`, or a file given with
`--config`). Every key and value is checked; a mistake is a ConfigError that
names the file, the line and column of the key, and the closest valid key
or value."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from segquery.config.matching import glob_problem
from segquery.config.model import QUERY_KINDS, Config, ConfigError, OrgSettings, describe, target_problem
from segquery.config.positions import locate_key, nesting_problem
from segquery.config.selection import selector_problem
from segquery.diagnostics import Severity
from segquery.files import UnreadableFile
from segquery.org.url import DEFAULT_API_VERSION, normalize_org_url, org_url_problem
from segquery.files import read_text as read_file
from segquery.suggest import did_you_mean
from segquery.dialect_names import AUTO, DIALECT_NAMES

_SEVERITIES = ("error", "warning", "info", "hint")
ORG_KEYS = ("url", "api-version")
SECRET_WORDS = ("secret", "password", "token", "key", "certificate")
KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "line-length", "schema", "target", "kinds",
        "severity", "exclude", "extend-exclude", "dialect", "dialects", "cache-dir", "org", "interaction-map")


def load_config(path: str | Path) -> Config:
    """Read and check one configuration file (`segquery.toml` or `pyproject.toml`)."""
    path = Path(path)
    text = read_text(path)
    data = _parse(path, text)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise _Reader(path, text, ()).error(("tool",), "must be a table")
        table = tool.get("segquery")
        prefix: tuple[str, ...] = ("tool", "segquery")
        if table is None:
            return Config(path=path, root=path.parent.resolve())
    else:
        table, prefix = data, ()
    return _Reader(path, text, prefix).read(table)


def _parse(path: Path, text: str) -> dict[str, Any]:
    """The TOML document; a ConfigError with the position where it cannot be read."""
    line: int | None
    column: int | None
    deep = nesting_problem(text)
    if deep is not None:
        message, (line, column) = deep
        raise ConfigError(path, f"invalid TOML: {message}", line, column)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))
        if match:
            line, column = int(match.group(1)), int(match.group(2))
        elif "end of document" in str(error):
            line, column = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
        else:
            line = column = None
        raise ConfigError(path, f"invalid TOML: {message} (at the end of the file)" if match is None and line
                          else f"invalid TOML: {message}", line, column) from None


def read_text(path: Path) -> str:
    """The file's text, read as every command reads files; a ConfigError that says why (and where
    the text is not UTF-8)."""
    try:
        return read_file(path).text
    except UnreadableFile as error:
        line, column = error.position or (None, None)
        raise ConfigError(path, f"cannot read the configuration file: {error.reason}", line, column) from None


def has_segquery_table(path: Path) -> bool:
    """True for a segquery.toml, and for a pyproject.toml with a `[tool.segquery]` table."""
    if path.name != "pyproject.toml":
        return True
    try:
        data = tomllib.loads(read_text(path))
    except (ConfigError, tomllib.TOMLDecodeError, RecursionError):
        return True   # let load_config report the problem
    return isinstance(data.get("tool"), dict) and "segquery" in data["tool"]


class _Reader:
    """Checks each key of the table and converts it, reporting where it is written."""

    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]) -> None:
        self.path = path
        self.text = text
        self.prefix = prefix
        self.root = path.parent.resolve()

    def error(self, keys: tuple[str, ...], message: str) -> ConfigError:
        line, column = locate_key(self.text, self.prefix + keys)
        dotted = ".".join(_quote_key(key) for key in self.prefix + keys)
        return ConfigError(self.path, f"`{dotted}`: {message}", line, column)

    def read(self, table: Any) -> Config:
        if not isinstance(table, dict):
            raise self.error((), "must be a table")
        for key in table:
            if key not in KEYS:
                suggestion = did_you_mean(key.replace("_", "-"), KEYS)
                hint = f"; did you mean `{suggestion}`?" if suggestion else f"; known keys: {', '.join(KEYS)}"
                raise self.error((key,), f"unknown key{hint}")
        values: dict[str, Any] = {"path": self.path, "root": self.root}
        readers = {
            "select": lambda value: self.selectors(value, ("select",)),
            "ignore": lambda value: self.selectors(value, ("ignore",)),
            "extend-select": lambda value: self.selectors(value, ("extend-select",)),
            "per-file-ignores": self.per_file_ignores,
            "line-length": self.line_length,
            "schema": self.schema,
            "target": self.target,
            "dialect": lambda value: self.dialect(value, ("dialect",)),
            "dialects": self.dialects,
            "kinds": self.kinds,
            "severity": self.severity,
            "exclude": lambda value: self.globs(value, ("exclude",)),
            "extend-exclude": lambda value: self.globs(value, ("extend-exclude",)),
            "cache-dir": self.cache_dir,
            "org": self.org,
            "interaction-map": lambda value: self.existing_file(value, ("interaction-map",), "interaction map"),
        }
        for key, read in readers.items():
            if key in table:
                values[key.replace("-", "_")] = read(table[key])
        return Config(**values)

    def globs(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        patterns = self.strings(value, keys, "a list of glob patterns")
        for pattern in patterns:
            self.check_glob(pattern, keys)
        return patterns

    def check_glob(self, pattern: str, keys: tuple[str, ...]) -> None:
        problem = glob_problem(pattern)
        if problem:
            raise self.error(keys, problem)

    def strings(self, value: Any, keys: tuple[str, ...], what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(keys, f"expected {what}, got {describe(value)}")
        return tuple(value)

    def selectors(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        items = self.strings(value, keys, "a list of rule codes or prefixes such as [\"L\", \"V001\"]")
        for item in items:
            problem = selector_problem(item)
            if problem:
                raise self.error(keys, problem)
        return tuple(item.strip().upper() for item in items)

    def per_file_ignores(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(value, dict):
            raise self.error(("per-file-ignores",), f"expected a table of glob = [codes], got {describe(value)}")
        for pattern in value:
            self.check_glob(pattern, ("per-file-ignores", pattern))
        return tuple((pattern, self.selectors(codes, ("per-file-ignores", pattern)))
                     for pattern, codes in value.items())

    def line_length(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
            raise self.error(("line-length",), f"expected a whole number from 1 to 1000, got {describe(value)}")
        return value

    def schema(self, value: Any) -> Path:
        return self.existing_file(value, ("schema",), "schema file")

    def existing_file(self, value: Any, keys: tuple[str, ...], what: str) -> Path:
        """A file path relative to the configuration's directory, which must exist."""
        if not isinstance(value, str) or not value.strip():
            raise self.error(keys, f"expected the path of a {what}, got {describe(value)}")
        path = (self.root / value).resolve()
        if not path.is_file():
            raise self.error(keys, f"no {what} at {value!r} (relative to {self.root})")
        return path

    def cache_dir(self, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.error(("cache-dir",), f"expected the path of a directory, got {describe(value)}")
        return (self.root / value).resolve()

    def org(self, value: Any) -> OrgSettings:
        if not isinstance(value, dict):
            raise self.error(("org",), f"expected a table with the org's `url`, got {describe(value)}")
        for key in value:
            if key not in ORG_KEYS:
                secret = any(word in key.lower() for word in SECRET_WORDS)
                hint = ("; secrets are never read from a file: set AZURE_CLIENT_SECRET (or use another --auth mode)"
                        if secret else f"; known keys: {', '.join(ORG_KEYS)}")
                raise self.error(("org", key), f"unknown key{hint}")
        problem = org_url_problem(value.get("url"))
        if problem:
            raise self.error(("org", "url") if "url" in value else ("org",), problem)
        version = value.get("api-version", DEFAULT_API_VERSION)
        if not isinstance(version, str) or not re.fullmatch(r"v\d+\.\d+", version):
            raise self.error(("org", "api-version"), f"expected a Web API version such as \"v9.2\", "
                                                     f"got {describe(version)}")
        return OrgSettings(normalize_org_url(value["url"]), version)

    def target(self, value: Any) -> str:
        problem = target_problem(value)
        if problem:
            raise self.error(("target",), problem)
        return value

    def dialect(self, value: Any, keys: tuple[str, ...]) -> str:
        if isinstance(value, str) and value.strip().lower() == AUTO:
            return AUTO
        name = value.strip().lower() if isinstance(value, str) else None
        if name in DIALECT_NAMES:           # the bundled dialects: known without loading them
            return name
        from segquery.syntax.dialects import dialect_named, dialect_names  # a dialect registered by a plug-in

        dialect = dialect_named(value) if isinstance(value, str) else None
        if dialect is None:
            raise self.error(keys, f"expected a dialect name ({', '.join(dialect_names())}) or \"{AUTO}\", "
                                   f"got {describe(value)}")
        return dialect.name

    def dialects(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            raise self.error(("dialects",), f"expected a table of glob = dialect, got {describe(value)}")
        for pattern in value:
            self.check_glob(pattern, ("dialects", pattern))
        return tuple((pattern, self.dialect(name, ("dialects", pattern))) for pattern, name in value.items())

    def kinds(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            raise self.error(("kinds",), f"expected a table of glob = kind, got {describe(value)}")
        result = []
        for pattern, kind in value.items():
            self.check_glob(pattern, ("kinds", pattern))
            if not isinstance(kind, str) or kind.lower() not in QUERY_KINDS:
                suggestion = did_you_mean(kind, QUERY_KINDS) if isinstance(kind, str) else None
                hint = f"; did you mean {suggestion!r}?" if suggestion else f"; use one of {', '.join(QUERY_KINDS)}"
                raise self.error(("kinds", pattern), f"unknown query kind {describe(kind)}{hint}")
            result.append((pattern, kind.lower()))
        return tuple(result)

    def severity(self, value: Any) -> tuple[tuple[str, Severity], ...]:
        if not isinstance(value, dict):
            raise self.error(("severity",), f"expected a table of code = level, got {describe(value)}")
        result = []
        for selector, level in value.items():
            problem = selector_problem(selector)
            if problem:
                raise self.error(("severity", selector), problem)
            if not isinstance(level, str) or level.lower() not in _SEVERITIES:
                suggestion = did_you_mean(level, _SEVERITIES) if isinstance(level, str) else None
                hint = f"; did you mean {suggestion!r}?" if suggestion else f"; use one of {', '.join(_SEVERITIES)}"
                raise self.error(("severity", selector), f"unknown severity {describe(level)}{hint}")
            result.append((selector.strip().upper(), Severity.parse(level)))
        return tuple(result)


def _quote_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
