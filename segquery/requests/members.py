"""Member id lists: a JSON string that holds a JSON array of ids, or one id.

The list is read with the same positioned reader as the body, then every
finding inside it is moved through the string's escape map, so that a
malformed id is underlined where it is in the file, not in the decoded string.
"""

from __future__ import annotations

import json
from typing import cast
from dataclasses import dataclass

from segquery.diagnostics import Fix
from segquery.lenient_json.reader import read_json, short
from segquery.lenient_json.values import JsonArray, JsonString, JsonValue, to_python, type_name
from segquery.requests import codes, schema
from segquery.requests.report import Report, escape_for, move_into_string
from segquery.source import Span


@dataclass(frozen=True)
class MemberId:
    """One id of a member list, with its span in the file."""

    text: str
    span: Span
    index: int
    removal: Span | None = None  # what to delete to drop this id from its list


def check_member_list(report: Report, value: JsonValue, *, field: str, expect_crm: bool, single: bool = False,
                      written_as: str | None = None, hint: str = "") -> list[MemberId] | None:
    """Check a member id value; the ids found (None when they cannot be read).

    `single` is the form of the singular messages: one id, not a list.
    `written_as` is the key as the body spells it; `hint` ends the message
    about a lone id where a list is expected.
    """
    name = written_as or field
    if isinstance(value, JsonArray):
        _report_array_given(report, value, field, name)
        return None
    if not isinstance(value, JsonString):
        what = "one id as a string" if single else "a string that holds a JSON array of ids"
        report.add(codes.WRONG_TYPE, f"`{name}` takes {what}, not {type_name(value)}", value.span, field=field)
        return None
    text = value.value
    if schema.is_placeholder(text):
        return []
    if not text.lstrip().startswith("["):
        if single:
            return _check_ids(report, [MemberId(text, value.raw_span(0, len(text)), 1)], field=field,
                              expect_crm=expect_crm)
        _report_not_an_array(report, value, field, name, hint)
        return None
    ids = _read_list(report, value, field, name)
    if ids is None:
        return None
    if single and len(ids) == 1:
        report.add(codes.BAD_MEMBER_LIST, f"`{name}` of a singular message takes one id, not a JSON array",
                   value.span, field=field,
                   fix=_replace_content(value, ids[0].text, "Send the id itself"))
    return _check_ids(report, ids, field=field, expect_crm=expect_crm)


def _replace_content(value: JsonString, new_content: str, message: str) -> Fix:
    """A fix that replaces the decoded content of `value`, escaped for its quotes."""
    return Fix.replace(message, value.content_start, value.content_end, escape_for(value, new_content))


def _report_array_given(report: Report, value: JsonArray, field: str, name: str) -> None:
    items = cast(list, to_python(value))  # an array's value is a list
    fix = None
    if all(isinstance(item, str) for item in items):
        new = json.dumps(json.dumps(items, separators=(",", ":")))
        fix = Fix.replace("Send the array as a string", value.span.start, value.span.end, new)
    report.add(codes.WRONG_TYPE, f"`{name}` takes a string that holds a JSON array of ids, not an array: "
               "the array must be sent as a string", value.span, field=field, fix=fix)


def _report_not_an_array(report: Report, value: JsonString, field: str, name: str, hint: str) -> None:
    text = value.value.strip()
    looks_like_id = schema.guid_problem(text[3:] if text.lower().startswith("crm") else text) is None
    fix = _replace_content(value, json.dumps([text]), "Wrap the id in an array") if looks_like_id else None
    what = "one id" if looks_like_id else f"`{short(text)}`"
    report.add(codes.BAD_MEMBER_LIST, f"`{name}` holds {what}, not a JSON array of ids: write "
               f"[\"<id>\", ...] inside the string{hint if looks_like_id else ''}", value.span, field=field,
               fix=fix)


def _read_list(report: Report, value: JsonString, field: str, name: str) -> list[MemberId] | None:
    inner = read_json(value.value)
    for diagnostic in inner.diagnostics:
        report.diagnostics.append(move_into_string(diagnostic, value, report.source, field=field))
    if inner.value is None:
        return None
    if not isinstance(inner.value, JsonArray):
        report.add(codes.BAD_MEMBER_LIST, f"`{name}` must hold a JSON array of ids, not "
                   f"{type_name(inner.value)}", value.span, field=field)
        return None
    if not inner.value.items:
        report.add(codes.BAD_MEMBER_LIST, f"`{name}` holds an empty list: there is no member to change",
                   value.span, field=field)
        return None
    ids: list[MemberId] = []
    previous_end: int | None = None
    for index, item in enumerate(inner.value.items, start=1):
        span = value.raw_span(item.span.start, item.span.end)
        if not isinstance(item, JsonString):
            report.add(codes.BAD_MEMBER_LIST, f"member id #{index} is {type_name(item)}: ids are strings",
                       span, field=field)
            previous_end = item.span.end
            continue
        inner_content = item.raw_span(0, len(item.value))
        removal = value.raw_span(previous_end, item.span.end) if previous_end is not None else None
        ids.append(MemberId(item.value, value.raw_span(inner_content.start, inner_content.end), index, removal))
        previous_end = item.span.end
    return ids


def _check_ids(report: Report, ids: list[MemberId], *, field: str, expect_crm: bool) -> list[MemberId]:
    seen: dict[str, MemberId] = {}
    for member in ids:
        text = member.text
        if schema.is_placeholder(text):
            continue
        prefixed = text[:3].lower() == "crm"
        problem = schema.guid_problem(text[3:] if prefixed else text)
        if problem is not None:
            report.add(codes.BAD_MEMBER_ID, f"member id #{member.index} `{short(text)}` is not a GUID"
                       f"{' after its `crm` prefix' if prefixed else ''}: {problem}", member.span, field=field)
            continue
        if expect_crm and not prefixed:
            report.add(codes.MISSING_CRM_PREFIX, f"member id #{member.index} `{short(text)}` has no `crm` "
                       "prefix: static segment members are written `crm<GUID>`", member.span, field=field,
                       fix=Fix.replace("Add the `crm` prefix", member.span.start, member.span.start, "crm"))
        key = schema.normalize_id(text)
        first = seen.get(key)
        if first is None:
            seen[key] = member
        else:
            fix = (Fix.replace("Remove the repeated id", member.removal.start, member.removal.end, "")
                   if member.removal is not None else None)
            report.add(codes.DUPLICATE_MEMBER, f"member id #{member.index} repeats member id #{first.index}",
                       member.span, field=field, fix=fix,
                       related=(report.related("first occurrence", first.span),))
    if len(ids) > schema.MAX_MEMBER_IDS:
        start, end = ids[0].span.start, ids[-1].span.end
        report.add(codes.TOO_MANY_MEMBERS, f"{len(ids):,} member ids in one request: the limit is "
                   f"{schema.MAX_MEMBER_IDS:,}; split the list into several requests", Span(start, end),
                   field=field)
    return ids
