"""The files a migration writes: real-time `.segq` files, the two record bodies
per segment, static member calls, and the id map."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from segquery.migrate.estate import (
    DEFINITION_DRAFT,
    DEFINITION_GOING_LIVE,
    IDS_PER_CALL,
    IDS_PER_GROUP,
    PLACEHOLDER_NAMESPACE,
    REALTIME_DYNAMIC,
    REALTIME_SOURCE,
    REALTIME_STATIC,
    EstateMigration,
    SegmentMigration,
)

ID_MAP_FILE = "id-map.json"


def file_stem(position: int, segment: SegmentMigration) -> str:
    """`03_puget_sound`: the go-live position first, so a directory listing is the order to create them in."""
    slug = re.sub(r"[^A-Za-z0-9]+", "_", segment.name).strip("_").lower() or "segment"
    return f"{position:02d}_{slug}"


def segq_text(segment: SegmentMigration) -> str:
    """The real-time query with the directives that describe the new segment."""
    assert segment.query is not None and segment.query.text is not None
    status = "going live" if segment.going_live else "draft"
    directives = [("dialect", "realtime"), ("name", segment.name), ("id", segment.new_guid),
                  ("type", segment.segment_type), ("status", status), ("profile", segment.profile)]
    return "".join(f"// segquery: {key} = {value}\n" for key, value in directives) + segment.query.text


def member_groups(segment: SegmentMigration) -> list[dict[str, Any]]:
    """`msdynmkt_staticlistmembers` groups: one include group per 200,000 member ids."""
    groups = []
    for number, start in enumerate(range(0, len(segment.members), IDS_PER_GROUP), 1):
        group_id = uuid.uuid5(PLACEHOLDER_NAMESPACE, f"{segment.new_id}/group/{number}")
        groups.append({"groupId": str(group_id), "includeType": "Include",
                       "name": f"{segment.name} (migrated, part {number})", "inputType": "manualSelect",
                       "_members": segment.members[start:start + IDS_PER_GROUP]})
    return groups


def record_bodies(segment: SegmentMigration) -> dict[str, Any]:
    """The `msdynmkt_segmentdefinition` and `msdynmkt_segment` bodies, linked, and any member calls."""
    groups = member_groups(segment)
    definition: dict[str, Any] = {
        "msdynmkt_segmentdefinitionid": segment.new_guid,
        "msdynmkt_segmentquery": segment.query.compact or "" if segment.query is not None else "",
        "statecode": 0,
        "statuscode": DEFINITION_GOING_LIVE if segment.going_live else DEFINITION_DRAFT,
        "msdynmkt_staticlistmembers": json.dumps([{k: v for k, v in group.items() if k != "_members"}
                                                  for group in groups]),
    }
    body: dict[str, Any] = {
        "msdynmkt_segmentdefinition": definition,
        "msdynmkt_segment": {
            "msdynmkt_displayname": segment.name,
            "msdynmkt_type": REALTIME_STATIC if segment.segment_type == "static" else REALTIME_DYNAMIC,
            "msdynmkt_source": REALTIME_SOURCE,
            "msdynmkt_baseentitylogicalname": segment.profile,
            "statecode": 0,
            "statuscode": 1,
            "msdynmkt_sourcesegmentuid": segment.new_guid,
        },
    }
    if groups:
        body["member_calls"] = [{"groupId": group["groupId"], "ids": list(group["_members"][start:start + IDS_PER_CALL])}
                                for group in groups for start in range(0, len(group["_members"]), IDS_PER_CALL)]
    return body


def id_map_document(estate: EstateMigration) -> dict[str, Any]:
    return {
        "description": "Outbound segment names and ids -> new real-time segment definition ids (placeholders "
                       "until the definitions are created: replace them with the real ids and pass this file "
                       "back with --id-map).",
        "ids": dict(estate.id_map),
        "segments": [{"name": segment.name, "outbound_id": segment.outbound_id, "new_id": segment.new_id,
                      "new_query_name": segment.new_query_name, "migrated": segment.emitted}
                     for segment in estate.segments],
    }


def write_estate(estate: EstateMigration, out_dir: str | Path) -> list[Path]:
    """Write every migrated segment, in go-live order, and the id map; returns the files written."""
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for position, segment in enumerate(estate.segments, 1):
        if not segment.emitted:
            continue
        stem = file_stem(position, segment)
        if segment.query is not None and segment.query.text is not None:
            written.append(_write(directory / f"{stem}.segq", segq_text(segment)))
        written.append(_write(directory / f"{stem}.records.json", _json(record_bodies(segment))))
    written.append(_write(directory / ID_MAP_FILE, _json(id_map_document(estate))))
    return written


def read_id_map(path: str | Path) -> dict[str, str]:
    """The `ids` of an id map file (or a flat object of names to ids); raises ValueError with the reason."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot read the id map: {error}") from None
    ids = data.get("ids", data) if isinstance(data, dict) else None
    if not isinstance(ids, dict):
        raise ValueError(f"{path}: expected an object of segment names or ids to new ids")
    result = {}
    for name, value in ids.items():
        digits = value.replace("-", "").lower() if isinstance(value, str) else ""
        if not re.fullmatch(r"[0-9a-f]{32}", digits):
            raise ValueError(f"{path}: the id of `{name}` is not a GUID: {value!r}")
        result[name] = digits
    return result


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
