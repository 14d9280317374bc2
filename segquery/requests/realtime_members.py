"""The members of a real-time static segment definition.

Two forms: `msdynmkt_staticlistmembers`, a string that holds a JSON array of
member groups (the newer form), and `msdynmkt_includedmembers` /
`msdynmkt_excludedmembers`, strings of GUIDs separated by commas (the older
form). The group list is read with the positioned JSON reader and checked in
its own decoded text; every finding is then moved through the string's escape
map, so that it is underlined where it is in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import cast

from segquery.diagnostics import Applicability, Fix
from segquery.lenient_json.reader import read_json, short
from segquery.lenient_json.values import JsonArray, JsonLiteral, JsonObject, JsonString, JsonValue, to_python, type_name
from segquery.requests import codes, schema
from segquery.requests import realtime_schema as rt
from segquery.requests.record import rename_key
from segquery.requests.report import Report, escape_for, move_into_string
from segquery.source import SourceText, Span
from segquery.suggest import did_you_mean

_TOKEN = re.compile(r"[^,;\s]+")
_SEPARATOR = re.compile(r"\s*,\s*")


def check_static_list(report: Report, value: JsonValue, *, written_as: str) -> int:
    """Check `msdynmkt_staticlistmembers`; the number of groups it holds (0 when it cannot be read)."""
    field = rt.STATIC_LIST
    if isinstance(value, JsonArray):
        report.add(codes.INVALID_STATIC_LIST, f"`{written_as}` takes a string that holds the JSON array of "
                   "groups, not an array: the array must be sent as a string", value.span, field=field,
                   fix=Fix.replace("Send the array as a string", value.span.start, value.span.end,
                                   json.dumps(json.dumps(to_python(value), separators=(",", ":")))))
        return 0
    if not isinstance(value, JsonString) or schema.is_placeholder(value.value):
        return 0   # another type is reported by the field check
    if not value.value.strip():
        report.add(codes.EMPTY_STATIC_LIST, f"`{written_as}` is an empty string: with no groups, write `[]`",
                   value.span, field=field,
                   fix=Fix.replace("Write []", value.content_start, value.content_end, "[]"))
        return 0
    inner = Report(SourceText(value.value))
    document = read_json(inner.source)
    inner.extend(document.diagnostics)
    groups = _check_groups(inner, document.value, written_as) if document.value is not None else 0
    for diagnostic in inner.diagnostics:
        report.diagnostics.append(move_into_string(diagnostic, value, report.source, field=field))
    if groups > rt.MAX_GROUPS:
        report.add(codes.TOO_MANY_GROUPS, f"{groups} member groups: a static segment holds at most "
                   f"{rt.MAX_GROUPS}; merge groups or split the segment", value.span, field=field)
    return groups


def _check_groups(inner: Report, value: JsonValue, written_as: str) -> int:
    field = rt.STATIC_LIST
    if not isinstance(value, JsonArray):
        inner.add(codes.INVALID_STATIC_LIST, f"`{written_as}` holds {type_name(value)}: it must hold a JSON array "
                  "of groups", value.span, field=field)
        return 0
    first_ids: dict[str, Span] = {}
    for number, group in enumerate(value.items, start=1):
        if not isinstance(group, JsonObject):
            inner.add(codes.INVALID_STATIC_LIST, f"group #{number} is {type_name(group)}: a group is an object "
                      "{groupId, includeType, name, inputType}", group.span, field=field)
            continue
        group_id = _check_group(inner, group, number)
        if group_id is None:
            continue
        key = schema.normalize_id(group_id.value)
        if key in first_ids:
            inner.add(codes.INVALID_STATIC_LIST, f"group #{number} has the same `groupId` as an earlier group",
                      group_id.span, field=field, related=(inner.related("first group with this id",
                                                                         first_ids[key]),))
        else:
            first_ids[key] = group_id.span
    return len(value.items)


def _check_group(inner: Report, group: JsonObject, number: int) -> JsonString | None:
    """Check one group; its `groupId` when that is a valid GUID, for the duplicate check."""
    field = rt.STATIC_LIST
    seen: dict[str, JsonValue] = {}
    for member in group.members:
        name = member.name
        if name in rt.GROUP_KEYS:
            seen[name] = member.value
            continue
        suggestion = did_you_mean(name, rt.GROUP_KEYS)
        if suggestion is None:
            inner.add(codes.INVALID_STATIC_LIST, f"`{short(name)}` is not a key of a member group: "
                      f"{', '.join(rt.GROUP_KEYS)}", member.key.span, field=field)
            continue
        exact = suggestion.casefold() == name.casefold()
        if exact and suggestion not in seen:
            seen[suggestion] = member.value
        inner.add(codes.INVALID_STATIC_LIST, f"`{short(name)}` is not a key of a member group; did you mean "
                  f"`{suggestion}`?", member.key.span, field=field,
                  fix=rename_key(member.key, suggestion, Applicability.SAFE if exact else Applicability.UNSAFE))
    missing = [key for key in rt.GROUP_KEYS if key not in seen]
    if missing:
        listed = ", ".join(f"`{key}`" for key in missing)
        inner.add(codes.INVALID_STATIC_LIST, f"group #{number} has no {listed}", Span(group.span.start,
                  group.span.start + 1), field=field)
    for key in ("includeType", "inputType"):
        if key in seen:
            _check_word(inner, key, seen[key], rt.INCLUDE_TYPES if key == "includeType" else rt.INPUT_TYPES, number)
    if "name" in seen and not isinstance(seen["name"], JsonString):
        inner.add(codes.INVALID_STATIC_LIST, f"`name` of group #{number} is {type_name(seen['name'])}: it takes a "
                  "string", seen["name"].span, field=field)
    group_id = seen.get("groupId")
    if group_id is None:
        return None
    if not isinstance(group_id, JsonString):
        inner.add(codes.INVALID_STATIC_LIST, f"`groupId` of group #{number} is {type_name(group_id)}: it takes "
                  "a GUID as a string", group_id.span, field=field)
        return None
    problem = None if schema.is_placeholder(group_id.value) else schema.guid_problem(group_id.value)
    if problem is not None:
        inner.add(codes.REALTIME_BAD_ID, f"`groupId` of group #{number} `{short(group_id.value)}` is not a GUID: "
                  f"{problem}", group_id.span, field=field)
        return None
    return group_id


def _check_word(inner: Report, key: str, value: JsonValue, allowed: tuple[str, ...], number: int) -> None:
    if isinstance(value, JsonString) and value.value in allowed:
        return
    words = " or ".join(f"`{word}`" for word in allowed)
    same = next((word for word in allowed if isinstance(value, JsonString)
                 and word.casefold() == value.value.strip().casefold()), None)
    shown = f"'{short(value.value)}'" if isinstance(value, JsonString) else type_name(value)
    fix = (Fix.replace(f"Write {same}", value.content_start, value.content_end, same)
           if same is not None and isinstance(value, JsonString) else None)
    inner.add(codes.INVALID_STATIC_LIST, f"`{key}` of group #{number} is {shown}: it takes {words}", value.span,
              field=rt.STATIC_LIST, fix=fix)


# ---------------------------------------------------------------- the older comma-separated form


@dataclass(frozen=True)
class ListedId:
    """One id of a comma-separated list: its text and its span in the decoded string."""

    text: str
    start: int
    end: int


def check_guid_list(report: Report, value: JsonValue, *, field: str, written_as: str) -> list[str]:
    """Check `msdynmkt_includedmembers` or `msdynmkt_excludedmembers`; the normalized ids it lists."""
    if isinstance(value, JsonArray):
        _array_given(report, value, field, written_as)
        return []
    if not isinstance(value, JsonString) or schema.is_placeholder(value.value) or not value.value.strip():
        return []   # another type is reported by the field check; an empty string lists no one
    text = value.value
    if text.lstrip().startswith("["):
        _array_in_string(report, value, field, written_as)
        return []
    ids = [ListedId(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]
    _check_separators(report, value, ids, field, written_as)
    kept: dict[str, ListedId] = {}
    for number, listed in enumerate(ids, start=1):
        key = _check_id(report, value, listed, number, field)
        if key is None:
            continue
        first = kept.get(key)
        if first is None:
            kept[key] = listed
            continue
        previous = ids[number - 2]
        report.add(codes.DUPLICATE_REALTIME_MEMBER, f"id #{number} repeats an earlier id of `{written_as}`",
                   value.raw_span(listed.start, listed.end), field=field,
                   fix=Fix.replace("Remove the repeated id", value.raw_offset(previous.end),
                                   value.raw_offset(listed.end), ""),
                   related=(report.related("first occurrence", value.raw_span(first.start, first.end)),))
    if len(ids) > rt.MAX_IDS_PER_CALL:
        report.add(codes.TOO_MANY_IDS_PER_CALL, f"{len(ids):,} ids in `{written_as}`: a call takes at most "
                   f"{rt.MAX_IDS_PER_CALL:,}; send several requests", value.span, field=field)
    return list(kept)


def _check_id(report: Report, value: JsonString, listed: ListedId, number: int, field: str) -> str | None:
    text = listed.text
    span = value.raw_span(listed.start, listed.end)
    if schema.is_placeholder(text):
        return None
    if text[:3].lower() == "crm" and schema.GUID.fullmatch(text[3:]):
        report.add(codes.INVALID_GUID_LIST, f"id #{number} has a `crm` prefix: these fields take plain GUIDs",
                   span, field=field, fix=Fix.replace("Remove the prefix", span.start, value.raw_offset(listed.start + 3),
                                                      ""))
        return schema.normalize_id(text)
    problem = schema.guid_problem(text)
    if problem is not None:
        report.add(codes.REALTIME_BAD_ID, f"id #{number} `{short(text)}` is not a GUID: {problem}", span, field=field)
        return None
    return text.lower()


def _check_separators(report: Report, value: JsonString, ids: list[ListedId], field: str, written_as: str) -> None:
    """Ids are separated by one comma each (blanks around it are read past)."""
    text = value.value
    bounds = [0] + [edge for listed in ids for edge in (listed.start, listed.end)] + [len(text)]
    gaps = [(bounds[index], bounds[index + 1]) for index in range(0, len(bounds), 2)]
    bad = []
    for number, (start, end) in enumerate(gaps):
        gap = text[start:end]
        inside = 0 < number < len(gaps) - 1
        if (inside and not _SEPARATOR.fullmatch(gap)) or (not inside and gap.strip()):
            bad.append((start, end))
    if not bad:
        return
    start, end = bad[0]
    joined = ",".join(listed.text for listed in ids)
    shown = text[start:end].strip() or "a blank"
    what = f"`{short(shown)}`" if shown != "a blank" else shown
    more = f" (and {len(bad) - 1} more place{'s' if len(bad) > 2 else ''})" if len(bad) > 1 else ""
    report.add(codes.INVALID_GUID_LIST, f"`{written_as}` separates ids with {what}{more}: write the ids "
               "separated by single commas", value.raw_span(start, end) if end > start else value.span,
               field=field, fix=Fix.replace("Separate the ids with commas", value.content_start, value.content_end,
                                            escape_for(value, joined)))


def _array_given(report: Report, value: JsonArray, field: str, written_as: str) -> None:
    items = cast(list, to_python(value))
    fix = None
    if all(isinstance(item, str) for item in items):
        fix = Fix.replace("Write the ids separated by commas", value.span.start, value.span.end,
                          json.dumps(",".join(items)))
    report.add(codes.INVALID_GUID_LIST, f"`{written_as}` takes one string of ids separated by commas, not an "
               "array", value.span, field=field, fix=fix)


def _array_in_string(report: Report, value: JsonString, field: str, written_as: str) -> None:
    inner = read_json(value.value).value
    fix = None
    if isinstance(inner, JsonArray) and all(isinstance(item, JsonString) for item in inner.items):
        joined = ",".join(cast(JsonString, item).value for item in inner.items)
        fix = Fix.replace("Write the ids separated by commas", value.content_start, value.content_end,
                          escape_for(value, joined))
    report.add(codes.INVALID_GUID_LIST, f"`{written_as}` holds a JSON array: this older field takes the ids "
               "separated by commas, without brackets or quotes", value.span, field=field, fix=fix)


def is_null(value: JsonValue) -> bool:
    return isinstance(value, JsonLiteral) and value.value is None
