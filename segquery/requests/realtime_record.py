"""Checks of one real-time segment record: a `msdynmkt_segmentdefinition`
(the query and the static members) or a `msdynmkt_segment` (the addressable
segment, linked to its definition), as a create or update body or as a record
read back from the service."""

from __future__ import annotations

import re

from segquery.diagnostics import Applicability, Fix
from segquery.lenient_json.reader import short
from segquery.lenient_json.values import JsonMember, JsonNumber, JsonObject, JsonString, JsonValue, type_name
from segquery.requests import codes, options, schema
from segquery.requests import realtime_schema as rt
from segquery.requests.fields import check_value, option_value
from segquery.requests.query_check import QueryChecker
from segquery.requests.realtime_members import check_guid_list, check_static_list, is_null
from segquery.requests.record import Operation, is_lookup_value, unknown_key
from segquery.requests.report import Report, move_into_string
from segquery.requests.tables import ColumnTable
from segquery.source import Span
from segquery.suggest import did_you_mean

_BUSINESS_UNIT = re.compile(r"/?businessunits\((?P<id>[^()]*)\)")


def check_realtime_record(report: Report, body: JsonValue, *, entity_set: str, operation: Operation,
                          query_checker: QueryChecker) -> None:
    """Report everything wrong with a real-time record of the table behind `entity_set`."""
    table = rt.TABLES[entity_set]
    if not isinstance(body, JsonObject):
        report.add(codes.WRONG_TYPE, f"a {table.name} record is a JSON object, not {type_name(body)}", body.span)
        return
    fields = _columns(report, body, table)
    bind = body.get(rt.BUSINESS_UNIT_BIND)
    if bind is not None:
        _check_business_unit(report, bind.value)
    # The member fields of any JSON type are checked by their own checks below.
    valid = {column: check_value(report, column, member.value, written_as=member.name, table=table)
             for column, member in fields.items()
             if column not in (rt.STATIC_LIST, *rt.MEMBER_LISTS) or isinstance(member.value, JsonString)}
    writes = operation != "read"
    if writes:
        _check_nulls(report, fields, table)
    if table is rt.DEFINITION:
        _check_definition(report, body, fields, valid, operation, query_checker)
    else:
        _check_segment(report, body, fields, valid, operation)


def _columns(report: Report, body: JsonObject, table: ColumnTable) -> dict[str, JsonMember]:
    """Known columns of the body; reports unknown keys (R040) and outbound ones (R053)."""
    fields: dict[str, JsonMember] = {}
    for member in body.members:
        name = member.name
        if "@" in name or is_lookup_value(name, table.columns):
            continue
        if name not in table.columns:
            if rt.is_outbound_key(name):
                report.add(codes.BODY_DIALECT_MISMATCH, f"`{name}` is an outbound marketing column: a "
                           f"{table.name} record of real-time journeys does not have it", member.key.span,
                           field=name)
            else:
                unknown_key(report, member.key, table.columns, f"a known column of {table.name}",
                            code=codes.REALTIME_UNKNOWN_COLUMN)
            continue
        fields[name] = member
    return fields


def _check_business_unit(report: Report, value: JsonValue) -> None:
    """`owningbusinessunit@odata.bind` is the address of a business unit: `/businessunits(<id>)`."""
    field = rt.BUSINESS_UNIT_BIND
    if isinstance(value, JsonString) and not schema.is_placeholder(value.value):
        match = _BUSINESS_UNIT.fullmatch(value.value.strip())
        if match is not None:
            key = match.group("id")
            problem = None if schema.is_placeholder(key) else schema.guid_problem(key)
            if problem is not None:
                start = value.value.index(key)
                report.add(codes.REALTIME_BAD_ID, f"the business unit id `{short(key)}` is not a GUID: {problem}",
                           value.raw_span(start, start + len(key)), field=field)
            return
    fix = None
    if isinstance(value, JsonString) and schema.GUID.fullmatch(value.value.strip()):
        fix = Fix.replace("Write /businessunits(<id>)", value.content_start, value.content_end,
                          f"/businessunits({value.value.strip()})")
    shown = f"`{short(value.value)}`" if isinstance(value, JsonString) else type_name(value)
    report.add(codes.INVALID_BUSINESS_UNIT_BIND, f"`{field}` takes the address of a business unit, "
               f"`/businessunits(<id>)`, not {shown}", value.span, field=field, fix=fix)


def _check_nulls(report: Report, fields: dict[str, JsonMember], table: ColumnTable) -> None:
    for column in rt.REQUIRED[table.name]:
        member = fields.get(column)
        if member is not None and is_null(member.value):
            report.add(codes.REALTIME_MISSING_FIELD, f"`{column}` is required and cannot be null",
                       member.value.span, field=column)


def _check_definition(report: Report, body: JsonObject, fields: dict[str, JsonMember], valid: dict[str, bool],
                      operation: Operation, query_checker: QueryChecker) -> None:
    query = fields.get(rt.QUERY)
    if query is not None and valid.get(rt.QUERY) and isinstance(query.value, JsonString):
        for diagnostic in query_checker(query.value.value, None):
            report.diagnostics.append(move_into_string(diagnostic, query.value, report.source, field=rt.QUERY))
    groups = 0
    static_list = fields.get(rt.STATIC_LIST)
    if static_list is not None:
        groups = check_static_list(report, static_list.value, written_as=static_list.name)
    listed: dict[str, list[str]] = {}
    for column in rt.MEMBER_LISTS:
        member = fields.get(column)
        if member is not None:
            listed[column] = check_guid_list(report, member.value, field=column, written_as=member.name)
    _check_both_lists(report, fields, listed)
    if groups and listed:
        column = next(column for column in rt.MEMBER_LISTS if column in listed)
        report.add(codes.MIXED_MEMBER_FORMS, f"`{column}` (the older form) next to `{rt.STATIC_LIST}` (the "
                   "newer one): which one the service keeps is not documented; give the members in one form",
                   fields[column].key.span, field=column)
    status = fields.get(rt.STATUS)
    if status is not None and operation in ("create", "update") and isinstance(status.value, JsonNumber) \
            and option_value(status.value, rt.STATUS, rt.DEFINITION) == rt.DEFINITION_LIVE:
        value = status.value
        report.add(codes.REALTIME_DIRECT_LIVE, f"setting {_describe(rt.DEFINITION_LIVE)} directly skips the "
                   f"evaluation: set {_describe(rt.DEFINITION_GOING_LIVE)} and call `{rt.PUBLISH_ACTION}`",
                   value.span, field=rt.STATUS,
                   fix=Fix.replace(f"Set {rt.DEFINITION_GOING_LIVE} (going live)", value.span.start, value.span.end,
                                   str(rt.DEFINITION_GOING_LIVE), Applicability.UNSAFE))
    if operation == "create" and not any(_given(fields.get(column)) for column in (rt.QUERY, rt.STATIC_LIST,
                                                                                    *rt.MEMBER_LISTS)):
        report.add(codes.REALTIME_MISSING_FIELD, f"a new segment definition needs `{rt.QUERY}` (or, for a static "
                   f"segment, `{rt.STATIC_LIST}`): it selects nobody without one",
                   Span(body.span.start, body.span.start + 1), field=rt.QUERY)


def _given(member: JsonMember | None) -> bool:
    return member is not None and not is_null(member.value) and not (
        isinstance(member.value, JsonString) and not member.value.value.strip())


def _check_both_lists(report: Report, fields: dict[str, JsonMember], listed: dict[str, list[str]]) -> None:
    both = set(listed.get(rt.INCLUDED, ())) & set(listed.get(rt.EXCLUDED, ()))
    if both:
        count = len(both)
        report.add(codes.INCLUDED_AND_EXCLUDED, f"{count} id{'s are' if count != 1 else ' is'} both in "
                   f"`{rt.INCLUDED}` and in `{rt.EXCLUDED}`, such as `{min(both)}`",
                   fields[rt.EXCLUDED].key.span, field=rt.EXCLUDED)


def _describe(value: int) -> str:
    return options.describe(rt.STATUS, value, rt.DEFINITION.option_sets)


def _check_segment(report: Report, body: JsonObject, fields: dict[str, JsonMember], valid: dict[str, bool],
                   operation: Operation) -> None:
    base = fields.get(rt.BASE_TABLE)
    if base is not None and valid.get(rt.BASE_TABLE) and isinstance(base.value, JsonString):
        _check_base_table(report, base.value)
    if operation != "create":
        return
    opener = Span(body.span.start, body.span.start + 1)
    for column in rt.REQUIRED[rt.SEGMENT_TABLE]:
        member = fields.get(column)
        if member is None:
            why = " (the id of its segment definition)" if column == rt.SOURCE_UID else ""
            report.add(codes.REALTIME_MISSING_FIELD, f"a new segment needs `{column}`{why}", opener, field=column)
        elif isinstance(member.value, JsonString) and not member.value.value.strip():
            report.add(codes.REALTIME_MISSING_FIELD, f"`{column}` is empty", member.value.span, field=column)


def _check_base_table(report: Report, value: JsonString) -> None:
    text = value.value
    if text in rt.BASE_TABLES:
        return
    same = next((table for table in rt.BASE_TABLES if table == text.strip().casefold()), None)
    suggestion = same or did_you_mean(text, rt.BASE_TABLES)
    fix = None
    hint = ""
    if suggestion is not None:
        hint = f"; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Write `{suggestion}`", value.content_start, value.content_end, suggestion,
                          Applicability.SAFE if same else Applicability.UNSAFE)
    report.add(codes.INVALID_BASE_TABLE, f"`{text}` is not a base table of real-time journeys: segments select "
               f"`contact` or `lead`{hint}", value.span, field=rt.BASE_TABLE, fix=fix)
