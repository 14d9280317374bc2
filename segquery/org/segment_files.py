"""How a segment of the org is kept in the repository, and read back.

A query segment is a `.segq` file: a block of `// segquery:` directives
(name, id, type, status, and dialect for real-time ones) and then the query
exactly as the org holds it. A static segment is JSON holding its member
list: an `msdyncrm_segment` record for outbound marketing; for real-time
journeys a collection of its two records, the `msdynmkt_segmentdefinition`
(members, status) and the `msdynmkt_segment` linked to it (name, type, base
table), each a body the Web API accepts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from segquery.org.records import OUTBOUND, REALTIME, REALTIME_STATUSES, RT_SOURCE_JOURNEYS, RT_STATIC, OrgSegment
from segquery.requests import realtime_schema as rt
from segquery.requests import schema as outbound

HEADER_DIRECTIVES = ("name", "id", "type", "status", "profile", "dialect", "kind")
_HEADER_LINE = re.compile(r"[ \t]*//[ \t]*segquery:[ \t]*(?P<name>[a-z][a-z-]*)[ \t]*=[ \t]*(?P<value>[^\r\n]*?)"
                          r"[ \t]*(?:\r\n|\n|\r|\Z)")
_SLUG = re.compile(r"[^a-z0-9_-]+")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The leading segment directives (name -> value) and the query after them, as written."""
    lines = header_lines(text)
    directives: dict[str, str] = {}
    for name, value, _ in lines:
        directives.setdefault(name, value)
    return directives, text[lines[-1][2]:] if lines else text


def header_lines(text: str) -> list[tuple[str, str, int]]:
    """The leading segment directive lines: name, value, and the offset where the line ends (after its break)."""
    found: list[tuple[str, str, int]] = []
    offset = 0
    while offset < len(text):
        match = _HEADER_LINE.match(text, offset)
        if match is None or match.group("name") not in HEADER_DIRECTIVES or match.end() == offset:
            break
        found.append((match.group("name"), match.group("value"), match.end()))
        offset = match.end()
    return found


def slug(name: str) -> str:
    """A file stem for a segment name: lower case, runs of other characters made one `_`."""
    return _SLUG.sub("_", name.strip().lower()).strip("_") or "segment"


def file_name(segment: OrgSegment, taken: set[str]) -> str:
    """`<slug>.segq` (or `.json` for a static segment); the id's first 8 digits added when the name is taken."""
    suffix = ".json" if segment.kind == "static" else ".segq"
    name = slug(segment.name) + suffix
    if name in taken:
        name = f"{slug(segment.name)}_{segment.id.replace('-', '')[:8]}{suffix}"
    taken.add(name)
    return name


def render(segment: OrgSegment) -> str:
    """The file text of a pulled segment."""
    if segment.kind == "static":
        return json.dumps(_static_record(segment), indent=2, ensure_ascii=False) + "\n"
    lines = [f"// segquery: name = {_one_line(segment.name)}", f"// segquery: id = {segment.id}",
             f"// segquery: type = {segment.kind}"]
    if segment.status:
        lines.append(f"// segquery: status = {segment.status}")
    if segment.dialect == REALTIME:
        lines.append("// segquery: dialect = realtime")
        if segment.profile:
            lines.append(f"// segquery: profile = {segment.profile}")
    return "\n".join(lines) + "\n" + (segment.query or "")


def _static_record(segment: OrgSegment) -> dict[str, Any]:
    if segment.dialect == OUTBOUND:
        record: dict[str, Any] = {outbound.SEGMENT_ID: segment.id, outbound.NAME: segment.name,
                                  outbound.TYPE: outbound.STATIC}
        if segment.status:
            record[outbound.STATUS] = next(code for code, label in outbound.STATUS_REASONS.items()
                                           if label.lower() == segment.status)
        record[outbound.MEMBER_IDS] = json.dumps(list(segment.members))
        return record
    definition: dict[str, Any] = {rt.DEFINITION_ID: segment.id}
    if segment.status:
        definition[rt.STATUS] = next(code for code, label in REALTIME_STATUSES.items() if label == segment.status)
    definition[rt.INCLUDED] = ",".join(segment.members)
    link = {rt.SEGMENT_ID: segment.record_id, rt.DISPLAY_NAME: segment.name, rt.TYPE: RT_STATIC,
            rt.SOURCE: RT_SOURCE_JOURNEYS, rt.BASE_TABLE: segment.profile or "contact", rt.SOURCE_UID: segment.id}
    return {"value": [definition, {key: value for key, value in link.items() if value is not None}]}


def _one_line(text: str) -> str:
    return " ".join(text.split())
