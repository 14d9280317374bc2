"""How a segment of the org is kept in the repository, and read back.

A query segment is a `.segq` file: a block of `// segquery:` directives
(name, id, type, status, and dialect for real-time ones) and then the query
exactly as the org holds it. A static segment is a JSON record holding its
member list: an `msdyncrm_segment` record for outbound marketing, the
`msdynmkt_segmentdefinition` columns for real-time journeys.
"""

from __future__ import annotations

import json
import re
from typing import Any

from segquery.org.records import OUTBOUND, REALTIME, RT_STATIC, OrgSegment
from segquery.requests import schema as outbound

HEADER_DIRECTIVES = ("name", "id", "type", "status", "profile", "dialect", "kind")
_HEADER_LINE = re.compile(r"[ \t]*//[ \t]*segquery:[ \t]*(?P<name>[a-z][a-z-]*)[ \t]*=[ \t]*(?P<value>[^\r\n]*?)"
                          r"[ \t]*(?:\r\n|\n|\r|\Z)")
_SLUG = re.compile(r"[^a-z0-9_-]+")
REALTIME_RECORD_KEYS = ("msdynmkt_segmentdefinitionid", "msdynmkt_displayname", "msdynmkt_includedmembers")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The leading segment directives (name -> value) and the query after them, as written."""
    directives: dict[str, str] = {}
    offset = 0
    while offset < len(text):
        match = _HEADER_LINE.match(text, offset)
        if match is None or match.group("name") not in HEADER_DIRECTIVES or match.end() == offset:
            break
        directives.setdefault(match.group("name"), match.group("value"))
        offset = match.end()
    return directives, text[offset:]


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
    return {"msdynmkt_segmentdefinitionid": segment.id, "msdynmkt_displayname": segment.name,
            "msdynmkt_type": RT_STATIC, "msdynmkt_includedmembers": ",".join(segment.members)}


def _one_line(text: str) -> str:
    return " ".join(text.split())
