"""Configuration: `[tool.segquery]` in `pyproject.toml`, or the top level of a
`segquery.toml`, found by walking up from each checked file (the closest
file wins; results are cached per directory).

Every key and value is checked; a mistake is a ConfigError that names the
file, the line and column of the key where it can be found, and the closest
valid key or value. See docs/configuration.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from segquery.diagnostics import Severity
from segquery.files import UnreadableFile, read_text
from segquery.suggest import did_you_mean
from segquery.syntax.dialects import DEFAULT_DIALECT, dialect_named, dialect_names

DEFAULT_TARGET = DEFAULT_DIALECT.default_target

CONFIG_FILENAMES = ("segquery.toml", "pyproject.toml")
QUERY_KINDS = ("dynamic", "static", "compound", "fetch")
DEFAULT_LINE_LENGTH = 88
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SEVERITIES = ("error", "warning", "info", "hint")


class ConfigError(Exception):
    """A configuration file that cannot be used; str() is `path:line:column: message`."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        where = f"{self.path}:{line}:{column or 1}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Config:
    """The settings one configuration file holds (defaults where it is silent)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    line_length: int = DEFAULT_LINE_LENGTH
    schema: Path | None = None
    target: str = DEFAULT_TARGET
    kinds: tuple[tuple[str, str], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    exclude: tuple[str, ...] = ()
    dialect: str = DEFAULT_DIALECT.name

    def kind_for(self, path: Path | None) -> str | None:
        """The kind the first matching `kinds` glob gives a file, if any."""
        if path is None:
            return None
        for pattern, kind in self.kinds:
            if glob_matches(pattern, path, self.root):
                return kind
        return None

    def ignored_for(self, path: Path | None) -> tuple[str, ...]:
        """The selectors `per-file-ignores` removes for a file."""
        if path is None:
            return ()
        found: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if glob_matches(pattern, path, self.root):
                found.extend(codes)
        return tuple(found)

    def excludes(self, path: Path) -> bool:
        return any(glob_matches(pattern, path, self.root) for pattern in self.exclude)


# ---------------------------------------------------------------- globs


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A regular expression for a glob: `**` spans directories, `*` and `?` do not."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + r"\Z")


def _compile_glob(pattern: str) -> tuple[re.Pattern[str], bool]:
    """The regular expression of a configured glob, and whether it matches directories only."""
    pattern = pattern.strip().removeprefix("./")
    return _glob_regex(pattern.rstrip("/")), pattern.endswith("/")


def glob_problem(pattern: str) -> str | None:
    """Why a configured glob cannot be used (such as a range `[z-a]`), or None."""
    try:
        _compile_glob(pattern)
    except re.error as error:
        return f"invalid glob pattern {pattern!r}: {error.msg}"
    return None


def glob_matches(pattern: str, path: Path, root: Path) -> bool:
    """Whether a glob matches a file, relative to `root`.

    A glob without `/` matches the file's name or the name of any directory
    above it (like .gitignore); one with `/` matches the relative path of the
    file or of a directory above it. A trailing `/` matches directories only.
    """
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        relative = PurePosixPath(Path(path).resolve().as_posix())
    regex, directories_only = _compile_glob(pattern)
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    parents = [parent for parent in relative.parents if str(parent) not in (".", "/")]
    if "/" not in pattern:
        names = [parent.name for parent in parents] + ([] if directories_only else [relative.name])
        return any(regex.match(name) for name in names)
    paths = [str(parent) for parent in parents] + ([] if directories_only else [str(relative)])
    return any(regex.match(candidate) for candidate in paths)


# ---------------------------------------------------------------- reading


_KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "line-length", "schema", "target", "kinds",
         "severity", "exclude", "dialect")


def load_config(path: str | Path) -> Config:
    """Read and check one configuration file (`segquery.toml` or `pyproject.toml`)."""
    path = Path(path)
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
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


def _read_text(path: Path) -> str:
    """The file's text, read as every command reads files; a ConfigError that says why (and where
    the text is not UTF-8)."""
    try:
        return read_text(path).text
    except UnreadableFile as error:
        line, column = error.position or (None, None)
        raise ConfigError(path, f"cannot read the configuration file: {error.reason}", line, column) from None


def has_segquery_table(path: Path) -> bool:
    """True for a segquery.toml, and for a pyproject.toml with a `[tool.segquery]` table."""
    if path.name != "pyproject.toml":
        return True
    try:
        data = tomllib.loads(_read_text(path))
    except (ConfigError, tomllib.TOMLDecodeError):
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
            if key not in _KEYS:
                suggestion = did_you_mean(key.replace("_", "-"), _KEYS)
                hint = f"; did you mean `{suggestion}`?" if suggestion else f"; known keys: {', '.join(_KEYS)}"
                raise self.error((key,), f"unknown key{hint}")
        values: dict[str, Any] = {"path": self.path, "root": self.root}
        if "select" in table:
            values["select"] = self.selectors(table["select"], "select")
        if "ignore" in table:
            values["ignore"] = self.selectors(table["ignore"], "ignore")
        if "extend-select" in table:
            values["extend_select"] = self.selectors(table["extend-select"], "extend-select")
        if "per-file-ignores" in table:
            values["per_file_ignores"] = self.per_file_ignores(table["per-file-ignores"])
        if "line-length" in table:
            values["line_length"] = self.line_length(table["line-length"])
        if "schema" in table:
            values["schema"] = self.schema(table["schema"])
        if "target" in table:
            values["target"] = self.target(table["target"])
        if "dialect" in table:
            values["dialect"] = self.dialect(table["dialect"])
        if "kinds" in table:
            values["kinds"] = self.kinds(table["kinds"])
        if "severity" in table:
            values["severity"] = self.severity(table["severity"])
        if "exclude" in table:
            values["exclude"] = self.globs(self.strings(table["exclude"], ("exclude",), "a list of glob patterns"),
                                           ("exclude",))
        return Config(**values)

    def globs(self, patterns: tuple[str, ...], keys: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            problem = glob_problem(pattern)
            if problem:
                raise self.error(keys, problem)
        return patterns

    def strings(self, value: Any, keys: tuple[str, ...], what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(keys, f"expected {what}, got {_describe(value)}")
        return tuple(value)

    def selectors(self, value: Any, key: str, keys: tuple[str, ...] | None = None) -> tuple[str, ...]:
        keys = keys or (key,)
        items = self.strings(value, keys, "a list of rule codes or prefixes such as [\"L\", \"V001\"]")
        for item in items:
            problem = selector_problem(item)
            if problem:
                raise self.error(keys, problem)
        return tuple(item.strip().upper() for item in items)

    def per_file_ignores(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(value, dict):
            raise self.error(("per-file-ignores",), f"expected a table of glob = [codes], got {_describe(value)}")
        for pattern in value:
            self.globs((pattern,), ("per-file-ignores", pattern))
        return tuple((pattern, self.selectors(codes, "per-file-ignores", ("per-file-ignores", pattern)))
                     for pattern, codes in value.items())

    def line_length(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
            raise self.error(("line-length",), f"expected a whole number from 1 to 1000, got {_describe(value)}")
        return value

    def schema(self, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.error(("schema",), f"expected the path of a schema file, got {_describe(value)}")
        path = (self.root / value).resolve()
        if not path.is_file():
            raise self.error(("schema",), f"no schema file at {value!r} (relative to {self.root})")
        return path

    def target(self, value: Any) -> str:
        if not isinstance(value, str) or not _IDENTIFIER.match(value):
            raise self.error(("target",), f"expected a profile type name such as \"contact\", got {_describe(value)}")
        return value

    def dialect(self, value: Any) -> str:
        dialect = dialect_named(value) if isinstance(value, str) else None
        if dialect is None:
            raise self.error(("dialect",), f"expected a dialect name ({', '.join(dialect_names())}), "
                                           f"got {_describe(value)}")
        return dialect.name

    def kinds(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            raise self.error(("kinds",), f"expected a table of glob = kind, got {_describe(value)}")
        result = []
        for pattern, kind in value.items():
            self.globs((pattern,), ("kinds", pattern))
            if not isinstance(kind, str) or kind.lower() not in QUERY_KINDS:
                suggestion = did_you_mean(kind, QUERY_KINDS) if isinstance(kind, str) else None
                hint = f"; did you mean {suggestion!r}?" if suggestion else f"; use one of {', '.join(QUERY_KINDS)}"
                raise self.error(("kinds", pattern), f"unknown query kind {_describe(kind)}{hint}")
            result.append((pattern, kind.lower()))
        return tuple(result)

    def severity(self, value: Any) -> tuple[tuple[str, Severity], ...]:
        if not isinstance(value, dict):
            raise self.error(("severity",), f"expected a table of code = level, got {_describe(value)}")
        result = []
        for selector, level in value.items():
            problem = selector_problem(selector)
            if problem:
                raise self.error(("severity", selector), problem)
            if not isinstance(level, str) or level.lower() not in _SEVERITIES:
                suggestion = did_you_mean(level, _SEVERITIES) if isinstance(level, str) else None
                hint = f"; did you mean {suggestion!r}?" if suggestion else f"; use one of {', '.join(_SEVERITIES)}"
                raise self.error(("severity", selector), f"unknown severity {_describe(level)}{hint}")
            result.append((selector.strip().upper(), Severity.parse(level)))
        return tuple(result)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return {dict: "a table", list: "a list"}.get(type(value), type(value).__name__)


def _quote_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


def selector_problem(selector: str) -> str | None:
    """Why a rule selector is invalid (with the closest valid code), or None."""
    from segquery.rules.registry import all_rules

    value = selector.strip().upper()
    if value == "ALL":
        return None
    codes = [rule.code for rule in all_rules()]
    if value and any(code.startswith(value) for code in codes):
        return None
    names = {rule.name: rule.code for rule in all_rules()}
    if selector.strip().lower() in names:
        return f"`{selector}` is a rule name; select rules by code: `{names[selector.strip().lower()]}`"
    suggestion = did_you_mean(value, codes)
    hint = f"; did you mean `{suggestion}`?" if suggestion else ""
    return f"`{selector}` is not a rule code or a prefix of one{hint}"


# ---------------------------------------------------------------- positions


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_SIMPLE_KEY = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY = re.compile(rf"^\s*(?P<key>{_SIMPLE_KEY}(?:\s*\.\s*{_SIMPLE_KEY})*)\s*=")


def _split_dotted(text: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', text)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)


def locate_key(text: str, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """The 1-based line and column where a key path is written in a TOML text.

    Handles `[table]` headers, dotted keys and keys inside one-line inline
    tables; returns the closest enclosing key or table when the exact key
    cannot be found, and (None, None) when nothing is found.
    """
    best: tuple[int, tuple[int, int]] = (-1, (0, 0))
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and "=" not in line.split("]")[0]:
            table = _split_dotted(header.group("name"))
            depth = _common(table, keys)
            if depth == len(table) and depth > best[0]:
                best = (depth, (number, line.index("[") + 1))
            continue
        key = _KEY.match(line)
        if not key:
            continue
        full = table + _split_dotted(key.group("key"))
        depth = _common(full, keys)
        if depth == len(full) and depth > best[0]:
            best = (depth, (number, key.start("key") + 1))
            if depth < len(keys):
                inner = _find_inline(line, keys[depth:], key.end())
                if inner is not None:
                    best = (len(keys), (number, inner + 1))
    if best[0] < 0:
        return None, None
    return best[1]


def _find_inline(line: str, keys: tuple[str, ...], start: int) -> int | None:
    """Column (0-based) of the first of `keys` written inside an inline table after `start`."""
    for quoted in (f'"{keys[0]}"', f"'{keys[0]}'", keys[0]):
        index = line.find(quoted, start)
        if index != -1:
            return index
    return None


def _common(found: tuple[str, ...], wanted: tuple[str, ...]) -> int:
    count = 0
    for a, b in zip(found, wanted):
        if a != b:
            break
        count += 1
    return count if count == len(found) else (count if count == len(wanted) else -1)


# ---------------------------------------------------------------- discovery


class ConfigFinder:
    """Finds the configuration of each file by walking up its directories, with a cache per directory."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = load_config(override) if override is not None else None
        self._by_directory: dict[Path, Config] = {}
        self._loaded: dict[Path, Config] = {}

    def for_path(self, path: Path | None) -> Config:
        if self.override is not None:
            return self.override
        directory = (Path(path).resolve().parent if path is not None else Path.cwd().resolve())
        return self.for_directory(directory)

    def for_directory(self, directory: Path) -> Config:
        cached = self._by_directory.get(directory)
        if cached is not None:
            return cached
        config = None
        for name in CONFIG_FILENAMES:
            candidate = directory / name
            if candidate.is_file() and has_segquery_table(candidate):
                config = self._load(candidate)
                break
        if config is None:
            parent = directory.parent
            config = self.for_directory(parent) if parent != directory else Config(root=Path.cwd().resolve())
        self._by_directory[directory] = config
        return config

    def _load(self, path: Path) -> Config:
        config = self._loaded.get(path)
        if config is None:
            config = self._loaded[path] = load_config(path)
        return config


# ---------------------------------------------------------------- rule selection


def resolve_selection(layers: Iterable[tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]],
                      codes: Iterable[tuple[str, bool]]) -> frozenset[str]:
    """The enabled codes after applying (select, extend-select, ignore) layers in order.

    Starts from the codes enabled by default. A layer with `select` starts
    over from it; within a layer the more specific selector wins (`L0` with
    `ignore = ["L001"]` keeps L001 off), and at equal specificity `ignore` wins.
    """
    all_codes = [code for code, _ in codes]
    enabled = {code for code, default in codes if default}
    for select, extend_select, ignore in layers:
        entries: list[tuple[int, int, str]] = []
        if select is not None:
            enabled = set()
            entries += [(_specificity(s), 0, s) for s in select]
        entries += [(_specificity(s), 0, s) for s in extend_select]
        entries += [(_specificity(s), 1, s) for s in ignore]
        for _, removing, selector in sorted(entries):
            matched = [code for code in all_codes if selector == "ALL" or code.startswith(selector)]
            if removing:
                enabled.difference_update(matched)
            else:
                enabled.update(matched)
    return frozenset(enabled)


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def severity_override(config: Config, code: str) -> Severity | None:
    """The severity the most specific matching `severity` entry gives a code."""
    best: tuple[int, Severity] | None = None
    for selector, level in config.severity:
        if selector == "ALL" or code.startswith(selector):
            specificity = _specificity(selector)
            if best is None or specificity >= best[0]:
                best = (specificity, level)
    return best[1] if best else None


