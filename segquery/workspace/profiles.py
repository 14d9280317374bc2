"""Profile types across references: the checks that need the referenced segments' types.

The profile type of a segment is the table its query ends on, as the
validator's table inference (`segquery.semantic.infer_tables`) computes it,
given the types of the segments it references. A segment without a query
has its declared target type; a static one without a declaration is a list
of contacts.
"""

from __future__ import annotations

from typing import Callable, Mapping

from segquery.diagnostics import Diagnostic, RelatedLocation, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.schema import Schema
from segquery.workspace import codes
from segquery.workspace.model import Reference, Segment, SegmentType
from segquery.workspace.shapes import Combined, ShapeTables, query_shape

STATIC_PROFILE = "contact"   # static segments of the Marketing app list contacts


@dataclass(frozen=True)
class SegmentProfile:
    """A segment's profile type and, when it has a query, the table of every part of its shape."""

    profile: str | None
    tables: ShapeTables | None = None


def infer_profile(segment: Segment, targets: Mapping[str, Segment], profiles: Callable[[Segment], str | None],
                  schema: Schema | None) -> SegmentProfile:
    """The profile type of `segment`, given its resolved references (name as written -> segment).

    The shape of its query is the one the check that parsed it sent (`known_shape`), else made from
    the query parsed here."""
    if segment.query_text is None:
        declared = segment.target_profile
        if declared is None and segment.segment_type is SegmentType.STATIC:
            declared = STATIC_PROFILE
        return SegmentProfile(declared)
    shape = segment.known_shape or query_shape(segment.query, schema, segment.dialect.name)

    def segment_type(name: str) -> str | None:
        target = targets.get(name)
        return profiles(target) if target is not None else None

    tables = ShapeTables(shape, segment_type, schema)
    return SegmentProfile(tables.result, tables)


def _same(first: str, second: str) -> bool:
    return first.casefold() == second.casefold()


def set_operand_mismatches(segment: Segment, profile: SegmentProfile, targets: Mapping[str, Segment],
                           describe: Callable[[Segment], str]) -> list[Diagnostic]:
    """W004 for every set operation whose operands disagree once references are resolved."""
    tables = profile.tables
    if tables is None:
        return []
    found = []
    for node in tables.shape.combined():
        operand_tables = [tables.table_of(operand.part) for operand in node.operands]
        first = next((index for index, table in enumerate(operand_tables) if table is not None), None)
        if first is None:
            continue
        first_table = operand_tables[first]
        assert first_table is not None  # `first` is the first operand whose table is known
        for index in range(first + 1, len(node.operands)):
            table = operand_tables[index]
            if table is None or _same(table, first_table):
                continue
            if not (node.operands[index].has_reference or node.operands[first].has_reference):
                continue
            found.append(_operand_diagnostic(segment, node, index, table, first, first_table, targets, describe))
    return found


def _operand_diagnostic(segment: Segment, node: Combined, index: int, table: str, first: int,
                        first_table: str, targets: Mapping[str, Segment],
                        describe: Callable[[Segment], str]) -> Diagnostic:
    operand = node.operands[index]
    operator = node.operators[index - 1]
    related = []
    for position, reached in ((index, table), (first, first_table)):
        name = node.operands[position].referenced
        target = targets.get(name) if name is not None else None
        if target is not None:
            related.append(RelatedLocation(f"{describe(target)} ends on `{reached}`", target.location().range,
                                           target.path))
    through_target = targets.get(operand.referenced) if operand.referenced is not None else None
    through = f" (through {describe(through_target)})" if through_target is not None else ""
    message = (f"this operand of {operator} selects `{table}` records{through}, but the first operand selects "
               f"`{first_table}`: the operands of a set operation must select the same profile type")
    span = segment.to_file(operand.start, operand.end)
    return make_diagnostic(segment.source, codes.SET_OPERAND_MISMATCH, message, span.start, span.end,
                           related=related)


def target_mismatches(segment: Segment, profile: SegmentProfile, target_profile: str | None,
                      references: list[tuple[Reference, Segment]], profiles: Callable[[Segment], str | None],
                      describe: Callable[[Segment], str]) -> list[Diagnostic]:
    """W005 for references whose members become the segment's members but are not of its target type."""
    tables = profile.tables
    if tables is None or target_profile is None or tables.result is None or _same(tables.result, target_profile):
        return []
    by_start = {reference.query_span.start: (reference, target) for reference, target in references}
    found = []
    for start in tables.shape.result_references:
        if start not in by_start:
            continue
        reference, target = by_start[start]
        profile_type = profiles(target)
        if profile_type is None or _same(profile_type, target_profile):
            continue
        message = (f"{describe(target)} ends on `{profile_type}`, but {describe(segment)} targets "
                   f"`{target_profile}`: its members would be `{profile_type}` records; reference a "
                   f"`{target_profile}` segment or TRAVERSE to `{target_profile}`")
        related = [RelatedLocation(f"{describe(target)} is defined here", target.location().range, target.path)]
        found.append(make_diagnostic(segment.source, codes.PROFILE_MISMATCH, message, reference.span.start,
                                     reference.span.end, related=related))
    return found
