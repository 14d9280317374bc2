"""The segments of the repository, as `plan` compares them with the org's: in dependency order, each with
its dialect, name, id, kind, wanted status, query and (for a static segment) members."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from segquery.lenient_json.reader import read_json
from segquery.lenient_json.values import to_python
from segquery.org.errors import OrgError
from segquery.org.records import OUTBOUND, REALTIME, parse_member_ids, parse_member_list
from segquery.org.segment_files import split_header
from segquery.requests import realtime_schema as rt
from segquery.requests import schema as outbound
from segquery.syntax.realtime import REALTIME as REALTIME_DIALECT
from segquery.workspace import CycleError, Segment, Workspace


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
    segment: Segment | None = None      # the workspace's view of it
    depends_on: tuple[str, ...] = ()    # keys of the local segments it references, directly or not
    unsendable: str | None = None       # why the plan cannot send it, whatever the org holds


def read_local(directory: Path) -> tuple[Workspace, list[LocalSegment]]:
    """The workspace of `directory` and its segments, each after the segments it references."""
    workspace = Workspace.from_paths([str(directory)])
    try:
        order = workspace.order()
    except CycleError as error:
        raise OrgError(f"the segments reference each other in a cycle, so no order can create them: {error}") from None
    found = [replace(_from_workspace(workspace.segment(key)), depends_on=tuple(workspace.dependencies(key)))
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
        record = record_of(segment)
        query = segment.query_text.strip() if segment.query_text is not None else None
        if segment.dialect is REALTIME_DIALECT:    # a definition, named by the segment record linked to it
            members = parse_member_list(record[rt.INCLUDED]) if kind == "static" and rt.INCLUDED in record else None
            return LocalSegment(segment.key, segment.path, REALTIME, segment.name or segment.key, segment_id,
                                kind, status, query, members, segment.target_profile, text, segment,
                                unsendable=_group_problem(record))
        members = (parse_member_ids(record[outbound.MEMBER_IDS])   # no member column: members not kept here
                   if kind == "static" and outbound.MEMBER_IDS in record else None)
        return LocalSegment(segment.key, segment.path, OUTBOUND, segment.name or segment.key, segment_id, kind,
                            status, query, members, segment.target_profile, text, segment)
    header, body = split_header(text)
    dialect = header.get("dialect", OUTBOUND).strip().lower()
    return LocalSegment(segment.key, segment.path, dialect, segment.name or segment.key, segment_id, kind, status,
                        body.strip(), None, segment.target_profile, text, segment)


def _group_problem(record: dict[str, Any]) -> str | None:
    """Members given as `msdynmkt_staticlistmembers` groups cannot be planned: no documented request
    fills a group, and reading the list as empty would remove every member the org holds."""
    groups = record.get(rt.STATIC_LIST)
    if not isinstance(groups, str) or groups.strip() in ("", "[]"):
        return None
    return (f"its members are `{rt.STATIC_LIST}` groups, which no documented request fills; list them in "
            f"`{rt.INCLUDED}` (and leave `{rt.STATIC_LIST}` as \"[]\") to have them planned")


def record_of(segment: Segment) -> dict[str, Any]:
    """The JSON record a segment of a JSON file was read from (the workspace keeps where it is written)."""
    document = read_json(segment.source, start=segment.extent.start, end=segment.extent.end)
    value = to_python(document.value) if document.value is not None else None
    return value if isinstance(value, dict) else {}
