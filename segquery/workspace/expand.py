"""Inlining every `SEGMENT(x)` of a segment into one self-contained query.

Each reference is replaced by the referenced segment's own expansion in
parentheses; a reference followed by steps (`SEGMENT(x).FILTER(...)`) becomes
a parenthesized group followed by the same steps. The text is the canonical
form the service receives (`unparse`): no comments, upper-case keywords.

Segments are expanded once each, dependencies first, and the texts are joined
without recursion, so deep chains and shared dependencies (a diamond) cost
no more than their size. The expected size is computed before any text is
built: an expansion larger than the parser accepts is refused.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence, cast

from segquery.syntax import ast
from segquery.syntax.parser import MAX_INPUT_CHARS
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.printer import unparse
from segquery.workspace.model import Segment, SegmentType


class ExpandError(Exception):
    """A segment cannot be expanded; the message says which reference or segment is in the way."""


Resolver = Callable[[Segment], Sequence["Segment | None"]]


def expand_segment(root: Segment, targets_of: Resolver, *, describe: Callable[[Segment], str],
                   keep_interactions: bool = False, max_chars: int = MAX_INPUT_CHARS) -> str:
    """The query of `root` with every reference inlined.

    `targets_of(segment)` gives, for each of the segment's references in order,
    the segment it resolves to, or None when it does not resolve.

    The outbound language does not allow an INTERACTION query as an operand of
    a set operation (only `SEGMENT(x)` of an interaction segment), so such a
    reference cannot be inlined: it raises ExpandError, or with
    keep_interactions=True stays a `SEGMENT(x)` reference. Real-time journeys
    allows INTERACTION operands, so there they are inlined.
    """
    order = _dependencies_first(root, targets_of, describe)
    templates: dict[Segment, tuple[str, str, list[Segment]]] = {}
    sizes: dict[Segment, int] = {}
    interaction: dict[Segment, bool] = {}
    for segment in order:
        template, prefix, used = _template(segment, targets_of(segment), interaction, keep_interactions, describe)
        templates[segment] = (template, prefix, used)
        marker_chars = sum(len(_marker(prefix, index)) for index in range(len(used)))
        sizes[segment] = len(template) - marker_chars + sum(sizes[target] + 2 for target in used)
        if sizes[segment] > max_chars:
            raise ExpandError(f"the expansion of {describe(root)} would be {sizes[segment]:,} characters or more; "
                              f"the parser accepts at most {max_chars:,}")
    texts: dict[Segment, str] = {}
    for segment in order:
        template, prefix, used = templates[segment]
        if not used:
            texts[segment] = template
            continue
        # One pass over the template: inserted texts are never searched for markers again.
        pattern = re.compile(re.escape(f"SEGMENT({prefix}") + r"([0-9]+)\)")
        texts[segment] = pattern.sub(lambda match: "(" + texts[used[int(match.group(1))]] + ")", template)
    return texts[root]


def _dependencies_first(root: Segment, targets_of: Resolver, describe: Callable[[Segment], str]) -> list[Segment]:
    """The segments `root` needs, each after the segments it references; raises on a cycle."""
    order: list[Segment] = []
    state: dict[Segment, int] = {}          # 1: on the current path, 2: done
    path: list[Segment] = []
    work: list[tuple[Segment, int]] = [(root, 0)]
    while work:
        segment, position = work.pop()
        if position == 0:
            _check_expandable(segment, root, describe)
            state[segment] = 1
            path.append(segment)
        targets = targets_of(segment)
        if position < len(targets):
            work.append((segment, position + 1))
            target = targets[position]
            if target is None:
                reference = segment.references[position]
                where = segment.location(reference.span)
                raise ExpandError(f"`SEGMENT({reference.name})` in {describe(segment)} "
                                  f"({where.path}:{where.range.start.line}:{where.range.start.column}) does not "
                                  "resolve to one segment")
            if target.dialect is not segment.dialect:
                raise ExpandError(f"{describe(segment)} is written in {segment.dialect.title} but references "
                                  f"{describe(target)}, a segment of {target.dialect.title}: it cannot be inlined")
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                raise ExpandError("the references form a cycle: " + " -> ".join(describe(s) for s in cycle))
            if target not in state:
                work.append((target, 0))
            continue
        state[segment] = 2
        path.pop()
        order.append(segment)
    return order


def _check_expandable(segment: Segment, root: Segment, describe: Callable[[Segment], str]) -> None:
    whose = "" if segment is root else f" (needed by {describe(root)})"
    if segment.segment_type is SegmentType.STATIC:
        raise ExpandError(f"{describe(segment)}{whose} is a static segment: its members are a list of ids, "
                          "not a query, so it cannot be inlined")
    if segment.query_text is None:
        raise ExpandError(f"{describe(segment)}{whose} has no query")
    parsed = segment.parsed
    if parsed is None or not parsed.ok:
        raise ExpandError(f"the query of {describe(segment)}{whose} has syntax errors; run `segquery check`")


def _template(segment: Segment, targets: Sequence[Segment | None], interaction: dict[Segment, bool],
              keep_interactions: bool, describe: Callable[[Segment], str]) -> tuple[str, str, list[Segment]]:
    """The canonical text with each reference replaced by a marker, the marker prefix, and the
    targets in marker order. Records in `interaction` whether the expansion is an INTERACTION query."""
    query = cast(ast.Query, segment.query)  # an expandable segment's query parsed (_check_expandable)
    canonical = unparse(query)
    body = query.body
    # Every reference of an expandable segment resolved: an unknown one stops the expansion before.
    by_start = {reference.query_span.start: cast(Segment, target)
                for reference, target in zip(segment.references, targets)}
    prefix = _free_prefix(canonical)
    used: list[Segment] = []
    inlined: set[int] = set()

    def mark(node: ast.QueryExpr, operator: str | None) -> ast.QueryExpr:
        """`operator` is the set operator `node` is an operand of (None when it is not one)."""
        if isinstance(node, ast.Chain) and isinstance(node.source, ast.SegmentRef):
            if node.source.span.start not in by_start:
                raise ExpandError(f"a reference of {describe(segment)} was not found by the scan")
            target = by_start[node.source.span.start]
            if operator is not None and interaction[target] and segment.dialect is OUTBOUND:
                if keep_interactions:
                    return node
                raise ExpandError(f"{describe(target)} is an INTERACTION query, which cannot be an operand of "
                                  f"{operator} in {describe(segment)}: only a SEGMENT(...) reference to it can "
                                  "(keep_interactions, or `--keep-interactions`, keeps such references)")
            inlined.add(id(node))
            marker = ast.Identifier(name=f"{prefix}{len(used)}")
            used.append(target)
            return replace(node, source=replace(node.source, name=marker))
        if isinstance(node, ast.SetOperation):
            operators = [node.operators[0].value, *(op.value for op in node.operators)]
            return replace(node, operands=tuple(mark(operand, operators[index])
                                                for index, operand in enumerate(node.operands)))
        if isinstance(node, ast.Grouped):
            return replace(node, body=mark(node.body, None))
        return node

    marked = mark(body, None) if segment.references else body
    interaction[segment] = isinstance(body, ast.Chain) and (
        isinstance(body.source, ast.Interaction)
        or (isinstance(body.source, ast.SegmentRef) and not body.steps and id(body) in inlined
            and interaction[by_start[body.source.span.start]]))
    if not used:
        return canonical, "", []
    return unparse(replace(query, body=marked)), prefix, used


def _marker(prefix: str, index: int) -> str:
    return f"SEGMENT({prefix}{index})"


def _free_prefix(text: str) -> str:
    """A marker prefix that does not occur in `text`, so markers cannot collide with what is written."""
    prefix = "segquery_ref_"
    while prefix in text:
        prefix = "x" + prefix
    return prefix
