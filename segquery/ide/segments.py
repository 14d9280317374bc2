"""The workspace's segments as editor features look them up: by the name a
`SEGMENT(...)` call uses (the workspace's own matching rules), and with the
profile type each one selects."""

from __future__ import annotations

from typing import Iterable

from segquery.schema import Schema
from segquery.semantic.tables import infer_tables
from segquery.workspace.model import Segment
from segquery.workspace.names import NameIndex


class SegmentIndex:
    def __init__(self, segments: Iterable[Segment], schema: Schema | None = None) -> None:
        self.segments = tuple(segments)
        self.schema = schema
        self._names = NameIndex()
        for segment in self.segments:
            self._names.add(segment)
        self._tables: dict[int, str | None] = {}

    def find(self, name: str) -> Segment | None:
        """The segment `SEGMENT(name)` means; None when unknown or ambiguous."""
        return self._names.resolve(name).target

    def table_of(self, name: str) -> str | None:
        """The profile type the named segment selects: as its record or
        directive states it, else as inferred from its query."""
        segment = self.find(name)
        if segment is None:
            return None
        if segment.target_profile:
            return segment.target_profile
        key = id(segment)
        if key not in self._tables:
            self._tables[key] = None  # a reference cycle ends here, unknown
            query = segment.query
            if query is not None:
                self._tables[key] = infer_tables(query, self.schema, segment_types=self.table_of).result
        return self._tables[key]

    def named(self) -> list[Segment]:
        """Segments that have a name, in workspace order."""
        return [segment for segment in self.segments if segment.name]
