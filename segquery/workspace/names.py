"""Which segment `SEGMENT(x)` means.

Matching rules, tried in order; the first rule that matches anything decides:

1. exact: `x` equals one of a segment's handles (its name, its file stem, its
   backend query name) character for character;
2. ignoring case: `x` equals a handle when both are case-folded.

A rule that matches one segment resolves the reference. A rule that matches
several segments makes the reference ambiguous (W009); no further rule is
tried, so an exact match is never overridden by a case-insensitive one.
"""

from __future__ import annotations

import enum
from typing import Iterable

from segquery.fast_dataclass import dataclass
from segquery.workspace.model import Segment
from segquery.suggest import Suggester


class Match(enum.Enum):
    EXACT = "exact"
    CASE_INSENSITIVE = "case-insensitive"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The segments a name matches under the first rule that matches; one when resolved."""

    candidates: tuple[Segment, ...]
    match: Match

    @property
    def target(self) -> Segment | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def is_ambiguous(self) -> bool:
        return len(self.candidates) > 1


UNRESOLVED = Resolution((), Match.NONE)


def segment_order(segment: Segment) -> tuple:
    """The stable order of segments: by path, then by position in the file."""
    return (segment.path, segment.index)


class NameIndex:
    """Handles of every segment, exact and case-folded, kept up to date as files change."""

    def __init__(self) -> None:
        self._exact: dict[str, list[Segment]] = {}
        self._suggester: Suggester | None = None
        self._folded: dict[str, list[Segment]] = {}

    def add(self, segment: Segment) -> None:
        self._suggester = None
        for handle in segment.handles:
            _insert(self._exact.setdefault(handle, []), segment)
            _insert(self._folded.setdefault(handle.casefold(), []), segment)

    def remove(self, segment: Segment) -> None:
        self._suggester = None
        for handle in segment.handles:
            for table, key in ((self._exact, handle), (self._folded, handle.casefold())):
                bucket = table.get(key)
                if bucket is not None and segment in bucket:
                    bucket.remove(segment)
                    if not bucket:
                        del table[key]

    def resolve(self, name: str) -> Resolution:
        exact = self._exact.get(name)
        if exact:
            return Resolution(tuple(exact), Match.EXACT)
        folded = self._folded.get(name.casefold())
        if folded:
            return Resolution(tuple(folded), Match.CASE_INSENSITIVE)
        return UNRESOLVED

    def handles(self) -> Iterable[str]:
        """Every handle, for did-you-mean suggestions."""
        return self._exact.keys()

    def suggester(self) -> Suggester:
        """Did-you-mean over every handle; rebuilt only after the names changed."""
        if self._suggester is None:
            self._suggester = Suggester(self._exact)
        return self._suggester

    def segments_named(self, handle: str) -> list[Segment]:
        """Segments that have exactly this handle, in the stable order."""
        return list(self._exact.get(handle, ()))


def _insert(bucket: list[Segment], segment: Segment) -> None:
    if segment in bucket:
        return
    bucket.append(segment)
    bucket.sort(key=segment_order)
