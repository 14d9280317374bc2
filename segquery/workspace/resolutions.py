"""Every segment's `SEGMENT(x)` calls resolved, kept up to date as segments come and go.

A segment that comes or goes changes what its handles resolve to, so only the
segments that wrote one of those names are resolved again.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from segquery.workspace.model import Segment
from segquery.workspace.names import UNRESOLVED, NameIndex, Resolution


class Resolutions:
    """The name index and, per segment, how each of its references resolves."""

    def __init__(self) -> None:
        self.index = NameIndex()
        self.unresolved: set[Segment] = set()               # segments with a reference to no segment
        self._resolved: dict[Segment, tuple[Resolution, ...]] = {}
        self._referrers: dict[str, set[Segment]] = {}       # folded name as written -> segments writing it

    def index_all(self, segments: Iterable[Segment]) -> None:
        """Index segments of a bulk load; `resolve_all` resolves them once every one is indexed."""
        for segment in segments:
            self.index.add(segment)

    def resolve_all(self, segments: Iterable[Segment]) -> None:
        """Resolve indexed segments, each name once: nothing changes while a bulk load resolves."""
        known: dict[str, Resolution] = {}
        for segment in segments:
            self._resolve(segment, known)
            self._add_referrer(segment)

    def add(self, segments: Sequence[Segment]) -> set[Segment]:
        """Index and resolve new segments; returns the other segments now resolved differently."""
        for segment in segments:
            self.index.add(segment)
        for segment in segments:
            self._resolve(segment)
            self._add_referrer(segment)
        return self._reresolve(_folded_handles(segments), skip=set(segments))

    def remove(self, segments: Sequence[Segment]) -> set[Segment]:
        """Forget segments; returns the segments now resolved differently."""
        for segment in segments:
            self.index.remove(segment)
            self._resolved.pop(segment, None)
            self.unresolved.discard(segment)
            for reference in segment.references:
                referrers = self._referrers.get(reference.name.casefold())
                if referrers is not None:
                    referrers.discard(segment)
                    if not referrers:
                        del self._referrers[reference.name.casefold()]
        return self._reresolve(_folded_handles(segments))

    def of(self, segment: Segment) -> tuple[Resolution, ...]:
        """How each reference of `segment` resolves, in the order of its references."""
        return self._resolved.get(segment, tuple(UNRESOLVED for _ in segment.references))

    def targets(self, segment: Segment) -> tuple[Segment | None, ...]:
        """The segment each reference resolves to (None: unresolved or ambiguous)."""
        return tuple(resolution.target for resolution in self._resolved.get(segment, ()))

    def referrers(self, handle: str) -> Iterable[Segment]:
        """The segments that write `handle`, in any case."""
        return self._referrers.get(handle.casefold(), ())

    def _add_referrer(self, segment: Segment) -> None:
        for reference in segment.references:
            self._referrers.setdefault(reference.name.casefold(), set()).add(segment)

    def _resolve(self, segment: Segment, known: dict[str, Resolution] | None = None) -> bool:
        """Resolve a segment's references; True when the result differs from before.

        `known` remembers names already resolved while nothing changes (a bulk load)."""
        if known is None:
            resolved = tuple(self.index.resolve(reference.name) for reference in segment.references)
        else:
            resolved = tuple(known.get(reference.name) or known.setdefault(reference.name,
                                                                           self.index.resolve(reference.name))
                             for reference in segment.references)
        previous = self._resolved.get(segment)
        self._resolved[segment] = resolved
        if any(not resolution.candidates for resolution in resolved):
            self.unresolved.add(segment)
        else:
            self.unresolved.discard(segment)
        return previous is None or any(a.candidates != b.candidates for a, b in zip(previous, resolved))

    def _reresolve(self, folded_names: set[str], skip: set[Segment] | frozenset[Segment] = frozenset()
                   ) -> set[Segment]:
        """Resolve again what referrers of these names wrote; returns those resolved differently."""
        changed = set()
        for name in folded_names:
            for segment in tuple(self._referrers.get(name, ())):
                if segment not in skip and self._resolve(segment):
                    changed.add(segment)
        return changed


def _folded_handles(segments: Iterable[Segment]) -> set[str]:
    return {handle.casefold() for segment in segments for handle in segment.handles}
