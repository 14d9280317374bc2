"""Editor navigation over a workspace: the reference or segment at an offset, go to definition,
find references, and rename."""

from __future__ import annotations

import os

from segquery.workspace.index import SegmentIndex
from segquery.workspace.model import Location, Reference, Segment
from segquery.workspace.names import Resolution
from segquery.workspace.rename import RenamePlan, plan_rename


class Navigation(SegmentIndex):
    """Where references and segments are, by file offset or by name."""

    def references_in(self, path: str | os.PathLike) -> list[tuple[Reference, Resolution]]:
        """Every `SEGMENT(x)` of a file with how it resolves, in source order."""
        return [(reference, resolution) for segment in self.segments_in(path)
                for reference, resolution in zip(segment.references, self.resolution(segment))]

    def reference_at(self, path: str | os.PathLike, offset: int) -> tuple[Reference, Resolution] | None:
        """The reference whose call contains `offset` (a file offset), if any."""
        for reference, resolution in self.references_in(path):
            if reference.call_span.start <= offset <= reference.call_span.end:
                return reference, resolution
        return None

    def segment_at(self, path: str | os.PathLike, offset: int) -> Segment | None:
        """The segment whose text (file, or record of a JSON file) contains `offset`."""
        for segment in self.segments_in(path):
            if segment.extent.start <= offset <= segment.extent.end:
                return segment
        return None

    def definition(self, path: str | os.PathLike, offset: int) -> list[Location]:
        """Where the segment referenced at `offset` is defined (every candidate when ambiguous)."""
        found = self.reference_at(path, offset)
        if found is None:
            return []
        return [candidate.location() for candidate in found[1].candidates]

    def references_to(self, name: str) -> list[Location]:
        """Every reference, in every file, that resolves to the segment `name`."""
        target = self.segment(name)
        found = []
        for segment in self.segments:
            for reference, resolution in zip(segment.references, self.resolution(segment)):
                if resolution.target is target:
                    found.append(segment.location(reference.span))
        return found

    def rename(self, name: str, new_name: str) -> RenamePlan:
        """The edits that rename segment `name` to `new_name`; see `segquery.workspace.rename`."""
        target = self.segment(name)
        references = [(segment, reference, resolution.target) for segment in self.segments
                      for reference, resolution in zip(segment.references, self.resolution(segment))]
        return plan_rename(target, new_name, references, self._names.index.resolve(new_name).candidates)
