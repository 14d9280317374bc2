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


def attribute_references(step: ast.Node) -> tuple[AttributeReference, ...]:
    """`ast.attribute_references` of the step, as facts."""
    base = step.span.start
    return tuple(AttributeReference(node.qualifier.name if node.qualifier is not None else None, node.name.name,
                                    node.dotted, node.span.start - base, node.span.end - base)
                 for node in ast.attribute_references(step))


def _joined_references(parts: Sequence[tuple[int, tuple[AttributeReference, ...]]]
                       ) -> tuple[AttributeReference, ...]:
    return tuple(AttributeReference(reference.qualifier, reference.name, reference.dotted, reference.start + offset,
                                    reference.end + offset)
                 for offset, references in parts for reference in references)


attribute_references.joined = _joined_references  # type: ignore[attr-defined]


def qualifiers(step: ast.Node) -> frozenset[str]:
    """Every alias that qualifies an attribute in the step, case-folded (`lint.analysis.referenced_qualifiers` reads it)."""
    return frozenset(node.qualifier.name.casefold() for node in ast.walk(step)
                     if isinstance(node, ast.Attribute) and node.qualifier is not None)


qualifiers.joined = lambda parts: frozenset().union(*(names for _, names in parts))  # type: ignore[attr-defined]
