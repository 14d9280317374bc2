"""The check cache: per-file results of `segquery check`, reused while nothing they depend on changed.

A file's entry is keyed by the tool's version, the effective settings for
the file (its configuration, the command line, the rules enabled), the
content of the schema it is checked against and the content of the file
itself; a workspace's findings by the same settings and the path and content
of every file of the workspace. Any change to any of them is a miss, so a
result is never stale.

Each cache directory holds one file per tool version (`<version>/check.bin`)
with a header (magic, version, a SHA-256 of the payload): a file that is
truncated, corrupt or written by another version is ignored and rewritten.
Writes go to a temporary file renamed over the old one, so concurrent runs
never see half a file; the last run to finish wins, and every entry it holds
is still checked against its key before use. Beside it, `results.json`
holds the final results of whole runs (segquery.final_results).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib
import io
import os
import pickle
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from segquery.version import __version__

# The version the cache is written for: a cache of another version is never read.
VERSION = __version__
CACHE_DIRNAME = ".segquery_cache"
CACHE_FILENAME = "check.bin"
_MAGIC = b"SEGQUERY-CACHE\x00"
_FORMAT = 2   # 2: a query shape's operands no longer hold has_reference
_KEPT_WORKSPACES = 8


def default_cache_dir(project_root: Path | None) -> Path:
    """`.segquery_cache` in the project's directory (that of its configuration file), else the working directory."""
    return (project_root if project_root is not None else Path.cwd()) / CACHE_DIRNAME


def digest(*parts: Any) -> bytes:
    """A SHA-256 over the repr of each part: the key of an entry."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.digest()


@dataclass
class _Store:
    """The entries of one cache directory: loaded on first use, written back when changed."""

    directory: Path
    files: dict[str, tuple[bytes, Any]] = field(default_factory=dict)       # identity -> (key, payload)
    workspaces: dict[bytes, dict[str, Any]] = field(default_factory=dict)   # key -> path -> findings
    changed: bool = False

    @property
    def path(self) -> Path:
        return self.directory / VERSION / CACHE_FILENAME


class CheckCache:
    """Entries read from and written to one or more cache directories (one per project)."""

    def __init__(self) -> None:
        self._stores: dict[Path, _Store] = {}

    def lookup(self, directory: Path, identity: str, key: bytes) -> Any | None:
        """The payload stored for a file under exactly this key, or None."""
        found = self._store(directory).files.get(identity)
        return found[1] if found is not None and found[0] == key else None

    def put(self, directory: Path, identity: str, key: bytes, payload: Any) -> None:
        store = self._store(directory)
        store.files[identity] = (key, payload)
        store.changed = True

    def lookup_workspace(self, directory: Path, key: bytes) -> dict[str, Any] | None:
        return self._store(directory).workspaces.get(key)

    def put_workspace(self, directory: Path, key: bytes, findings: dict[str, Any]) -> None:
        """Record a workspace's findings, keeping only the few latest (older states are rarely seen again)."""
        store = self._store(directory)
        others = [(k, v) for k, v in store.workspaces.items() if k != key][:_KEPT_WORKSPACES - 1]
        store.workspaces = dict([(key, findings), *others])
        store.changed = True

    def save(self) -> None:
        """Write every changed store; a cache that cannot be written is noted on standard error, never fatal."""
        for store in self._stores.values():
            if store.changed:
                try:
                    _write(store)
                except OSError as error:
                    print(f"segquery: note: cannot write the cache in {store.directory}: "
                          f"{error.strerror or error}", file=sys.stderr)
                store.changed = False

    def _store(self, directory: Path) -> _Store:
        store = self._stores.get(directory)
        if store is None:
            store = self._stores[directory] = _Store(directory)
            _read(store)
        return store


def _header() -> bytes:
    return _MAGIC + f"{_FORMAT} {VERSION}\n".encode("ascii")


def _read(store: _Store) -> None:
    """Fill the store from its file; a missing file is an empty cache, an unusable one is noted and replaced."""
    try:
        data = store.path.read_bytes()
    except FileNotFoundError:
        return
    except OSError as error:
        print(f"segquery: note: cannot read the cache {store.path}: {error.strerror or error}", file=sys.stderr)
        return
    header = _header()
    body = data[len(header):]
    content = None
    if data.startswith(header) and len(body) >= 32 and hashlib.sha256(body[32:]).digest() == body[:32]:
        try:
            content = _SafeUnpickler(io.BytesIO(body[32:])).load()
        except Exception:  # noqa: BLE001 - any failure to load means the same: not a cache we wrote
            content = None
    if not (isinstance(content, tuple) and len(content) == 2
            and isinstance(content[0], dict) and isinstance(content[1], dict)):
        print(f"segquery: note: ignoring the unusable cache {store.path}; it will be rewritten", file=sys.stderr)
        store.changed = True
        return
    store.files, store.workspaces = content


# The only modules whose classes a cache file may name. A cache file sits in the project folder,
# where anyone who can commit can put one: restoring it may build these plain records, never
# call anything else (a plain pickle could run any code).
_CACHE_MODULES = frozenset({"segquery.diagnostics", "segquery.source", "segquery.severity", "segquery.directives",
                            "segquery.lint.suppression"})
_CACHE_BUILTINS = frozenset({"set", "frozenset"})


class _SafeUnpickler(pickle.Unpickler):
    """Restores the records a cache holds (dataclasses and enums of a few modules) and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _CACHE_BUILTINS:
            return super().find_class(module, name)
        if module in _CACHE_MODULES:
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"a cache file may not name {module}.{name}")


def _write(store: _Store) -> None:
    """Write the store through a temporary file and an atomic rename."""
    payload = pickle.dumps((store.files, store.workspaces), protocol=pickle.HIGHEST_PROTOCOL)
    write_cache_file(store.path, _header() + hashlib.sha256(payload).digest() + payload)


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a file of the cache directory that holds `path`'s version folder, atomically; mark the
    directory as not for version control. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent.parent / ".gitignore"
    if not ignore.exists():
        _replace(ignore, b"# Created by segquery: the check cache, safe to delete.\n*\n")
    _replace(path, data)


def _replace(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def remove_cache(directory: Path) -> bool:
    """Delete a cache directory (`segquery clean`); False when there was none."""
    if not directory.is_dir():
        return False
    shutil.rmtree(directory)
    return True
