"""Questions about the reference graph: edges, go-live order, dependents and dependencies,
chain depth, and a segment's query with every reference inlined."""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.workspace import graph
from segquery.workspace.checks import describe
from segquery.workspace.errors import CycleError
from segquery.workspace.expand import expand_segment
from segquery.workspace.index import SegmentIndex
from segquery.workspace.model import Location, Reference


@dataclass(frozen=True, slots=True)
class Edge:
    """A resolved reference: `source` references `target` at `location`."""

    source: str
    target: str
    reference: Reference
    location: Location


class GraphQueries(SegmentIndex):
    """The reference graph of a workspace, read by segment key or any name that resolves."""

    @property
    def graph(self) -> dict[str, tuple[Edge, ...]]:
        """Segment key -> its resolved references, in source order (a reference may repeat a target)."""
        self._view()
        result = {}
        for segment in self.segments:
            edges = []
            for reference, resolution in zip(segment.references, self.resolution(segment)):
                if resolution.target is not None:
                    edges.append(Edge(segment.key, resolution.target.key, reference, segment.location(reference.span)))
            result[segment.key] = tuple(edges)
        return result

    def order(self, *, reverse: bool = False) -> list[str]:
        """Segment keys so that each comes after the segments it references (go-live order).

        With reverse=True each comes before them (the order to stop or delete
        in). Segments ready at the same time come in key order. Raises
        CycleError when segments reference each other in a cycle.
        """
        structure = self._view()
        cycles = structure.cycles()
        if cycles:
            raise CycleError([[structure.segments[node].key for node in graph.covering_cycle(component,
                                                                                                structure.successors)]
                              for component in cycles])
        nodes = (graph.topological_order(structure.successors, dependents_first=True) if reverse
                 else structure.order)
        return [structure.segments[node].key for node in nodes]

    def dependents(self, name: str, *, transitive: bool = True) -> list[str]:
        """Keys of the segments that reference `name` (directly, or through others), in key order."""
        return self._related(name, transitive, dependents=True)

    def dependencies(self, name: str, *, transitive: bool = True) -> list[str]:
        """Keys of the segments `name` references (directly, or through others), in key order."""
        return self._related(name, transitive, dependents=False)

    def _related(self, name: str, transitive: bool, *, dependents: bool) -> list[str]:
        structure = self._view()
        node = structure.node_of[self.segment(name)]
        adjacency = structure.predecessors if dependents else structure.successors
        nodes = graph.reachable(node, adjacency) if transitive else adjacency[node]
        return [structure.segments[other].key for other in sorted(set(nodes))]

    def depth(self, name: str) -> int | None:
        """Links on the longest chain of references from `name`; None on or behind a cycle."""
        structure = self._view()
        return structure.depth[structure.node_of[self.segment(name)]]

    def expand(self, name: str, *, keep_interactions: bool = False) -> str:
        """The query of `name` with every reference inlined in parentheses; raises ExpandError.

        An interaction segment referenced as an operand of a set operation
        cannot be inlined (the language forbids INTERACTION operands): that
        raises ExpandError, or with keep_interactions=True the reference stays.
        """
        self._view()
        return expand_segment(self.segment(name), self._targets, describe=describe,
                              keep_interactions=keep_interactions)
