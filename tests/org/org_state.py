"""A fake org that keeps its segments in memory and answers the segment endpoints as the Web API does
(collections paged by `@odata.nextLink`, creates, updates, the member messages, publishing)."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from werkzeug import Request, Response

from org_fakes import API

_KEYED = re.compile(r"(?P<set>\w+)\((?P<id>[0-9a-fA-F-]{36})\)\Z")
ID_COLUMNS = {"msdyncrm_segments": "msdyncrm_segmentid", "msdynmkt_segmentdefinitions": "msdynmkt_segmentdefinitionid",
              "msdynmkt_segments": "msdynmkt_segmentid"}
LIVE, GOING_LIVE = 192350001, 192350006
# The documented limits, which the fake org enforces as the service does: a 400.
OUTBOUND_IDS_PER_CALL, REALTIME_IDS_PER_CALL = 10_000, 1_000
INCLUDED, EXCLUDED = "msdynmkt_includedmembers", "msdynmkt_excludedmembers"


@dataclass
class FakeOrg:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in ID_COLUMNS})
    page_size: int = 2
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    fail_at: int | None = None           # answer the n-th write (1-based) with a 400, once
    writes: int = 0
    has_realtime: bool = True

    def install(self, server) -> None:
        server.expect_request(re.compile("^" + re.escape(API) + ".*")).respond_with_handler(self.answer)

    def answer(self, request: Request) -> Response:
        path = request.path[len(API):]
        body = json.loads(request.data) if request.data else None
        if request.method != "GET":
            self.requests.append((request.method, path, body))
            self.writes += 1
            if self.writes == self.fail_at:
                self.fail_at = None
                return _error(400, "Segment query is not valid: unexpected token")
        if path.startswith("msdynmkt_") and not self.has_realtime and path in ID_COLUMNS:
            return _error(404, f"Resource not found for the segment '{path}'.")
        keyed = _KEYED.match(path)
        too_many = _too_many_ids(body)
        if too_many:
            return _error(400, too_many)
        if request.method == "GET" and path in self.tables:
            return self.page(path, int(request.args.get("$skiptoken", "0")), request)
        if request.method == "POST" and path in self.tables:
            record = dict(body)
            record.setdefault(ID_COLUMNS[path], str(uuid.uuid4()))
            if record.get("statuscode") == LIVE:
                record["statuscode"] = GOING_LIVE
            self.tables[path].append(record)
            return Response(status=204, headers={"OData-EntityId": f"{request.url_root}{API}{path}"})
        if request.method == "PATCH" and keyed and keyed["set"] in self.tables:
            record = self.find(keyed["set"], keyed["id"])
            body = dict(body)
            if INCLUDED in body or EXCLUDED in body:     # a member call: adds or removes the ids it lists
                members = _ids(record.get(INCLUDED))
                members += [item for item in _ids(body.pop(INCLUDED, "")) if item not in members]
                removed = set(_ids(body.pop(EXCLUDED, "")))
                record[INCLUDED] = ",".join(item for item in members if item not in removed)
            record.update(body)
            if record.get("statuscode") == LIVE:
                record["statuscode"] = GOING_LIVE
            return Response(status=204)
        if request.method == "POST" and path in ("msdyncrm_IncludeMembersInSegment",
                                                 "msdyncrm_ExcludeMembersFromSegment"):
            record = self.find("msdyncrm_segments", body["msdyncrm_segmentid"])
            members = json.loads(record.get("msdyncrm_segmentmemberids") or "[]")
            change = json.loads(body["msdyncrm_segmentmemberid"])
            members = members + change if path.startswith("msdyncrm_Include") else [m for m in members
                                                                                    if m not in change]
            record["msdyncrm_segmentmemberids"] = json.dumps(members)
            return Response(status=204)
        if request.method == "POST" and path == "msdyncrm_ValidateSegment":
            problems = ([{"ErrorCode": "SegmentDciValidator_SegmentInvalid", "FieldName": "msdyncrm_query"}]
                        if "UnknownEntity" in body["msdyncrm_segmentquery"] else [])
            return Response(json.dumps({"ValidationResult": json.dumps(problems)}), content_type="application/json")
        if request.method == "POST" and path == "msdynmkt_PublishSegmentDefinition":
            self.find("msdynmkt_segmentdefinitions", body["SegmentId"])["statuscode"] = 723270000
            return Response(status=204)
        return _error(404, f"no route for {request.method} {path}")

    def page(self, name: str, start: int, request: Request) -> Response:
        records = self.tables[name]
        data: dict[str, Any] = {"value": records[start:start + self.page_size]}
        if start + self.page_size < len(records):
            data["@odata.nextLink"] = f"{request.host_url}{API[1:]}{name}?$skiptoken={start + self.page_size}"
        return Response(json.dumps(data), content_type="application/json")

    def find(self, name: str, record_id: str) -> dict[str, Any]:
        return next(r for r in self.tables[name] if r[ID_COLUMNS[name]].lower() == record_id.lower())


def _ids(value: str | None) -> list[str]:
    return [part.strip().lower() for part in (value or "").split(",") if part.strip()]


def _too_many_ids(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    counts = [len(_ids(body.get(column))) for column in (INCLUDED, EXCLUDED)]
    if max(counts) > REALTIME_IDS_PER_CALL:
        return f"Static member operations accept at most {REALTIME_IDS_PER_CALL} ids per call"
    members = body.get("msdyncrm_segmentmemberid")
    if isinstance(members, str) and members.startswith("[") and len(json.loads(members)) > OUTBOUND_IDS_PER_CALL:
        return f"You can add up to {OUTBOUND_IDS_PER_CALL} contacts"
    return None


def _error(status: int, message: str) -> Response:
    return Response(json.dumps({"error": {"code": "0x80040203", "message": message}}), status=status,
                    content_type="application/json")


def outbound(segment_id: str, name: str, query: str | None, *, kind: int = 192350000, status: int = LIVE,
             members: list[str] | None = None) -> dict[str, Any]:
    record = {"msdyncrm_segmentid": segment_id, "msdyncrm_segmentname": name, "msdyncrm_segmenttype": kind,
              "statuscode": status, "msdyncrm_segmentquery": query}
    if members is not None:
        record["msdyncrm_segmentmemberids"] = json.dumps(members)
    return record
