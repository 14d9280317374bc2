"""Facts about one chain step that rules over a whole chain or query read, step by step.

A fact is a function of a step's subtree alone whose value holds no absolute
offset (offsets are relative to the step's start) and no node but for
equality (a normal form), so the value made for a step's text holds wherever
that text stands: the language server keeps it from one check to the next
(segquery/step_findings.py), and the rules that read facts through
`step_fact` walk only the steps an edit changed. A fact with `joined` gives
the fact of a FILTER whose condition is a `&&` or `||` from the facts of the
operands (each with its offset in the step), when the server checks such a
step operand by operand (segquery/step_units.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from segquery.fast_dataclass import dataclass

from segquery.source import Span
from segquery.syntax import ast


@dataclass(frozen=True, slots=True)
class AttributeReference:
    """An attribute as written in a step, its span relative to the step's start."""

    qualifier: str | None
    name: str
    dotted: str
    start: int
    end: int

    def span(self, step: ast.Node) -> Span:
        return Span(step.span.start + self.start, step.span.start + self.end)

    def moved(self, offset: int) -> AttributeReference:
        return AttributeReference(self.qualifier, self.name, self.dotted, self.start + offset, self.end + offset)


@dataclass(frozen=True, slots=True)
class Qualification:
    """How a step writes its attributes (`ast.attribute_references`): the first one qualified with an
    alias, and those written alone, in source order. Mixed qualification (L010) reads nothing else."""

    first_qualified: AttributeReference | None
    unqualified: tuple[AttributeReference, ...]


def qualification(step: ast.Node) -> Qualification:
    """The step's `Qualification`."""
    base = step.span.start
    first: AttributeReference | None = None
    unqualified: list[AttributeReference] = []
    for node in ast.attribute_references(step):
        if node.qualifier is None:
            unqualified.append(_reference(node, base))
        elif first is None:
            first = _reference(node, base)
    return Qualification(first, tuple(unqualified))


def _reference(node: ast.Attribute, base: int) -> AttributeReference:
    qualifier = node.qualifier.name if node.qualifier is not None else None
    return AttributeReference(qualifier, node.name.name, node.dotted, node.span.start - base, node.span.end - base)


def _joined_qualification(parts: Sequence[tuple[int, Qualification]]) -> Qualification:
    """One pass over the parts: a long condition whose attributes are all qualified joins to the first
    one and nothing else."""
    first: AttributeReference | None = None
    unqualified: list[AttributeReference] = []
    for offset, part in parts:
        if first is None and part.first_qualified is not None:
            first = part.first_qualified.moved(offset)
        if part.unqualified:
            unqualified += [reference.moved(offset) for reference in part.unqualified]
    return Qualification(first, tuple(unqualified))


qualification.joined = _joined_qualification  # type: ignore[attr-defined]


def qualifiers(step: ast.Node) -> frozenset[str]:
    """Every alias that qualifies an attribute in the step, case-folded (`lint.analysis.referenced_qualifiers` reads it)."""
    return frozenset(node.qualifier.name.casefold() for node in ast.walk(step)
                     if isinstance(node, ast.Attribute) and node.qualifier is not None)


qualifiers.joined = lambda parts: frozenset().union(*(names for _, names in parts))  # type: ignore[attr-defined]
