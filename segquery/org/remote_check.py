"""`remote_check`: each outbound query sent to the service's own validation, compared with segquery's verdict.

Where the two differ, one of them is wrong: that is how users (and this
project) find the rules segquery gets wrong. Real-time segments have no
validation without side effects (the service checks a query only when it
publishes it), so they are listed as not checked, never published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from segquery.org.client import Client
from segquery.org.local import LocalSegment, read_local
from segquery.org.plan import validation_problem
from segquery.org.records import OUTBOUND
from segquery.requests import schema as outbound

NOT_OFFERED = ("not checked remotely: the service validates a real-time query only while publishing it "
               "(msdynmkt_PublishSegmentDefinition), which has side effects")


@dataclass(frozen=True)
class Verdict:
    segment: str
    path: str
    local: str | None                      # segquery's first error, None when it finds none
    remote: list[dict[str, Any]] | None    # the service's ValidationResult; None when not asked
    note: str = ""

    @property
    def differs(self) -> bool:
        return self.remote is not None and (self.local is None) != (not self.remote)

    def to_json(self) -> dict[str, Any]:
        return {"segment": self.segment, "path": self.path, "segquery": self.local, "service": self.remote,
                "differs": self.differs, "note": self.note}


def remote_check(client: Client, directory: Path) -> list[Verdict]:
    workspace, local = read_local(directory)
    verdicts = []
    for segment in local:
        local_verdict = validation_problem(workspace, segment)
        if segment.dialect != OUTBOUND:
            verdicts.append(Verdict(segment.key, segment.path, local_verdict, None, NOT_OFFERED))
        elif segment.query is None:
            verdicts.append(Verdict(segment.key, segment.path, local_verdict, None, "no query to validate"))
        else:
            verdicts.append(Verdict(segment.key, segment.path, local_verdict, _service_verdict(client, segment)))
    return verdicts


def _service_verdict(client: Client, segment: LocalSegment) -> list[dict[str, Any]]:
    body = {outbound.NAME: segment.name, outbound.QUERY: segment.query,
            outbound.TYPE: {"static": outbound.STATIC, "compound": outbound.COMPOUND}.get(segment.kind,
                                                                                           outbound.DYNAMIC),
            outbound.STATUS: outbound.DRAFT}
    answer = client.request("POST", outbound.VALIDATE_MESSAGE, body=body)
    try:
        data = answer.json()
        result = json.loads(data.get("ValidationResult") or "[]")
    except (ValueError, AttributeError):
        return [{"ErrorCode": "Unreadable", "FieldName": "", "Message": "the service's answer could not be read"}]
    return [item for item in result if isinstance(item, dict)] if isinstance(result, list) else []


def render_verdicts(verdicts: list[Verdict]) -> str:
    lines = []
    for verdict in verdicts:
        if verdict.remote is None:
            lines.append(f"{verdict.path}: `{verdict.segment}`: {verdict.note}")
            continue
        service = "valid" if not verdict.remote else "invalid (" + ", ".join(
            f"{item.get('ErrorCode', '?')} on {item.get('FieldName') or 'the segment'}" for item in verdict.remote) + ")"
        mine = "valid" if verdict.local is None else f"invalid ({verdict.local})"
        mark = "DIFFERS" if verdict.differs else "agrees"
        lines.append(f"{verdict.path}: `{verdict.segment}`: {mark}: segquery says {mine}; the service says {service}")
    differing = sum(1 for verdict in verdicts if verdict.differs)
    lines.append(f"{differing} of {sum(1 for v in verdicts if v.remote is not None)} checked segment(s) differ")
    return "\n".join(lines)
