"""Checks of the bodies of the real-time segment actions,
`msdynmkt_PublishSegmentDefinition` and `msdynmkt_MembersList`: both take
one parameter, `SegmentId`."""

from __future__ import annotations

from segquery.lenient_json.values import JsonMember, JsonObject, JsonString, JsonValue, type_name
from segquery.requests import codes
from segquery.requests import realtime_schema as rt
from segquery.requests.fields import check_guid
from segquery.requests.record import unknown_key
from segquery.requests.report import Report
from segquery.source import Span


def check_action(report: Report, action: str, body: JsonValue) -> None:
    """Report everything wrong with the body of a real-time segment action."""
    if not isinstance(body, JsonObject):
        report.add(codes.WRONG_TYPE, f"the body of `{action}` is a JSON object, not {type_name(body)}", body.span)
        return
    segment: JsonMember | None = None
    for member in body.members:
        if "@" in member.name:
            continue
        if member.name == rt.ACTION_PARAMETER:
            segment = member
            continue
        unknown_key(report, member.key, (rt.ACTION_PARAMETER,), f"a parameter of `{action}`",
                    code=codes.UNKNOWN_ACTION_PARAMETER)
        if member.name.casefold() == rt.ACTION_PARAMETER.casefold():
            segment = segment or member   # only the spelling is wrong: its value is still checked
    if segment is None:
        report.add(codes.REALTIME_MISSING_FIELD, f"`{action}` needs `{rt.ACTION_PARAMETER}`: the id of the segment",
                   Span(body.span.start, body.span.start + 1), field=rt.ACTION_PARAMETER)
        return
    value = segment.value
    if not isinstance(value, JsonString):
        code = codes.REALTIME_MISSING_FIELD if type_name(value) == "null" else codes.WRONG_TYPE
        report.add(code, f"`{rt.ACTION_PARAMETER}` takes the segment id as a string, not {type_name(value)}",
                   value.span, field=rt.ACTION_PARAMETER)
        return
    check_guid(report, value, rt.ACTION_PARAMETER, what=f"`{rt.ACTION_PARAMETER}`", code=codes.REALTIME_BAD_ID)
