"""The segments of the repository, as `plan` compares them with the org's: in dependency order, each with
its dialect, name, id, kind, wanted status, query and (for a static segment) members."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from segquery.org.errors import OrgError
from segquery.org.records import OUTBOUND, REALTIME, REALTIME_KINDS, option_label, parse_member_ids
from segquery.org.segment_files import REALTIME_RECORD_KEYS, split_header
from segquery.requests import schema as outbound
from segquery.workspace import CycleError, Segment, Workspace
from segquery.workspace.loading import RECORD_KEYS


@dataclass(frozen=True)
class LocalSegment:
    key: str
    path: str
    dialect: str
    name: str
    id: str | None
    kind: str
    status: str | None
    query: str | None
    members: tuple[str, ...] | None
    profile: str | None = None
    text: str = ""                      # the whole file, as local validation reads it
    segment: Segment | None = None      # the workspace's view (None for real-time static records)
    depends_on: tuple[str, ...] = ()    # keys of the local segments it references, directly or not


def read_local(directory: Path) -> tuple[Workspace, list[LocalSegment]]:
    """The workspace of `directory` and its segments, each after the segments it references."""
    workspace = Workspace.from_paths([str(directory)])
    try:
        order = workspace.order()
    except CycleError as error:
        raise OrgError(f"the segments reference each other in a cycle, so no order can create them: {error}") from None
    found = [_realtime_static(path, data) for path, data in _realtime_records(directory)]
    found += [replace(_from_workspace(workspace.segment(key)), depends_on=tuple(workspace.dependencies(key)))
              for key in order]
    return workspace, _realtime_order(found)


_REALTIME_REFERENCE = re.compile(r"SEGMENT\(\s*SEGMENT_CJO_ID_([0-9A-Fa-f]{32})\s*\)")


def _realtime_order(segments: list[LocalSegment]) -> list[LocalSegment]:
    """Real-time segments reference definitions by id (`SEGMENT(SEGMENT_CJO_ID_<hex>)`), which the
    workspace does not resolve: each such segment is moved after the local segment with that id."""
    by_hex = {segment.id.replace("-", "").lower(): segment.key for segment in segments
              if segment.dialect == REALTIME and segment.id}
    direct = {segment.key: [by_hex[found.lower()] for found in _REALTIME_REFERENCE.findall(segment.query or "")
                            if found.lower() in by_hex]
              for segment in segments if segment.dialect == REALTIME}
    if not any(direct.values()):
        return segments
    by_key = {segment.key: segment for segment in segments}
    ordered: list[LocalSegment] = []
    state: dict[str, str] = {}

    def visit(key: str, path: tuple[str, ...]) -> None:
        if state.get(key) == "done":
            return
        if key in path:
            raise OrgError("the real-time segments reference each other in a cycle: "
                           + " -> ".join(f"`{item}`" for item in (*path[path.index(key):], key)))
        for dependency in direct.get(key, []):
            visit(dependency, (*path, key))
        state[key] = "done"
        segment = by_key[key]
        closure = dict.fromkeys(item for dependency in direct.get(key, [])
                                for item in (*by_key[dependency].depends_on, dependency))
        ordered.append(replace(segment, depends_on=(*segment.depends_on, *closure)))
        by_key[key] = ordered[-1]

    for segment in segments:
        visit(segment.key, ())
    return ordered


def _from_workspace(segment: Segment) -> LocalSegment:
    text = segment.source.text
    kind = segment.segment_type.label if segment.segment_type is not None else (
        "static" if segment.query_text is None else "compound" if segment.references else "dynamic")
    status = segment.status.label if segment.status is not None else None
    segment_id = segment.segment_id.lower() if segment.segment_id else None
    if segment.path.lower().endswith(".json"):
        record = _record(text, segment.index)
        members = parse_member_ids(record.get(outbound.MEMBER_IDS)) if kind == "static" else None
        query = segment.query_text.strip() if segment.query_text is not None else None
        return LocalSegment(segment.key, segment.path, OUTBOUND, segment.name or segment.key, segment_id, kind,
                            status, query, members, segment.target_profile, text, segment)
    header, body = split_header(text)
    dialect = header.get("dialect", OUTBOUND).strip().lower()
    return LocalSegment(segment.key, segment.path, dialect, segment.name or segment.key, segment_id, kind, status,
                        body.strip(), None, segment.target_profile, text, segment)


def _record(text: str, index: int) -> dict[str, Any]:
    """The `index`-th segment record of a JSON file, as the workspace counts them."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if isinstance(data, dict) and isinstance(data.get("value"), list) and not RECORD_KEYS & data.keys():
        data = data["value"]
    records = [item for item in (data if isinstance(data, list) else [data])
               if isinstance(item, dict) and RECORD_KEYS & item.keys()]
    return records[index] if index < len(records) else {}


def _realtime_records(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The real-time static segment records (`msdynmkt_segmentdefinition` columns) below `directory`."""
    found = []
    for path in sorted(directory.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and any(key in data for key in REALTIME_RECORD_KEYS):
            found.append((path, data))
    return found


def _realtime_static(path: Path, data: dict[str, Any]) -> LocalSegment:
    members = tuple(part.strip() for part in str(data.get("msdynmkt_includedmembers") or "").split(",")
                    if part.strip())
    name = str(data.get("msdynmkt_displayname") or path.stem)
    segment_id = data.get("msdynmkt_segmentdefinitionid")
    return LocalSegment(path.stem, str(path), REALTIME, name, str(segment_id).lower() if segment_id else None,
                        option_label(REALTIME_KINDS, data.get("msdynmkt_type")) or "static", None, None, members)
