"""The errors the workspace API raises for a name or an order it cannot give."""

from __future__ import annotations

from segquery.workspace.model import Segment


class SegmentLookupError(LookupError):
    """A name given to the API (or on the command line) does not name exactly one segment."""

    def __init__(self, message: str, name: str, candidates: tuple[Segment, ...] = (),
                 suggestion: str | None = None) -> None:
        super().__init__(message)
        self.name = name
        self.candidates = candidates
        self.suggestion = suggestion


class CycleError(ValueError):
    """The segments cannot be ordered: some of them reference each other in a cycle."""

    def __init__(self, cycles: list[list[str]]) -> None:
        shown = "; ".join(" -> ".join(cycle) for cycle in cycles)
        super().__init__(f"the segments cannot be ordered because of {len(cycles)} "
                         f"cycle{'s' if len(cycles) != 1 else ''}: {shown}")
        self.cycles = cycles
