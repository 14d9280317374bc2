"""`make_plan`: what it takes to bring the org to the repository's segments, as exact Web API requests.

Segments are visited in dependency order (a compound segment after the
segments it references). Each query is validated locally first; an invalid
one is refused, and so is every segment that depends on a refused one. Nothing
is ever deleted: a segment the org has and the repository does not is left alone.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from segquery.org.errors import OrgError
from segquery.org.id_files import IdWrite, file_digest
from segquery.org.limits import MAX_QUERY_CHARS, OUTBOUND_IDS_PER_CALL, REALTIME_IDS_PER_CALL, chunks
from segquery.org.local import LocalSegment, read_local
from segquery.org.records import (DEFINITIONS, OUTBOUND, PUBLISH_ACTION, REALTIME, RT_DRAFT, RT_DYNAMIC,
                                  RT_SOURCE_JOURNEYS, RT_STATIC, SEGMENTS, OrgSegment)
from segquery.requests import codes as request_codes
from segquery.requests import realtime_schema as rt
from segquery.requests import schema as outbound
from segquery.workspace import Workspace

PLAN_FORMAT = 1
_OUTBOUND_TYPE = {"dynamic": outbound.DYNAMIC, "static": outbound.STATIC, "compound": outbound.COMPOUND}
_OUTBOUND_STATUS = {label.lower(): code for code, label in outbound.STATUS_REASONS.items()}
# A segment is taken live through "going live" (the service finishes the change), as R023 asks.
_OUTBOUND_STATUS["live"] = outbound.GOING_LIVE


@dataclass(frozen=True)
class Step:
    """One request: `url` is relative to the org's Web API root (`msdyncrm_segments(<id>)`)."""

    action: str       # create, update-query, set-status, include-members, exclude-members, publish
    segment: str      # the workspace key of the segment it is for
    method: str
    url: str
    body: dict[str, Any]
    write_id: IdWrite | None = None   # once the step succeeded, the new id goes into this file


@dataclass(frozen=True)
class Refusal:
    segment: str
    path: str
    reason: str


@dataclass
class Plan:
    org: str
    api_root: str
    steps: list[Step] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.steps

    def to_json(self) -> dict[str, Any]:
        return {"format": PLAN_FORMAT, "org": self.org, "api_root": self.api_root,
                "steps": [asdict(step) for step in self.steps],
                "refused": [asdict(refusal) for refusal in self.refused]}

    @classmethod
    def from_json(cls, data: Any) -> "Plan":
        """A plan written by `to_json`; an OrgError for anything else."""
        try:
            if data.get("format") != PLAN_FORMAT:
                raise OrgError(f"not a segquery plan (format {data.get('format')!r}; expected {PLAN_FORMAT})")
            steps = [Step(str(s["action"]), str(s["segment"]), str(s["method"]), str(s["url"]), dict(s["body"]),
                          _id_write(s.get("write_id")))
                     for s in data["steps"]]
            refused = [Refusal(str(r["segment"]), str(r["path"]), str(r["reason"])) for r in data.get("refused", [])]
            return cls(str(data["org"]), str(data["api_root"]), steps, refused)
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise OrgError(f"not a segquery plan: {type(error).__name__} {error}") from None

    def render_text(self) -> str:
        lines = []
        for number, step in enumerate(self.steps, start=1):
            lines.append(f"{number}. {step.action} `{step.segment}`")
            lines.append(f"   {step.method} {self.api_root}{step.url}")
            lines.append(f"   {json.dumps(step.body, ensure_ascii=False)}")
            if step.write_id is not None:
                lines.append(f"   then its id is written into {step.write_id.path}")
        for refusal in self.refused:
            lines.append(f"refused: `{refusal.segment}` ({refusal.path}): {refusal.reason}")
        lines.append("No changes: the org matches the repository." if self.is_empty
                     else f"{len(self.steps)} request(s) to send.")
        return "\n".join(lines)


def _id_write(data: Any) -> IdWrite | None:
    if data is None:
        return None
    key = data.get("key")
    return IdWrite(str(data["path"]), str(data["sha256"]), str(data["id"]), None if key is None else str(key),
                   int(data.get("record", 0)))


def make_plan(directory: Path, remote: list[OrgSegment], *, org: str, api_root: str,
              new_id: Callable[[], str] = lambda: str(uuid.uuid4())) -> Plan:
    """Compare the segments below `directory` with the org's `remote` ones."""
    workspace, local = read_local(directory)
    plan = Plan(org, api_root)
    refused_keys: set[str] = set()
    for segment in local:
        try:
            _check_sendable(workspace, segment, refused_keys)
            match = _match(segment, remote)
            steps = list((_outbound_steps if segment.dialect == OUTBOUND else _realtime_steps)(segment, match, new_id))
        except _Refused as refusal:
            refused_keys.add(segment.key)
            plan.refused.append(Refusal(segment.key, segment.path, str(refusal)))
            continue
        plan.steps.extend(steps)
    return plan


class _Refused(Exception):
    """Why a segment is left out of the plan."""


def _check_sendable(workspace: Workspace, segment: LocalSegment, refused: set[str]) -> None:
    if segment.dialect not in (OUTBOUND, REALTIME):
        raise _Refused(f"unknown dialect `{segment.dialect}`")
    if segment.unsendable is not None:
        raise _Refused(segment.unsendable)
    blocked = [key for key in segment.depends_on if key in refused]
    if blocked:
        raise _Refused(f"it references `{blocked[0]}`, which is refused")
    if segment.query is not None and len(segment.query) > MAX_QUERY_CHARS:
        raise _Refused(f"the query has {len(segment.query):,} characters; a request takes at most "
                       f"{MAX_QUERY_CHARS:,}")
    problem = validation_problem(workspace, segment)
    if problem is not None:
        raise _Refused(f"invalid: {problem}")


# A file holds a static segment's whole member list, which the plan never sends as written: it sends the
# difference with the org's, in calls within the limits. What the request checker says of the list as one
# request (too many ids for a call; an empty list, which changes nothing) does not apply to it.
MEMBER_LIST_AS_ONE_REQUEST = frozenset({request_codes.TOO_MANY_MEMBERS, request_codes.TOO_MANY_IDS_PER_CALL})


def validation_problem(workspace: Workspace, segment: LocalSegment) -> str | None:
    """The first error segquery finds in the segment's file (in the file's dialect), as `line:column: code message`."""
    if segment.segment is None:
        return None
    from segquery.diagnostics import Severity
    from segquery.engine import check_text
    findings = list(check_text(segment.text, path=segment.path).diagnostics)
    if segment.dialect == OUTBOUND:   # the workspace resolves outbound names; real-time ids are the org's
        findings += workspace.diagnostics_for(segment.path)
    ignored = MEMBER_LIST_AS_ONE_REQUEST | ({request_codes.BAD_MEMBER_LIST} if segment.members == () else set())
    errors = sorted((d for d in findings if d.severity is Severity.ERROR and d.code not in ignored),
                    key=lambda d: d.range.start.offset)
    if not errors:
        return None
    first = errors[0]
    return f"{first.range.start.line}:{first.range.start.column}: {first.code} {first.message}"


def _match(segment: LocalSegment, remote: list[OrgSegment]) -> OrgSegment | None:
    """The org's segment that the local one is: by id, else by name (refused when several have it)."""
    same_dialect = [item for item in remote if item.dialect == segment.dialect]
    if segment.id is not None:
        by_id = [item for item in same_dialect if item.id == segment.id]
        if by_id:
            return by_id[0]
    by_name = [item for item in same_dialect if item.name == segment.name]
    if len(by_name) > 1:
        raise _Refused(f"the org has {len(by_name)} segments named `{segment.name}`; add an `id` directive "
                       "to say which one this is")
    return by_name[0] if by_name else None


def _outbound_steps(segment: LocalSegment, remote: OrgSegment | None, new_id: Callable[[], str]) -> Iterator[Step]:
    key = segment.key
    if remote is None:
        segment_id = segment.id or new_id()
        body: dict[str, Any] = {outbound.SEGMENT_ID: segment_id, outbound.NAME: segment.name,
                                outbound.TYPE: _OUTBOUND_TYPE[segment.kind],
                                outbound.STATUS: _OUTBOUND_STATUS[segment.status or "draft"]}
        if segment.query is not None and segment.kind != "static":
            body[outbound.QUERY] = segment.query
        yield Step("create", key, "POST", outbound.ENTITY_SET, body,
                   _id_write_for(segment, segment_id, outbound.SEGMENT_ID))
        yield from member_steps(key, segment_id, segment.members or (), ())
        return
    if remote.kind != segment.kind:
        raise _Refused(f"the org has it as a {remote.kind} segment; a segment's type cannot change")
    address = f"{outbound.ENTITY_SET}({remote.id})"
    if segment.kind != "static" and (segment.query or "") != (remote.query or "").strip():
        yield Step("update-query", key, "PATCH", address, {outbound.QUERY: segment.query})
    if segment.status is not None and not _status_reached(segment.status, remote.status):
        if segment.status not in _OUTBOUND_STATUS:
            raise _Refused(f"status `{segment.status}` cannot be asked for")
        yield Step("set-status", key, "PATCH", address, {outbound.STATUS: _OUTBOUND_STATUS[segment.status]})
    if segment.members is not None:
        yield from member_steps(key, remote.id, segment.members, remote.members)


def _id_write_for(segment: LocalSegment, new_id: str, key: str) -> IdWrite | None:
    """Where the id of a segment created from a file without one is to be written (None: it has one)."""
    if segment.id is not None:
        return None
    is_json = segment.path.lower().endswith(".json")
    record = segment.segment.index if is_json and segment.segment is not None else 0
    return IdWrite(segment.path, file_digest(segment.path), new_id, key if is_json else None, record)


def _status_reached(wanted: str, current: str | None) -> bool:
    """Whether the org's status is the wanted one, or on its way there (going live counts as live)."""
    return current == wanted or (wanted == "live" and current == "going live") or (
        wanted == "stopped" and current == "stopping")


def member_changes(wanted: tuple[str, ...], current: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The ids `wanted` adds to `current` and those it drops, each once, in the order written
    (ids compared without case, `crm` prefix or braces)."""
    return _missing_from(wanted, current), _missing_from(current, wanted)


def _missing_from(ids: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """The ids of `ids` that `other` lacks, the first spelling of each."""
    have = {_member_key(item) for item in other}
    found: dict[str, str] = {}
    for item in ids:
        found.setdefault(_member_key(item), item)
    return [item for member_key, item in found.items() if member_key not in have]


def member_steps(key: str, segment_id: str, wanted: tuple[str, ...], current: tuple[str, ...]) -> Iterator[Step]:
    """Include what `wanted` adds to `current` and exclude what it drops, at most 10,000 ids a call (the
    include/exclude messages' limit, within the 20,000 contacts of a batch)."""
    include, exclude = member_changes(wanted, current)
    for action, message, ids in (("include-members", "msdyncrm_IncludeMembersInSegment", include),
                                 ("exclude-members", "msdyncrm_ExcludeMembersFromSegment", exclude)):
        for part in chunks(ids, OUTBOUND_IDS_PER_CALL):
            yield Step(action, key, "POST", message, {outbound.SEGMENT_ID: segment_id,
                                                       outbound.MEMBER_ID: json.dumps(part)})


def realtime_member_steps(key: str, definition_id: str, include: list[str], exclude: list[str]) -> Iterator[Step]:
    """The member calls of a real-time static segment: `msdynmkt_includedmembers` adds the ids it lists,
    `msdynmkt_excludedmembers` removes them, at most 1,000 ids a call."""
    address = f"{DEFINITIONS}({definition_id})"
    for action, column, ids in (("include-members", rt.INCLUDED, include), ("exclude-members", rt.EXCLUDED, exclude)):
        for part in chunks(ids, REALTIME_IDS_PER_CALL):
            yield Step(action, key, "PATCH", address, {column: ",".join(part)})


def _member_key(member_id: str) -> str:
    return outbound.normalize_id(member_id)


def _realtime_steps(segment: LocalSegment, remote: OrgSegment | None, new_id: Callable[[], str]) -> Iterator[Step]:
    key = segment.key
    if segment.status == "going live":    # as pulled while the service takes it live: it is to be live
        segment = replace(segment, status="live")
    if segment.status not in (None, "live", "draft"):
        raise _Refused(f"status `{segment.status}` is not offered for real-time segments: they are published "
                       "(live) or drafts")
    include, exclude = member_changes(segment.members or (), remote.members if remote is not None else ())
    if remote is None:
        definition_id = segment.id or new_id()
        definition: dict[str, Any] = {rt.DEFINITION_ID: definition_id}
        if segment.query is not None:
            definition[rt.QUERY] = segment.query
        definition.update({rt.STATE: 0, rt.STATUS: RT_DRAFT, rt.STATIC_LIST: "[]"})
        if segment.members is not None:      # a static segment: its first call of members comes with it
            definition[rt.INCLUDED] = ",".join(include[:REALTIME_IDS_PER_CALL])
            include = include[REALTIME_IDS_PER_CALL:]
        yield Step("create", key, "POST", DEFINITIONS, definition, _id_write_for(segment, definition_id,
                                                                                  rt.DEFINITION_ID))
        yield Step("create", key, "POST", SEGMENTS, {
            rt.SEGMENT_ID: new_id(), rt.DISPLAY_NAME: segment.name,
            rt.TYPE: RT_STATIC if segment.kind == "static" else RT_DYNAMIC,
            rt.SOURCE: RT_SOURCE_JOURNEYS, rt.BASE_TABLE: segment.profile or "contact",
            rt.STATE: 0, rt.STATUS: 1, rt.SOURCE_UID: definition_id})
        yield from realtime_member_steps(key, definition_id, include, [])
        changed = True
    else:
        if (remote.kind == "static") != (segment.kind == "static"):   # real-time has no compound type
            raise _Refused(f"the org has it as a {remote.kind} segment; a segment's type cannot change")
        definition_id = remote.id
        query_changed = segment.query is not None and segment.query != (remote.query or "").strip()
        if query_changed:
            yield Step("update-query", key, "PATCH", f"{DEFINITIONS}({definition_id})", {rt.QUERY: segment.query})
        if segment.members is None:
            include = exclude = []
        yield from realtime_member_steps(key, definition_id, include, exclude)
        changed = query_changed or bool(include or exclude) or remote.status == "draft"
    if segment.status == "live" and changed:
        yield Step("publish", key, "POST", PUBLISH_ACTION, {rt.ACTION_PARAMETER: publish_id(definition_id)})


def publish_id(definition_id: str) -> str:
    """The id `msdynmkt_PublishSegmentDefinition` takes as `SegmentId`: the segment definition's, not the
    `msdynmkt_segment` record's (the evidence is in docs/org.md, "Which id publishing takes")."""
    return definition_id
