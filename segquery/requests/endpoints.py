"""What a request URL addresses: the segment table, one segment, or a message."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from segquery.diagnostics import Applicability, Fix
from segquery.lenient_json.reader import short
from segquery.requests import codes, schema
from segquery.requests import realtime_schema as rt
from segquery.requests.report import Report
from segquery.source import Span
from segquery.suggest import did_you_mean

METHODS: tuple[str, ...] = ("GET", "POST", "PATCH", "DELETE")
_RESOURCE = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_.]*)(?:\((?P<key>[^()]*)\))?")
OUTBOUND_NAMES: tuple[str, ...] = (schema.ENTITY_SET, schema.VALIDATE_MESSAGE, *schema.MEMBER_MESSAGES)
REALTIME_NAMES: tuple[str, ...] = (*rt.ENTITY_SETS, *rt.ACTIONS)
ENDPOINT_NAMES: tuple[str, ...] = (*OUTBOUND_NAMES, *REALTIME_NAMES)
ENTITY_SETS: tuple[str, ...] = (schema.ENTITY_SET, *rt.ENTITY_SETS)


@dataclass
class Endpoint:
    """The resource at the end of the URL, with spans into the report's source."""

    name: str
    name_span: Span
    key: str | None = None
    key_span: Span | None = None
    select: list[tuple[str, Span]] = field(default_factory=list)
    located: bool = False  # whether the spans point at the URL (a request file) or nowhere

    @property
    def is_message(self) -> bool:
        return self.name in schema.MEMBER_MESSAGES

    @property
    def is_realtime(self) -> bool:
        return self.name in REALTIME_NAMES

    @property
    def message(self) -> schema.MemberMessage | None:
        return schema.MEMBER_MESSAGES.get(self.name)


def parse_endpoint(report: Report, method: str, url: str, url_start: int | None) -> Endpoint | None:
    """Read the URL and check the method against it; None when the resource is unknown.

    `url_start` is the offset of the URL in the report's source, or None when
    the URL is not part of it (then URL findings are placed at offset 0).
    """
    located = url_start is not None
    base = url_start or 0

    def span(start: int, end: int) -> Span:
        return Span(base + start, base + end) if located else Span(0, 0)

    path, _, query = url.partition("?")
    slash = path.rfind("/", 0, path.find("(") if "(" in path else len(path))
    resource_start = slash + 1
    resource = path[resource_start:]
    match = _RESOURCE.fullmatch(resource)
    if match is None:
        if resource:
            what = f"ends in `{short(resource)}`, which is"
        else:
            what = "ends with `/`, and names" if path else "has no path, and names"
        report.add(codes.UNKNOWN_ENDPOINT, f"the URL {what} neither `{schema.ENTITY_SET}` nor a segment message",
                   span(resource_start, len(path)) if resource else span(max(slash, 0), len(path)))
        return None
    name = match.group("name")
    endpoint = Endpoint(name, span(resource_start, resource_start + len(name)), located=located)
    if name not in ENDPOINT_NAMES:
        _unknown(report, endpoint)
        return None
    if match.group("key") is not None:
        key_start = resource_start + match.start("key")
        endpoint.key = unquote(match.group("key")).strip().strip("'")
        if "=" in endpoint.key:
            endpoint.key = endpoint.key.split("=", 1)[1].strip().strip("'")
        endpoint.key_span = span(key_start, key_start + len(match.group("key")))
    if query:
        endpoint.select = _select(query, len(path) + 1, span)
    _check_method(report, method, endpoint)
    if endpoint.key is not None and endpoint.name in ENTITY_SETS:
        _check_key(report, endpoint)
    return endpoint


def _unknown(report: Report, endpoint: Endpoint) -> None:
    suggestion = did_you_mean(endpoint.name, ENDPOINT_NAMES)
    if rt.is_realtime_key(endpoint.name):
        known = f"neither `{rt.DEFINITION_SET}`, `{rt.SEGMENT_SET}` nor a real-time segment action"
    else:
        known = f"neither `{schema.ENTITY_SET}` nor a segment message"
    if suggestion is None:
        report.add(codes.UNKNOWN_ENDPOINT, f"`{short(endpoint.name)}` is {known}", endpoint.name_span)
        return
    fix = None
    if endpoint.located:
        exact = suggestion.casefold() == endpoint.name.casefold()
        fix = Fix.replace(f"Write `{suggestion}`", endpoint.name_span.start, endpoint.name_span.end, suggestion,
                          Applicability.SAFE if exact else Applicability.UNSAFE)
    report.add(codes.UNKNOWN_ENDPOINT, f"`{short(endpoint.name)}` is {known}; did you mean `{suggestion}`?",
               endpoint.name_span, fix=fix)


def _check_method(report: Report, method: str, endpoint: Endpoint) -> None:
    where = endpoint.name_span
    entity_set = endpoint.name
    if entity_set not in ENTITY_SETS:
        what = "an action" if endpoint.is_realtime else "a message"
        if method != "POST":
            report.add(codes.METHOD_NOT_ALLOWED, f"`{endpoint.name}` is {what}: call it with POST, "
                       f"not {method}", where)
        if endpoint.key is not None:
            report.add(codes.METHOD_NOT_ALLOWED, f"`{endpoint.name}` takes its parameters in the body, "
                       "not in parentheses", endpoint.key_span or where)
        return
    record = "segment definition" if entity_set == rt.DEFINITION_SET else "segment"
    if method not in METHODS:
        report.add(codes.METHOD_NOT_ALLOWED, f"{method} is not used on `{entity_set}`: create with POST, "
                   "read with GET, update with PATCH, delete with DELETE", where)
    elif endpoint.key is None and method in ("PATCH", "DELETE"):
        verb = "an update" if method == "PATCH" else "a delete"
        report.add(codes.METHOD_NOT_ALLOWED, f"{verb} needs the {record} id: `{entity_set}(<{record} id>)`", where)
    elif endpoint.key is not None and method == "POST":
        report.add(codes.METHOD_NOT_ALLOWED, f"a create goes to `{entity_set}` without an id; to "
                   f"change this {record}, use PATCH", where)


def _check_key(report: Report, endpoint: Endpoint) -> None:
    key = endpoint.key or ""
    if schema.is_placeholder(key):
        return
    problem = schema.guid_problem(key)
    if problem is not None:
        code = codes.REALTIME_BAD_ID if endpoint.is_realtime else codes.BAD_SEGMENT_ID
        record = "segment definition" if endpoint.name == rt.DEFINITION_SET else "segment"
        report.add(code, f"the {record} id `{short(key)}` in the URL is not a GUID: {problem}",
                   endpoint.key_span or endpoint.name_span)


def _select(query: str, query_start: int, span) -> list[tuple[str, Span]]:
    """The column names of `$select`, with their spans."""
    names: list[tuple[str, Span]] = []
    offset = query_start
    for part in query.split("&"):
        if part.startswith("$select="):
            position = offset + len("$select=")
            for name in part[len("$select="):].split(","):
                stripped = name.strip()
                if stripped:
                    lead = len(name) - len(name.lstrip())
                    names.append((stripped, span(position + lead, position + lead + len(stripped))))
                position += len(name) + 1
        offset += len(part) + 1
    return names
