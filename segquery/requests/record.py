"""Checks of one `msdyncrm_segment` record: a create or update body, a segment
definition sent for validation, or a record read back from the service."""

from __future__ import annotations

from typing import Iterable, Literal, Mapping

from segquery.diagnostics import Applicability, Fix, Severity
from segquery.lenient_json.values import JsonLiteral, JsonMember, JsonNumber, JsonObject, JsonString, JsonValue, type_name
from segquery.requests import codes, options, schema
from segquery.requests.fields import check_value, option_value
from segquery.requests.members import check_member_list
from segquery.requests.query_check import QueryChecker
from segquery.requests.report import Report, move_into_string
from segquery.source import Span
from segquery.suggest import did_you_mean

Operation = Literal["create", "update", "validate", "read"]
OPERATIONS: tuple[str, ...] = ("create", "update", "validate", "read")
_WRITES = ("create", "update", "validate")


def check_record(report: Report, body: JsonValue, *, operation: Operation, known: options.KnownSegment | None,
                 query_checker: QueryChecker) -> None:
    """Report everything wrong with a segment record for `operation`."""
    if not isinstance(body, JsonObject):
        report.add(codes.WRONG_TYPE, f"a segment record is a JSON object, not {type_name(body)}", body.span)
        return
    fields = _columns(report, body)
    # Member ids of any JSON type are checked by the member list check below.
    valid = {column: check_value(report, column, member.value, written_as=member.name)
             for column, member in fields.items()
             if column != schema.MEMBER_IDS or isinstance(member.value, JsonString)}
    _check_required(report, body, fields, operation)

    def value(column: str) -> JsonValue | None:
        member = fields.get(column)
        return member.value if member is not None and valid.get(column) else None

    known = known or options.KnownSegment(None, None)
    segment_type = option_value(value(schema.TYPE), schema.TYPE) or known.type
    status = option_value(value(schema.STATUS), schema.STATUS)
    if status is not None and operation in ("create", "update"):
        _check_status(report, fields[schema.STATUS].value, status, operation, known.status)
    query = value(schema.QUERY)
    if isinstance(query, JsonString) and query.value.strip():
        if segment_type == schema.STATIC:
            report.add(codes.QUERY_ON_STATIC, "a static segment has no query: its members are the ids it is "
                       "given; this query is at best unused", fields[schema.QUERY].key.span, field=schema.QUERY)
        kind = schema.QUERY_KIND.get(segment_type) if segment_type is not None else None
        for diagnostic in query_checker(query.value, kind):
            report.diagnostics.append(move_into_string(diagnostic, query, report.source, field=schema.QUERY))
    members = fields.get(schema.MEMBER_IDS)
    if members is not None and not (isinstance(members.value, JsonLiteral) and members.value.value is None):
        if segment_type in (schema.DYNAMIC, schema.COMPOUND):
            report.add(codes.MEMBERS_ON_QUERY_SEGMENT, f"a {schema.QUERY_KIND[segment_type]} segment takes its "
                       "members from its query: member ids belong to static segments; use the include/exclude "
                       "messages instead", members.key.span, field=schema.MEMBER_IDS)
        check_member_list(report, members.value, field=schema.MEMBER_IDS, expect_crm=True, written_as=members.name)


def _columns(report: Report, body: JsonObject) -> dict[str, JsonMember]:
    """Known columns of the body by canonical name; reports unknown keys and variants."""
    fields: dict[str, JsonMember] = {}
    for member in body.members:
        name = member.name
        if "@" in name or is_lookup_value(name):
            continue
        column = name
        if name in schema.RECORD_VARIANTS:
            column = schema.RECORD_VARIANTS[name]
            report.add(codes.FIELD_VARIANT, f"`{name}` is not a column of {schema.TABLE}: the column is "
                       f"`{column}`", member.key.span, field=column,
                       fix=rename_key(member.key, column, Applicability.SAFE))
            if column in fields:
                continue
        elif name.lower().startswith("msdynmkt_"):
            report.add(codes.BODY_DIALECT_MISMATCH, f"`{name}` is a real-time journeys column: a {schema.TABLE} "
                       "record of outbound marketing does not have it", member.key.span, field=name)
            continue
        elif name not in schema.COLUMNS:
            unknown_key(report, member.key, schema.COLUMNS, f"a column of {schema.TABLE}")
            continue
        fields[column] = member
    return fields


def is_lookup_value(name: str, columns: Mapping[str, str] = schema.COLUMNS) -> bool:
    """`_ownerid_value` and the like: how the Web API returns lookup columns."""
    return (name.startswith("_") and name.endswith("_value")
            and columns.get(name[1:-len("_value")]) in ("Lookup", "Owner"))


def unknown_key(report: Report, key: JsonString, known: Iterable[str], what: str, *, fixable: bool = True,
                code: str = codes.UNKNOWN_FIELD) -> None:
    """R018 (or `code`), with the closest known name as a fix when the key is in the report's source."""
    name = key.value
    suggestion = did_you_mean(name, known)
    if suggestion is None:
        report.add(code, f"`{name}` is not {what}", key.span, field=name)
        return
    same_but_case = suggestion.casefold() == name.casefold()
    applicability = Applicability.SAFE if same_but_case else Applicability.UNSAFE
    report.add(code, f"`{name}` is not {what}; did you mean `{suggestion}`?", key.span,
               field=suggestion, fix=rename_key(key, suggestion, applicability) if fixable else None)


def rename_key(key: JsonString, new_name: str, applicability: Applicability) -> Fix:
    return Fix.replace(f"Rename to `{new_name}`", key.content_start, key.content_end, new_name, applicability)


def _check_required(report: Report, body: JsonObject, fields: dict[str, JsonMember], operation: str) -> None:
    opener = Span(body.span.start, body.span.start + 1)
    whose = "a new segment" if operation == "create" else "a segment definition"
    for column in schema.REQUIRED_ON_CREATE:
        member = fields.get(column)
        if member is None:
            if operation in ("create", "validate"):
                report.add(codes.MISSING_FIELD, f"{whose} needs `{column}`", opener, field=column)
            continue
        if operation == "read":
            continue
        if isinstance(member.value, JsonLiteral) and member.value.value is None:
            report.add(codes.MISSING_FIELD, f"`{column}` is required and cannot be null", member.value.span,
                       field=column)
        elif column == schema.NAME and isinstance(member.value, JsonString) and not member.value.value.strip():
            report.add(codes.MISSING_FIELD, f"`{column}` is empty: a segment needs a name", member.value.span,
                       field=column)
    if operation not in ("create", "validate"):
        return
    segment_type = option_value(fields[schema.TYPE].value, schema.TYPE) if schema.TYPE in fields else None
    if segment_type not in (schema.DYNAMIC, schema.COMPOUND):
        return
    kind = schema.QUERY_KIND[segment_type]
    member = fields.get(schema.QUERY)
    if member is None:
        report.add(codes.MISSING_FIELD, f"a {kind} segment needs `{schema.QUERY}`: its members are the "
                   "result of the query", opener, field=schema.QUERY)
    elif isinstance(member.value, JsonLiteral) and member.value.value is None:
        report.add(codes.MISSING_FIELD, f"a {kind} segment needs a query; `{member.name}` is null",
                   member.value.span, field=schema.QUERY)
    elif isinstance(member.value, JsonString) and not member.value.value.strip():
        report.add(codes.MISSING_FIELD, f"a {kind} segment needs a query; `{member.name}` is empty",
                   member.value.span, field=schema.QUERY)


def _check_status(report: Report, value: JsonValue, status: int, operation: str, current: int | None) -> None:
    if operation == "update" and current is not None and status != current:
        allowed = schema.STATUS_TRANSITIONS[current]
        if status not in allowed:
            after = ", ".join(options.describe(schema.STATUS, item) for item in allowed) or "nothing"
            report.add(codes.BAD_TRANSITION, f"the segment is {options.describe(schema.STATUS, current)}, "
                       f"which can change only to {after}; not to {options.describe(schema.STATUS, status)}",
                       value.span, field=schema.STATUS)
            return
    if not isinstance(value, JsonNumber):
        return
    if status == schema.LIVE:
        instead, label = schema.GOING_LIVE, "going live"
    elif status == schema.STOPPED and operation == "update":
        instead, label = schema.STOPPING, "stopping"
    else:
        return
    report.add(codes.STATUS_JUMP, f"setting {options.describe(schema.STATUS, status)} directly skips "
               f"{label}: set {options.describe(schema.STATUS, instead)} and let the service finish the change",
               value.span, field=schema.STATUS, severity=Severity.WARNING,
               fix=Fix.replace(f"Set {instead} ({label})", value.span.start, value.span.end, str(instead),
                               Applicability.UNSAFE))
