"""The workspace checks that need only names, references and statuses.

Each function builds the diagnostics of one code; positions are file offsets
(references inside JSON strings were mapped when the file was read).
"""

from __future__ import annotations

from typing import Callable, Sequence

from segquery.diagnostics import Applicability, Diagnostic, Fix, RelatedLocation, make_diagnostic
from segquery.lenient_json.values import JsonString
from segquery.source import SourceText
from segquery.suggest import Suggester
from segquery.workspace import codes
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME, SEGMENT_ID
from segquery.workspace.model import (REALTIME_QUERY_NAME_PREFIX, Reference, Segment, SegmentStatus, id_in_query_name,
                                      query_name_from_id, query_name_prefix)
from segquery.workspace.names import Match, Resolution
from segquery.workspace.rename import IDENTIFIER

Describe = Callable[[Segment], str]

INACTIVE = (SegmentStatus.DRAFT, SegmentStatus.STOPPED, SegmentStatus.STOPPING, SegmentStatus.EXPIRED,
            SegmentStatus.ERROR, SegmentStatus.DELETED)
MAX_CHAIN_SHOWN = 12


def describe(segment: Segment) -> str:
    """How messages name a segment: its label, in backticks."""
    return f"`{segment.label}`"


def where(segment: Segment) -> str:
    """`path:line:column` of a segment's definition."""
    position = segment.source.position(segment.definition.start)
    return f"{segment.path}:{position.line}:{position.column}"


def related_definition(segment: Segment, message: str) -> RelatedLocation:
    return RelatedLocation(message, segment.location().range, segment.path)


def related_reference(segment: Segment, reference: Reference, message: str) -> RelatedLocation:
    return RelatedLocation(message, segment.source.range(reference.span.start, reference.span.end), segment.path)


def _reference_diagnostic(segment: Segment, reference: Reference, code: str, message: str, **kwargs) -> Diagnostic:
    return make_diagnostic(segment.source, code, message, reference.span.start, reference.span.end, **kwargs)


def resolution_diagnostics(segment: Segment, resolutions: Sequence[Resolution], known_names: Callable[[], Suggester],
                           describe: Describe, lookup: Callable[[str], Resolution]) -> list[Diagnostic]:
    """W001 (no such segment), W009 (several candidates), W003 (the segment itself), W013 (a segment of
    the other dialect) and W014 (no such real-time segment definition). `lookup` resolves a name;
    `known_names` gives the suggestions for names that resolve to nothing (made only when one does)."""
    found = []
    for reference, resolution in zip(segment.references, resolutions):
        target = resolution.target
        if target is not None and target is not segment and target.dialect is not segment.dialect:
            found.append(_cross_dialect(segment, reference, target, describe))
        elif resolution.target is segment:
            found.append(_reference_diagnostic(
                segment, reference, codes.SELF_REFERENCE,
                f"{describe(segment)} references itself: its members cannot be defined by its own members"))
        elif resolution.is_ambiguous:
            listed = ", ".join(f"{describe(candidate)} ({where(candidate)})" for candidate in resolution.candidates)
            rule = "exactly" if resolution.match is Match.EXACT else "ignoring case"
            found.append(_reference_diagnostic(
                segment, reference, codes.AMBIGUOUS_REFERENCE,
                f"`{reference.name}` matches {len(resolution.candidates)} segments {rule}: {listed}",
                related=[related_definition(candidate, f"candidate {describe(candidate)}")
                         for candidate in resolution.candidates]))
        elif not resolution.candidates and not _form_reported_by_parser(segment, reference):
            found.append(_unresolved(segment, reference, known_names(), describe, lookup))
    return found


def _form_reported_by_parser(segment: Segment, reference: Reference) -> bool:
    """A reference the parser already rejected for its form (S031, S032): one mistake, one finding."""
    if segment.dialect is REALTIME:
        return not SEGMENT_ID.match(reference.name)
    return reference.name.upper().startswith(REALTIME_QUERY_NAME_PREFIX)


def _cross_dialect(segment: Segment, reference: Reference, target: Segment, describe: Describe) -> Diagnostic:
    return _reference_diagnostic(
        segment, reference, codes.CROSS_DIALECT_REFERENCE,
        f"{describe(target)} is a segment of {target.dialect.title}, but {describe(segment)} is written in "
        f"{segment.dialect.title}: a segment can reference only segments of its own dialect",
        related=[related_definition(target, f"{describe(target)} is defined here")])


def _unresolved(segment: Segment, reference: Reference, names: Suggester, describe: Describe,
                lookup: Callable[[str], Resolution]) -> Diagnostic:
    """W013 when the id names a segment of the other dialect, W014 for a real-time id, else W001."""
    written = id_in_query_name(reference.name)
    if written is not None:
        dialect, digits = written
        other = OUTBOUND if dialect is REALTIME else REALTIME
        twin = lookup(f"{query_name_prefix(other)}{digits}").target
        if twin is not None and twin.dialect is not segment.dialect:
            return _cross_dialect(segment, reference, twin, describe)
        if dialect is REALTIME:
            return _missing_definition(segment, reference, names)
    return _missing(segment, reference, names)


def link_diagnostics(source: SourceText, links: Sequence[JsonString],
                     lookup: Callable[[str], Resolution]) -> list[Diagnostic]:
    """W015 for each real-time segment record whose definition id names no definition of the workspace."""
    found = []
    for uid in links:
        if not lookup(query_name_from_id(uid.value, REALTIME)).candidates:
            found.append(make_diagnostic(
                source, codes.UNLINKED_SEGMENT_RECORD, f"this segment record links to the segment definition "
                f"`{uid.value}`, which is not in the workspace: the segment has no query without it",
                uid.span.start, uid.span.end))
    return found


def _missing_definition(segment: Segment, reference: Reference, names: Suggester) -> Diagnostic:
    suggestion = names.best(reference.name)
    if suggestion is not None and not suggestion.upper().startswith(REALTIME_QUERY_NAME_PREFIX):
        suggestion = None
    message = (f"no segment definition with the id of `{reference.name}` in the workspace: a `.segq` file with "
               "`// segquery: id = <id>` in the real-time dialect, or a msdynmkt_segmentdefinition record")
    fix = None
    if suggestion is not None:
        message += f"; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Reference `{suggestion}`", reference.span.start, reference.span.end, suggestion,
                          Applicability.UNSAFE)
    return _reference_diagnostic(segment, reference, codes.UNKNOWN_DEFINITION, message, fix=fix)


def _missing(segment: Segment, reference: Reference, names: Suggester) -> Diagnostic:
    suggestion = names.best(reference.name)
    message = f"no segment named `{reference.name}` in the workspace"
    fix = None
    if suggestion is not None:
        message += f"; did you mean `{suggestion}`?"
        if IDENTIFIER.fullmatch(suggestion):
            fix = Fix.replace(f"Reference `{suggestion}`", reference.span.start, reference.span.end, suggestion,
                              Applicability.UNSAFE)
    return _reference_diagnostic(segment, reference, codes.UNKNOWN_SEGMENT, message, fix=fix)


def status_diagnostics(segment: Segment, targets: Sequence[Segment | None], describe: Describe) -> list[Diagnostic]:
    """W006: a live or going-live segment that references a segment that is not live."""
    if segment.status is None or not segment.status.is_active:
        return []
    found = []
    for reference, target in zip(segment.references, targets):
        if target is None or target is segment or target.status not in INACTIVE:
            continue
        found.append(_reference_diagnostic(
            segment, reference, codes.LIVE_DEPENDS_ON_INACTIVE,
            f"{describe(segment)} is {segment.status.label} but references {describe(target)}, which is "
            f"{target.status.label}: take {describe(target)} live first (see `segquery deps --order`)",
            related=[related_definition(target, f"{describe(target)} is {target.status.label}")]))
    return found


def cycle_diagnostic(walk: Sequence[Segment], first_reference: Callable[[Segment, Segment], Reference],
                     describe: Describe) -> Diagnostic:
    """W002 for one strongly connected component, given a closed walk through all its segments."""
    steps = list(zip(walk, walk[1:]))
    path = " -> ".join(describe(segment) for segment in walk)
    head, head_target = steps[0]
    seen: set[tuple[int, int]] = set()
    related = []
    for source, target in steps:
        if (id(source), id(target)) in seen:
            continue
        seen.add((id(source), id(target)))
        related.append(related_reference(source, first_reference(source, target),
                                         f"{describe(source)} references {describe(target)} here"))
    members = len({id(segment) for segment in walk})
    return _reference_diagnostic(
        head, first_reference(head, head_target), codes.CYCLE,
        f"{members} segments reference each other in a cycle: {path}", related=related)


def depth_diagnostic(shown: Sequence[Segment], links: int, first_reference: Callable[[Segment, Segment], Reference],
                     limit: int, describe: Describe) -> Diagnostic:
    """W007 for the segment at shown[0], whose longest chain of references has `links` links.

    `shown` is the chain from `chain_shown`: all of it, or its head and its last
    segment when it is long, so a long chain costs no more than a short one.
    """
    names = [describe(segment) for segment in shown]
    hidden = links + 1 - len(shown)
    if hidden:
        names = names[:-1] + [f"... {hidden} more ..."] + names[-1:]
    head = shown[0]
    return _reference_diagnostic(
        head, first_reference(head, shown[1]), codes.CHAIN_TOO_DEEP,
        f"the longest chain of references from {describe(head)} has {links} links, more than the limit of "
        f"{limit}: {' -> '.join(names)}")


def chain_shown(start: int, links: int, following: Sequence[int | None], last: int) -> list[int]:
    """The nodes of a chain of `links` links from `start` that a W007 message names: every node
    when there are at most MAX_CHAIN_SHOWN, else the first MAX_CHAIN_SHOWN - 3 and `last`."""
    count = links + 1 if links + 1 <= MAX_CHAIN_SHOWN else MAX_CHAIN_SHOWN - 3
    chain = [start]
    while len(chain) < count:
        after = following[chain[-1]]
        if after is None:
            break
        chain.append(after)
    return chain if count == links + 1 else chain + [last]


def duplicate_diagnostics(segments: Sequence[Segment], describe: Describe) -> list[tuple[str, Diagnostic]]:
    """W008 on every segment whose name or backend query name an earlier segment already has,
    with the path of the file it is in."""
    first_by_name: dict[str, Segment] = {}
    first_by_query_name: dict[str, Segment] = {}
    found = []
    for segment in segments:
        clashes = []
        if segment.name is not None:
            earlier = first_by_name.setdefault(segment.name, segment)
            if earlier is not segment:
                clashes.append(("name", segment.name, earlier))
        if segment.query_name is not None and segment.query_name != segment.name:
            earlier = first_by_query_name.setdefault(segment.query_name, segment)
            if earlier is not segment:
                clashes.append(("backend query name", segment.query_name, earlier))
        if not clashes:
            continue
        what = " and ".join(f"{kind} `{value}`" for kind, value, _ in clashes)
        earlier = clashes[0][2]
        found.append((segment.path, make_diagnostic(
            segment.source, codes.DUPLICATE_NAME,
            f"another segment has the same {what} ({where(earlier)}): references to it are ambiguous",
            segment.definition.start, segment.definition.end,
            related=[related_definition(other, f"{describe(other)} is defined here")
                     for other in dict.fromkeys(clash[2] for clash in clashes)])))
    return found
