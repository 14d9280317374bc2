"""Migrating a whole workspace of outbound segments, in go-live order.

Each segment gets a new definition id (a deterministic placeholder until the
definition is created, or the id an id map gives); compound segments
reference those ids. A segment that cannot be migrated is reported and left
out of the id map, so whatever references it is reported too, and the rest of
the estate still migrates.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from typing import Mapping

from segquery.diagnostics import Diagnostic, Severity
from segquery.migrate import codes
from segquery.migrate.findings import Finding, Outcome, worst
from segquery.migrate.mapping import InteractionMap
from segquery.migrate.translate import QueryMigration, migrate_query
from segquery.requests import schema as record_schema
from segquery.schema import Schema
from segquery.source import Span
from segquery.workspace import CycleError, Segment, SegmentStatus, SegmentType, Workspace

# Placeholder ids are uuid5 names in this namespace: the same estate always gets the same ids.
PLACEHOLDER_NAMESPACE = uuid.UUID("6b1d2c9e-3f4a-5b6c-8d7e-9f0a1b2c3d4e")

# Real-time definition status codes (msdynmkt_segmentdefinition.statuscode).
DEFINITION_DRAFT, DEFINITION_GOING_LIVE = 723270001, 723270002
REALTIME_STATIC, REALTIME_DYNAMIC = 10, 11
REALTIME_SOURCE = 12
IDS_PER_CALL = 1_000
IDS_PER_GROUP = 200_000
MAX_GROUPS = 10


@dataclass(frozen=True)
class SegmentMigration:
    """One outbound segment and its real-time counterpart."""

    key: str                       # the workspace's key for the segment
    name: str
    path: str
    outbound_id: str | None
    new_id: str                    # 32 hexadecimal digits
    segment_type: str              # dynamic, static or compound
    status: str | None             # the outbound status, as a label
    going_live: bool               # True: the definition is published (live -> going live)
    query: QueryMigration | None   # None for a static segment without a query, or a segment on a cycle
    findings: tuple[Finding, ...]  # the query's findings and the segment's own
    members: tuple[str, ...] = ()
    profile: str = "contact"

    @property
    def outcome(self) -> Outcome:
        return worst(self.findings)

    @property
    def emitted(self) -> bool:
        """True when real-time text (or, for a static segment, its members) is written."""
        return self.query.text is not None if self.query is not None else self.outcome is not Outcome.UNSUPPORTED

    @property
    def new_query_name(self) -> str:
        return "SEGMENT_CJO_ID_" + self.new_id

    @property
    def new_guid(self) -> str:
        return str(uuid.UUID(self.new_id))


@dataclass(frozen=True)
class EstateMigration:
    """Every segment in go-live order, the id map, and the files that could not be read."""

    segments: tuple[SegmentMigration, ...]
    id_map: Mapping[str, str]
    unread: Mapping[str, tuple[Diagnostic, ...]]

    @property
    def outcome(self) -> Outcome:
        worst_segment = max((segment.outcome for segment in self.segments), default=Outcome.TRANSLATED)
        return Outcome.UNSUPPORTED if self.unread else worst_segment

    def totals(self) -> dict[str, int]:
        counts = {outcome.label: 0 for outcome in Outcome}
        for segment in self.segments:
            counts[segment.outcome.label] += 1
        return counts


def placeholder_id(segment: Segment) -> str:
    """A stable stand-in for the id the new definition gets: from the outbound id, else the key."""
    seed = record_schema.normalize_id(segment.segment_id) if segment.segment_id else f"key:{segment.key}"
    return uuid.uuid5(PLACEHOLDER_NAMESPACE, seed).hex


def migrate_workspace(workspace: Workspace, *, schema: Schema | None = None,
                      interactions: InteractionMap | None = None, id_map: Mapping[str, str] | None = None,
                      allow_partial: bool = False) -> EstateMigration:
    """Migrate every segment of `workspace`, dependencies first."""
    given = {key.casefold(): value for key, value in (id_map or {}).items()}
    order, cyclic = _order(workspace)
    done: dict[str, SegmentMigration] = {}
    for key in order:
        segment = workspace.segment(key)
        new_id = _given_id(segment, given) or placeholder_id(segment)
        if key in cyclic:
            done[key] = _on_cycle(segment, new_id, cyclic[key])
            continue
        targets = {reference.name: resolution.target
                   for reference, resolution in zip(segment.references, workspace.resolution(segment))}

        def segment_ids(name: str, targets: dict = targets) -> str | None:
            target = targets.get(name)
            if target is None:
                return given.get(name.casefold())
            migrated = done.get(target.key)
            return migrated.new_id if migrated is not None and migrated.emitted else None

        done[key] = _migrate_segment(segment, new_id, segment_ids, done, targets, schema, interactions,
                                     allow_partial)
    segments = tuple(done[key] for key in order)
    ids: dict[str, str] = {}
    for migrated in segments:
        if migrated.emitted:
            segment = workspace.segment(migrated.key)
            for handle in (migrated.key, *segment.handles):
                ids.setdefault(handle, migrated.new_id)
    unread = {path: tuple(d for d in workspace.diagnostics_for(path) if d.severity is Severity.ERROR)
              for path in workspace.files if not workspace.segments_in(path)}
    return EstateMigration(segments, ids, {path: found for path, found in unread.items() if found})


def _given_id(segment: Segment, given: Mapping[str, str]) -> str | None:
    for handle in (segment.key, *segment.handles):
        if handle.casefold() in given:
            return given[handle.casefold()]
    return None


def _order(workspace: Workspace) -> tuple[list[str], dict[str, list[str]]]:
    """Go-live order; segments on a cycle (key -> the cycle) come last, in key order, never migrated."""
    try:
        return workspace.order(), {}
    except CycleError as error:
        cyclic = {key: cycle for cycle in error.cycles for key in cycle}
    remaining = {segment.key: {edge.target for edge in workspace.graph[segment.key]}
                 for segment in workspace.segments}
    order: list[str] = []
    while True:
        ready = sorted(key for key, needs in remaining.items()
                       if key not in cyclic and not needs & remaining.keys())
        if not ready:
            break
        for key in ready:
            order.append(key)
            del remaining[key]
    return order + sorted(remaining), cyclic


def _on_cycle(segment: Segment, new_id: str, cycle: list[str]) -> SegmentMigration:
    path = " -> ".join(cycle)
    finding = Finding(codes.SEGMENT_CYCLE, segment.location().range, "not migrated",
                      f"it is on a cycle of references ({path}), which has no go-live order")
    return _segment_migration(segment, new_id, None, (finding,))


def _migrate_segment(segment: Segment, new_id: str, segment_ids, done: Mapping[str, SegmentMigration],
                     targets: Mapping[str, Segment | None], schema: Schema | None,
                     interactions: InteractionMap | None, allow_partial: bool) -> SegmentMigration:
    record_findings: list[Finding] = []
    members: tuple[str, ...] = ()
    query: QueryMigration | None = None
    if segment.query_text is not None:
        query = migrate_query(segment.query_text, schema=schema, interactions=interactions,
                              segment_ids=segment_ids, allow_partial=allow_partial,
                              locate=lambda span: segment.source.range(*_file_span(segment, span)))
        query = _explain_missing(query, targets, done)
    elif segment.segment_type is SegmentType.STATIC or segment.segment_type is None:
        members = _static_members(segment)
        record_findings.append(members_finding(segment, len(members)))
    else:
        record_findings.append(Finding(codes.MISSING_QUERY, segment.location().range, "not migrated",
                                       f"the {segment.segment_type.label} segment has no query"))
    findings = (*(query.findings if query is not None else ()), *record_findings)
    if worst(findings) is not Outcome.UNSUPPORTED or (query is not None and query.text is not None):
        findings += tuple(_status_findings(segment))   # a segment that is not written keeps no status
    profile = (query.profile if query is not None and query.profile else
               _referenced_profile(query, targets, done) or (segment.target_profile or "contact").casefold())
    return _segment_migration(segment, new_id, query, findings, members, profile)


def _file_span(segment: Segment, span: Span) -> tuple[int, int]:
    moved = segment.to_file(span.start, span.end)
    return moved.start, moved.end


def _explain_missing(query: QueryMigration, targets: Mapping[str, Segment | None],
                     done: Mapping[str, SegmentMigration]) -> QueryMigration:
    """Say why a reference to a segment of the estate has no id: that segment was not migrated."""
    findings = []
    for finding in query.findings:
        if finding.code == codes.UNMAPPED_SEGMENT:
            name = finding.done.removeprefix("SEGMENT(").removesuffix(") kept as written")
            target = targets.get(name)
            if target is not None and target.key in done:
                finding = Finding(finding.code, finding.range, finding.done,
                                  f"`{target.key}` is in the estate but was not migrated; see its findings")
        findings.append(finding)
    return replace(query, findings=tuple(findings))


def _referenced_profile(query: QueryMigration | None, targets: Mapping[str, Segment | None],
                        done: Mapping[str, SegmentMigration]) -> str | None:
    for name in query.references if query is not None else ():
        target = targets.get(name)
        if target is not None and target.key in done:
            return done[target.key].profile
    return None


def _status_findings(segment: Segment) -> list[Finding]:
    status = segment.status
    where = segment.location().range
    if status is None:
        return []
    if status is SegmentStatus.DRAFT:
        return [Finding(codes.STATUS_MAPPED, where, "draft stays draft", "the definition is created as a draft")]
    if status.is_active:
        return [Finding(codes.STATUS_MAPPED, where, f"{status.label} becomes going live",
                        "the definition is published once created, after the segments it references")]
    return [Finding(codes.INACTIVE_STATUS, where, f"{status.label} becomes draft",
                    "real-time definitions have no such status; the segment is created but not published")]


def _static_members(segment: Segment) -> tuple[str, ...]:
    """The member ids of a static segment record (`msdyncrm_segmentmemberid`), without the `crm` prefix."""
    try:
        record = json.loads(segment.source.text[segment.extent.start:segment.extent.end])
    except ValueError:
        return ()
    raw = record.get(record_schema.MEMBER_ID) if isinstance(record, dict) else None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list):
        return ()
    return tuple(dict.fromkeys(record_schema.normalize_id(item) for item in raw if isinstance(item, str)))


def members_finding(segment: Segment, count: int) -> Finding:
    where = segment.location().range
    limit = MAX_GROUPS * IDS_PER_GROUP
    if count > limit:
        return Finding(codes.TOO_MANY_MEMBERS, where, "not migrated",
                       f"{count:,} members are more than {MAX_GROUPS} groups of {IDS_PER_GROUP:,} hold")
    groups = -(-count // IDS_PER_GROUP) if count else 0
    calls = -(-count // IDS_PER_CALL) if count else 0
    return Finding(codes.STATIC_MEMBERS, where, f"{count:,} members in {groups} group(s), {calls} call(s)",
                   f"real-time static lists take at most {IDS_PER_CALL:,} ids per call and {IDS_PER_GROUP:,} "
                   "per group")


def _segment_migration(segment: Segment, new_id: str, query: QueryMigration | None,
                       findings: tuple[Finding, ...], members: tuple[str, ...] = (),
                       profile: str = "contact") -> SegmentMigration:
    kind = segment.segment_type.label if segment.segment_type is not None else (
        "static" if segment.query_text is None else "compound" if segment.references else "dynamic")
    status = segment.status
    return SegmentMigration(segment.key, segment.name or segment.key, segment.path, segment.segment_id, new_id,
                            kind, status.label if status is not None else None,
                            status is not None and status.is_active, query, findings, members, profile)
