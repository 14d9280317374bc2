"""Code lenses: above each segment, how many segments reference it; above
a query, what it means in plain English.

The editor shows "3 references" and, on a click, lists them (the language
server turns `references` into a show-references command).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from segquery.explain import explain
from segquery.ide.outline import build_outline
from segquery.schema import Schema
from segquery.source import Span
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import ParseError
from segquery.workspace import Workspace
from segquery.workspace.model import Location


@dataclass(frozen=True, slots=True)
class ReferenceLens:
    """The lens of one segment: where it is defined and every reference to it."""

    span: Span                      # the segment's name (file offsets), where the lens is anchored
    segment: str                    # the segment's key in the workspace
    references: tuple[Location, ...]

    @property
    def title(self) -> str:
        count = len(self.references)
        return "no references" if count == 0 else f"{count} reference{'s' if count != 1 else ''}"


def reference_lenses(workspace: Workspace, path: str | os.PathLike) -> list[ReferenceLens]:
    """One lens per segment defined in `path`, in file order.

    The references of every segment are gathered in one pass over the
    workspace, so a file of many records costs no more than one of one.
    """
    targets = workspace.segments_in(path)
    if not targets:
        return []
    wanted = {id(segment) for segment in targets}
    found: dict[int, list[Location]] = {id(segment): [] for segment in targets}
    for segment in workspace.segments:
        for reference, resolution in zip(segment.references, workspace.resolution(segment)):
            if resolution.target is not None and id(resolution.target) in wanted:
                found[id(resolution.target)].append(segment.location(reference.span))
    return [ReferenceLens(segment.definition, segment.key, tuple(found[id(segment)])) for segment in targets]


@dataclass(frozen=True, slots=True)
class ExplanationLens:
    """The query's explanation in one sentence, anchored on its first token."""

    span: Span
    title: str


def explanation_lens(text: str, *, schema: Schema, dialect: Dialect = OUTBOUND) -> ExplanationLens | None:
    """The lens that explains the query, or None while the text is not a valid query."""
    try:
        explanation = explain(text, schema=schema, dialect=dialect)
    except ParseError:
        return None
    first = build_outline(text, dialect.lexicon).tokens[0]
    return ExplanationLens(Span(first.start, first.end), explanation.summary())
