"""The interaction mapping table: outbound interaction -> real-time interaction table.

The default table ships in `data/interactions.json`; a user file in the same
format extends it (an entry for an interaction already mapped replaces its
table and adds to its links and attributes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

PROFILE_TYPES = ("contact", "lead")


class MappingError(ValueError):
    """An interaction map file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class InteractionMapping:
    """One outbound interaction's real-time counterpart."""

    name: str
    table: str
    links: Mapping[str, str] = field(default_factory=dict)        # link type -> contact | lead
    attributes: Mapping[str, str] = field(default_factory=dict)   # outbound attribute -> real-time column

    def profile_type(self, link_type: str) -> str | None:
        return _folded_get(self.links, link_type)

    def column(self, attribute: str) -> str | None:
        return _folded_get(self.attributes, attribute)


@dataclass(frozen=True)
class InteractionMap:
    profile_id_column: str
    interactions: Mapping[str, InteractionMapping]

    def get(self, name: str) -> InteractionMapping | None:
        return _folded_get(self.interactions, name)

    def extended(self, data: Mapping[str, Any], origin: str) -> "InteractionMap":
        """This map with the entries of `data` (the file format) added or merged in."""
        entries = dict(self.interactions)
        for name, raw in _entries(data, origin).items():
            old = entries.get(name)
            entries[name] = _entry(name, raw, origin, old)
        column = data.get("profile_id_column", self.profile_id_column)
        if not isinstance(column, str) or not column:
            raise MappingError(f"{origin}: `profile_id_column` must be a column name")
        return InteractionMap(column, entries)


def _folded_get(mapping: Mapping[str, Any], key: str) -> Any:
    if key in mapping:
        return mapping[key]
    folded = key.casefold()
    return next((value for name, value in mapping.items() if name.casefold() == folded), None)


def _entries(data: Mapping[str, Any], origin: str) -> dict[str, Any]:
    entries = data.get("interactions") if isinstance(data, Mapping) else None
    if not isinstance(entries, dict):
        raise MappingError(f"{origin}: expected an object with an `interactions` object")
    return entries


def _names(raw: Any, key: str, where: str, allowed: tuple[str, ...] | None = None) -> dict[str, str]:
    value = raw.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise MappingError(f"{where}: `{key}` must map names to names")
    if allowed is not None:
        wrong = [v for v in value.values() if v not in allowed]
        if wrong:
            raise MappingError(f"{where}: a link maps to `contact` or `lead`, not `{wrong[0]}`")
    return value


def _entry(name: str, raw: Any, origin: str, old: InteractionMapping | None) -> InteractionMapping:
    where = f"{origin}: interaction `{name}`"
    if not isinstance(raw, dict):
        raise MappingError(f"{where}: expected an object")
    table = raw.get("table", old.table if old else None)
    if not isinstance(table, str) or not table:
        raise MappingError(f"{where}: `table` must name the real-time interaction table")
    links = {**(old.links if old else {}), **_names(raw, "links", where, PROFILE_TYPES)}
    attributes = {**(old.attributes if old else {}), **_names(raw, "attributes", where)}
    return InteractionMapping(name, table, links, attributes)


def default_interaction_map() -> InteractionMap:
    """The mapping table that ships with segquery."""
    text = resources.files("segquery.migrate").joinpath("data/interactions.json").read_text(encoding="utf-8")
    return InteractionMap("msdynmkt_entityid", {}).extended(json.loads(text), "segquery/migrate/data/interactions.json")


def load_interaction_map(path: str | Path, base: InteractionMap | None = None) -> InteractionMap:
    """`base` (default: the shipped table) extended by the file at `path`; raises MappingError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(f"{path}: cannot read the interaction map: {error}") from None
    except json.JSONDecodeError as error:
        raise MappingError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
    return (base or default_interaction_map()).extended(data, str(path))
