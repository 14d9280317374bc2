"""`make_plan`: what it takes to bring the org to the repository's segments, as exact Web API requests.

Segments are visited in dependency order (a compound segment after the
segments it references). Each query is validated locally first; an invalid
one is refused, and so is every segment that depends on a refused one. Nothing
is ever deleted: a segment the org has and the repository does not is left alone.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from segquery.org.errors import OrgError
from segquery.org.limits import MAX_QUERY_CHARS, OUTBOUND_IDS_PER_CALL, REALTIME_IDS_PER_CALL, chunks
from segquery.org.local import LocalSegment, read_local
from segquery.org.records import (DEFINITIONS, OUTBOUND, PUBLISH_ACTION, REALTIME, RT_DRAFT, RT_DYNAMIC,
                                  RT_SOURCE_JOURNEYS, RT_STATIC, SEGMENTS, OrgSegment)
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

    action: str       # create, update-query, set-status, include-members, exclude-members, set-members, publish
    segment: str      # the workspace key of the segment it is for
    method: str
    url: str
    body: dict[str, Any]


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
            steps = [Step(str(s["action"]), str(s["segment"]), str(s["method"]), str(s["url"]), dict(s["body"]))
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
        for refusal in self.refused:
            lines.append(f"refused: `{refusal.segment}` ({refusal.path}): {refusal.reason}")
        lines.append("No changes: the org matches the repository." if self.is_empty
                     else f"{len(self.steps)} request(s) to send.")
        return "\n".join(lines)


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
    blocked = [key for key in segment.depends_on if key in refused]
    if blocked:
        raise _Refused(f"it references `{blocked[0]}`, which is refused")
    if segment.query is not None and len(segment.query) > MAX_QUERY_CHARS:
        raise _Refused(f"the query has {len(segment.query):,} characters; a request takes at most "
                       f"{MAX_QUERY_CHARS:,}")
    problem = validation_problem(workspace, segment)
    if problem is not None:
        raise _Refused(f"invalid: {problem}")


def validation_problem(workspace: Workspace, segment: LocalSegment) -> str | None:
    """The first error segquery finds in the segment's file (in the file's dialect), as `line:column: code message`."""
    if segment.segment is None:
        return None
    from segquery.diagnostics import Severity
    from segquery.engine import check_text
    findings = list(check_text(segment.text, path=segment.path).diagnostics)
    if segment.dialect == OUTBOUND:   # the workspace resolves outbound names; real-time ids are the org's
        findings += workspace.diagnostics_for(segment.path)
    errors = sorted((d for d in findings if d.severity is Severity.ERROR), key=lambda d: d.range.start.offset)
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
        yield Step("create", key, "POST", outbound.ENTITY_SET, body)
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


def _status_reached(wanted: str, current: str | None) -> bool:
    """Whether the org's status is the wanted one, or on its way there (going live counts as live)."""
    return current == wanted or (wanted == "live" and current == "going live") or (
        wanted == "stopped" and current == "stopping")


def member_steps(key: str, segment_id: str, wanted: tuple[str, ...], current: tuple[str, ...]) -> Iterator[Step]:
    """Include what `wanted` adds to `current` and exclude what it drops, in calls the API accepts."""
    have = {_member_key(item) for item in current}
    keep = {_member_key(item) for item in wanted}
    include = [item for item in dict.fromkeys(wanted) if _member_key(item) not in have]
    exclude = [item for item in dict.fromkeys(current) if _member_key(item) not in keep]
    for action, message, ids in (("include-members", "msdyncrm_IncludeMembersInSegment", include),
                                 ("exclude-members", "msdyncrm_ExcludeMembersFromSegment", exclude)):
        for part in chunks(ids, OUTBOUND_IDS_PER_CALL):
            yield Step(action, key, "POST", message, {outbound.SEGMENT_ID: segment_id,
                                                       outbound.MEMBER_ID: json.dumps(part)})


def _member_key(member_id: str) -> str:
    return outbound.normalize_id(member_id)


def _realtime_steps(segment: LocalSegment, remote: OrgSegment | None, new_id: Callable[[], str]) -> Iterator[Step]:
    key = segment.key
    if segment.status not in (None, "live", "draft"):
        raise _Refused(f"status `{segment.status}` is not offered for real-time segments: they are published "
                       "(live) or drafts")
    members = ",".join(segment.members or ())
    if segment.members is not None and len(segment.members) > REALTIME_IDS_PER_CALL:
        raise _Refused(f"{len(segment.members):,} static members; a real-time member call takes at most "
                       f"{REALTIME_IDS_PER_CALL:,} ids, and the definition's member column is replaced whole")
    changed = remote is None
    if remote is None:
        definition_id = segment.id or new_id()
        definition: dict[str, Any] = {"msdynmkt_segmentdefinitionid": definition_id,
                                      "msdynmkt_segmentquery": segment.query or "", "statecode": 0,
                                      "statuscode": RT_DRAFT, "msdynmkt_staticlistmembers": "[]"}
        if segment.members is not None:
            definition["msdynmkt_includedmembers"] = members
        yield Step("create", key, "POST", DEFINITIONS, definition)
        yield Step("create", key, "POST", SEGMENTS, {
            "msdynmkt_segmentid": new_id(), "msdynmkt_displayname": segment.name,
            "msdynmkt_type": RT_STATIC if segment.kind == "static" else RT_DYNAMIC,
            "msdynmkt_source": RT_SOURCE_JOURNEYS, "msdynmkt_baseentitylogicalname": segment.profile or "contact",
            "statecode": 0, "statuscode": 1, "msdynmkt_sourcesegmentuid": definition_id})
    else:
        definition_id = remote.id
        address = f"{DEFINITIONS}({definition_id})"
        if segment.query is not None and segment.query != (remote.query or "").strip():
            changed = True
            yield Step("update-query", key, "PATCH", address, {"msdynmkt_segmentquery": segment.query})
        if segment.members is not None and set(segment.members) != set(remote.members):
            changed = True
            yield Step("set-members", key, "PATCH", address, {"msdynmkt_includedmembers": members})
    if segment.status == "live" and (changed or remote is None or remote.status == "draft"):
        yield Step("publish", key, "POST", PUBLISH_ACTION, {"SegmentId": definition_id})
