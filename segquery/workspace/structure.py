"""The graph view of a workspace at one moment: unique keys, nodes, components, order, depths.

Nodes are numbered in key order, so every tie the graph algorithms break goes
to the segment whose key sorts first. The view is rebuilt after every change;
each step is linear in segments plus references.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping

from segquery.workspace import graph
from segquery.workspace.model import Segment


def rank(segment: Segment) -> tuple[str, str]:
    """How keys sort: ignoring case first, then exactly."""
    return (segment.key.casefold(), segment.key)


class GraphView:
    """The graph view of the workspace at one moment; rebuilt after every change."""

    def __init__(self, segments: list[Segment], targets: Mapping[Segment, tuple[Segment | None, ...]]) -> None:
        self.segments = sorted(segments, key=rank)
        self.node_of = {segment: node for node, segment in enumerate(self.segments)}
        self.by_key = {segment.key: segment for segment in self.segments}
        self.successors: list[list[int]] = []
        for segment in self.segments:
            nodes = {self.node_of[target] for target in targets.get(segment, ()) if target is not None}
            self.successors.append(sorted(nodes))
        self.predecessors = graph.predecessors_of(self.successors)
        self.components = graph.strongly_connected_components(self.successors)
        self.component_of = [0] * len(self.segments)
        for number, component in enumerate(self.components):
            for node in component:
                self.component_of[node] = number
        self.order = graph.topological_order(self.successors)
        self.depth, self.following = graph.longest_chains(self.successors, self.order)

    def with_dependents(self, segments: set[Segment]) -> set[Segment]:
        """`segments` (those still in the view) and every segment that depends on one of them."""
        stack = [self.node_of[segment] for segment in segments if segment in self.node_of]
        seen = set(stack)
        while stack:
            for other in self.predecessors[stack.pop()]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return {self.segments[node] for node in seen}

    def same_component(self, first: Segment, second: Segment) -> bool:
        return self.component_of[self.node_of[first]] == self.component_of[self.node_of[second]]

    def cycles(self) -> list[list[int]]:
        """Components with more than one segment, and single segments that reference themselves,
        in key order of their first segment."""
        return sorted((component for component in self.components
                       if len(component) > 1 or component[0] in self.successors[component[0]]),
                      key=lambda component: component[0])


def assign_keys(segments: list[Segment]) -> list[Segment]:
    """Give every segment a unique key: its name, qualified by its location when the name is shared.

    Returns the segments whose key changed.
    """
    counts = Counter(segment.name for segment in segments if segment.name is not None)
    changed = []
    used: set[str] = set()
    for segment in segments:
        if segment.name is not None and counts[segment.name] == 1:
            key = segment.name
        else:
            position = segment.source.position(segment.definition.start)
            place = f"{segment.path}:{position.line}"
            key = f"{segment.name} ({place})" if segment.name is not None else f"(unnamed {place})"
        base, number = key, 2
        while key in used:
            key = f"{base} #{number}"
            number += 1
        used.add(key)
        if segment.key != key:
            if segment.key:
                changed.append(segment)
            segment.key = key
    return changed
