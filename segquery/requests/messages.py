"""Checks of the include/exclude message bodies."""

from __future__ import annotations

from segquery.diagnostics import Applicability, Fix, Severity, TextEdit
from segquery.lenient_json.values import JsonMember, JsonObject, JsonString, JsonValue, type_name
from segquery.requests import codes, options, schema
from segquery.requests.fields import check_guid
from segquery.requests.members import check_member_list
from segquery.requests.record import rename_key, unknown_key
from segquery.requests.report import Report
from segquery.source import Span


def check_member_message(report: Report, message: schema.MemberMessage, body: JsonValue, *,
                         known: dict[str, options.KnownSegment], message_span: Span | None) -> None:
    """Report everything wrong with the body of an include/exclude message.

    `message_span` locates the message name in the URL when it is in the same
    file, so that "use the plural message" can come with a fix.
    """
    if not isinstance(body, JsonObject):
        report.add(codes.WRONG_TYPE, f"the body of `{message.name}` is a JSON object, not {type_name(body)}",
                   body.span)
        return
    parameter = message.member_parameter
    other = schema.MEMBER_IDS if parameter == schema.MEMBER_ID else schema.MEMBER_ID
    segment: JsonMember | None = None
    members: JsonMember | None = None
    for member in body.members:
        if "@" in member.name:
            continue
        if member.name == schema.SEGMENT_ID:
            segment = member
        elif member.name == parameter:
            members = member
        elif member.name == other:
            _variant(report, message, member)
            members = members or member
        else:
            unknown_key(report, member.key, (schema.SEGMENT_ID, parameter), f"a parameter of `{message.name}`")
    opener = Span(body.span.start, body.span.start + 1)
    if segment is None:
        report.add(codes.MISSING_FIELD, f"`{message.name}` needs `{schema.SEGMENT_ID}`: the segment to change",
                   opener, field=schema.SEGMENT_ID)
    else:
        _check_segment(report, message, segment, known)
    if members is None:
        report.add(codes.MISSING_FIELD, f"`{message.name}` needs `{parameter}`: the "
                   f"{'ids' if message.plural else 'id'} of the contacts to {'include' if message.include else 'exclude'}",
                   opener, field=parameter)
        return
    hint = f"; for one id, use `{message.counterpart}`" if message.plural else ""
    ids = check_member_list(report, members.value, field=parameter, expect_crm=False, single=not message.plural,
                            written_as=members.name, hint=hint)
    if ids is not None and not message.plural and len(ids) > 1:
        report.add(codes.PLURAL_NEEDED, f"`{message.name}` takes one id; this list has {len(ids)}: use "
                   f"`{message.counterpart}`", members.value.span, field=parameter,
                   fix=_to_plural(message, members, message_span))


def _variant(report: Report, message: schema.MemberMessage, member: JsonMember) -> None:
    parameter = message.member_parameter
    if message.plural:
        severity, applicability = Severity.WARNING, Applicability.UNSAFE
        why = "the latest documented signature of the plural messages names it"
    else:
        severity, applicability = Severity.ERROR, Applicability.SAFE
        why = "the singular messages take one id in"
    report.add(codes.FIELD_VARIANT, f"`{message.name}` takes `{parameter}`, not `{member.name}`: {why} "
               f"`{parameter}`", member.key.span, field=parameter, severity=severity,
               fix=rename_key(member.key, parameter, applicability))


def _check_segment(report: Report, message: schema.MemberMessage, segment: JsonMember,
                   known: dict[str, options.KnownSegment]) -> None:
    value = segment.value
    if not isinstance(value, JsonString):
        report.add(codes.WRONG_TYPE, f"`{schema.SEGMENT_ID}` takes the segment id as a string, not "
                   f"{type_name(value)}", value.span, field=schema.SEGMENT_ID)
        return
    if not check_guid(report, value, schema.SEGMENT_ID, what=f"`{schema.SEGMENT_ID}`"):
        return
    state = known.get(schema.normalize_id(value.value))
    if state is None or state.type not in (schema.DYNAMIC, schema.COMPOUND) or state.status is None:
        return
    if state.status in (schema.LIVE, schema.STOPPED):
        return
    verb = "include" if message.include else "exclude"
    report.add(codes.SEGMENT_NOT_ACTIVE, f"the segment is a {schema.QUERY_KIND[state.type]} segment in status "
               f"{options.describe(schema.STATUS, state.status)}: {verb} works on dynamic and compound "
               "segments only when they are live or stopped", value.span, field=schema.SEGMENT_ID)


def _to_plural(message: schema.MemberMessage, members: JsonMember, message_span: Span | None) -> Fix | None:
    if message_span is None:
        return None
    edits = [TextEdit(message_span.start, message_span.end, message.counterpart)]
    if members.name != schema.MEMBER_IDS:
        key = members.key
        edits.append(TextEdit(key.content_start, key.content_end, schema.MEMBER_IDS))
    return Fix(f"Use `{message.counterpart}`", tuple(sorted(edits, key=lambda edit: edit.start)))
