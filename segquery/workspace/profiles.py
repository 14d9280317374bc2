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
from segquery.semantic.tables import TableInfo, infer_tables
from segquery.syntax import ast
from segquery.workspace import codes
from segquery.workspace.model import Reference, Segment, SegmentType

STATIC_PROFILE = "contact"   # static segments of the Marketing app list contacts


@dataclass(frozen=True)
class SegmentProfile:
    """A segment's profile type and, when it has a parsed query, the inference behind it."""

    profile: str | None
    info: TableInfo | None = None


def infer_profile(segment: Segment, targets: Mapping[str, Segment], profiles: Callable[[Segment], str | None],
                  schema: Schema | None) -> SegmentProfile:
    """The profile type of `segment`, given its resolved references (name as written -> segment)."""
    if segment.known_profile is not None and not segment.references:
        return SegmentProfile(segment.known_profile)
    query = segment.query
    if query is None:
        if segment.query_text is None:
            declared = segment.target_profile
            if declared is None and segment.segment_type is SegmentType.STATIC:
                declared = STATIC_PROFILE
            return SegmentProfile(declared)
        return SegmentProfile(None)

    def segment_type(name: str) -> str | None:
        target = targets.get(name)
        return profiles(target) if target is not None else None

    info = infer_tables(query, schema, segment_types=segment_type, dialect=segment.dialect.name)
    return SegmentProfile(info.result, info)


def _same(first: str, second: str) -> bool:
    return first.casefold() == second.casefold()


def _referenced(node: ast.QueryExpr) -> ast.SegmentRef | None:
    """The reference of `SEGMENT(x)` (with steps that keep the profile type), else None."""
    if isinstance(node, ast.Chain) and isinstance(node.source, ast.SegmentRef):
        if not any(isinstance(step, (ast.Traverse, ast.InvalidCall)) for step in node.steps):
            return node.source
    return None


def _has_reference(node: ast.Node) -> bool:
    return any(isinstance(child, ast.SegmentRef) for child in ast.walk(node))


def set_operand_mismatches(segment: Segment, profile: SegmentProfile, targets: Mapping[str, Segment],
                           describe: Callable[[Segment], str]) -> list[Diagnostic]:
    """W004 for every set operation whose operands disagree once references are resolved."""
    info = profile.info
    if info is None or not segment.references:
        return []
    found = []
    for node in ast.walk(info.query):
        if not isinstance(node, ast.SetOperation) or not _has_reference(node):
            continue
        tables = [info.table_of(operand) for operand in node.operands]
        first = next((index for index, table in enumerate(tables) if table is not None), None)
        if first is None:
            continue
        first_table = tables[first]
        assert first_table is not None  # `first` is the first operand whose table is known
        for index in range(first + 1, len(node.operands)):
            table = tables[index]
            if table is None or _same(table, first_table):
                continue
            operand = node.operands[index]
            if not (_has_reference(operand) or _has_reference(node.operands[first])):
                continue
            found.append(_operand_diagnostic(segment, node, index, table, first, first_table, targets, describe))
    return found


def _operand_diagnostic(segment: Segment, node: ast.SetOperation, index: int, table: str, first: int,
                        first_table: str, targets: Mapping[str, Segment],
                        describe: Callable[[Segment], str]) -> Diagnostic:
    operand = node.operands[index]
    operator = node.operators[index - 1].value
    related = []
    for position, reached in ((index, table), (first, first_table)):
        reference = _referenced(node.operands[position])
        target = targets.get(reference.name.name) if reference is not None else None
        if target is not None:
            related.append(RelatedLocation(f"{describe(target)} ends on `{reached}`", target.location().range,
                                           target.path))
    through = _through(operand, targets, describe)
    message = (f"this operand of {operator} selects `{table}` records{through}, but the first operand selects "
               f"`{first_table}`: the operands of a set operation must select the same profile type")
    span = segment.to_file(operand.span.start, operand.span.end)
    return make_diagnostic(segment.source, codes.SET_OPERAND_MISMATCH, message, span.start, span.end,
                           related=related)


def _through(operand: ast.QueryExpr, targets: Mapping[str, Segment], describe: Callable[[Segment], str]) -> str:
    reference = _referenced(operand)
    target = targets.get(reference.name.name) if reference is not None else None
    return f" (through {describe(target)})" if target is not None else ""


def target_mismatches(segment: Segment, profile: SegmentProfile, target_profile: str | None,
                      references: list[tuple[Reference, Segment]], profiles: Callable[[Segment], str | None],
                      describe: Callable[[Segment], str]) -> list[Diagnostic]:
    """W005 for references whose members become the segment's members but are not of its target type."""
    info = profile.info
    if info is None or target_profile is None or info.result is None or _same(info.result, target_profile):
        return []
    reaching = {id(node) for node in _result_references(info.query.body)}
    by_start = {reference.query_span.start: (reference, target) for reference, target in references}
    found = []
    for node in ast.walk(info.query.body):
        if not isinstance(node, ast.SegmentRef) or id(node) not in reaching or node.span.start not in by_start:
            continue
        reference, target = by_start[node.span.start]
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


def _result_references(body: ast.QueryExpr) -> list[ast.SegmentRef]:
    """References whose records become the query's result unchanged (no TRAVERSE after them)."""
    found = []
    stack = [body]
    while stack:
        node = stack.pop()
        reference = _referenced(node)
        if reference is not None:
            found.append(reference)
        elif isinstance(node, ast.SetOperation):
            stack.extend(node.operands)
        elif isinstance(node, ast.Grouped) and not any(isinstance(step, (ast.Traverse, ast.InvalidCall))
                                                       for step in node.steps):
            stack.append(node.body)
    return found
