"""What an org's segments are, in both of its segment models, and how they are read from the Web API.

Outbound marketing keeps a segment in one `msdyncrm_segment` record. Real-time
journeys keep it in two: `msdynmkt_segmentdefinition` holds the query and the
static members, `msdynmkt_segment` the name and type, linked by
`msdynmkt_sourcesegmentuid`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from segquery.org.client import Client
from segquery.org.errors import OrgError
from segquery.requests import schema as outbound

OUTBOUND, REALTIME = "outbound", "realtime"

OUTBOUND_KINDS = {outbound.DYNAMIC: "dynamic", outbound.STATIC: "static", outbound.COMPOUND: "compound"}
OUTBOUND_STATUSES = {code: label.lower() for code, label in outbound.STATUS_REASONS.items()}

DEFINITIONS, SEGMENTS = "msdynmkt_segmentdefinitions", "msdynmkt_segments"
RT_LIVE, RT_DRAFT, RT_GOING_LIVE, RT_DELETED = 723270000, 723270001, 723270002, 723270003
REALTIME_STATUSES = {RT_LIVE: "live", RT_DRAFT: "draft", RT_GOING_LIVE: "going live", RT_DELETED: "deleted"}
RT_STATIC, RT_DYNAMIC = 10, 11
REALTIME_KINDS = {RT_STATIC: "static", RT_DYNAMIC: "dynamic"}
RT_SOURCE_JOURNEYS = 12
PUBLISH_ACTION = "msdynmkt_PublishSegmentDefinition"

OUTBOUND_COLUMNS = [outbound.SEGMENT_ID, outbound.NAME, outbound.TYPE, outbound.STATUS, outbound.QUERY,
                    outbound.MEMBER_IDS]
DEFINITION_COLUMNS = ["msdynmkt_segmentdefinitionid", "msdynmkt_segmentquery", "statuscode",
                      "msdynmkt_includedmembers"]
SEGMENT_COLUMNS = ["msdynmkt_segmentid", "msdynmkt_displayname", "msdynmkt_type", "statuscode",
                   "msdynmkt_sourcesegmentuid", "msdynmkt_baseentitylogicalname"]


@dataclass(frozen=True)
class OrgSegment:
    """One segment as the org has it. `id` is what SEGMENT(...) names it by: the outbound record's
    id, or the real-time definition's id; `record_id` is the real-time `msdynmkt_segment`."""

    dialect: str
    id: str
    name: str
    kind: str
    status: str | None
    query: str | None
    members: tuple[str, ...] = ()
    record_id: str | None = None
    profile: str | None = None


def fetch_segments(client: Client) -> list[OrgSegment]:
    """Every segment of the org, outbound then real-time, each by name then id."""
    found = list(_outbound(client)) + list(_realtime(client))
    return sorted(found, key=lambda segment: (segment.dialect, segment.name.casefold(), segment.id))


def _outbound(client: Client) -> Iterator[OrgSegment]:
    for record in _optional(client, outbound.ENTITY_SET, OUTBOUND_COLUMNS):
        yield OrgSegment(OUTBOUND, str(record[outbound.SEGMENT_ID]).lower(), str(record.get(outbound.NAME) or ""),
                         option_label(OUTBOUND_KINDS, record.get(outbound.TYPE)) or "dynamic",
                         option_label(OUTBOUND_STATUSES, record.get(outbound.STATUS)),
                         record.get(outbound.QUERY), parse_member_ids(record.get(outbound.MEMBER_IDS)))


def _realtime(client: Client) -> Iterator[OrgSegment]:
    definitions = {str(item["msdynmkt_segmentdefinitionid"]).lower(): item
                   for item in _optional(client, DEFINITIONS, DEFINITION_COLUMNS)}
    for record in _optional(client, SEGMENTS, SEGMENT_COLUMNS):
        definition_id = str(record.get("msdynmkt_sourcesegmentuid") or "").lower()
        definition = definitions.get(definition_id)
        if definition is None or definition.get("statuscode") == RT_DELETED:
            continue
        members = parse_member_list(definition.get("msdynmkt_includedmembers"))
        yield OrgSegment(REALTIME, definition_id, str(record.get("msdynmkt_displayname") or ""),
                         option_label(REALTIME_KINDS, record.get("msdynmkt_type")) or "dynamic",
                         option_label(REALTIME_STATUSES, definition.get("statuscode")),
                         definition.get("msdynmkt_segmentquery"),
                         members, str(record["msdynmkt_segmentid"]).lower(),
                         record.get("msdynmkt_baseentitylogicalname"))


def _optional(client: Client, entity_set: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    """A collection, or nothing when the org does not have that table (its app is not installed: 404)."""
    try:
        yield from client.collection(entity_set, select=columns)
    except OrgError as error:
        if error.status != 404:
            raise


def option_label(options: dict[int, str], value: object) -> str | None:
    """The label of a choice column's value, None for a value that is not one of `options`."""
    return options.get(value) if isinstance(value, int) and not isinstance(value, bool) else None


def parse_member_ids(value: object) -> tuple[str, ...]:
    """`msdyncrm_segmentmemberids`: a string holding a JSON array of ids (or one id), else none."""
    if not isinstance(value, str) or not value.strip():
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        return (value.strip(),)
    if isinstance(data, list):
        return tuple(str(item) for item in data)
    return (str(data),)


def parse_member_list(value: object) -> tuple[str, ...]:
    """`msdynmkt_includedmembers`: ids separated by commas (blanks around them read past)."""
    if not isinstance(value, str):
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())
