"""Workspaces of segments: discovery, `SEGMENT(x)` resolution, the reference
graph, go-live order, expansion, and the checks that span several segments.

    workspace = Workspace.from_paths(["segments/"])
    workspace.order()                  # go-live order, dependencies first
    workspace.dependents("adults")     # what breaks if `adults` goes away
    workspace.expand("engaged_adults") # one self-contained query
    workspace.diagnostics_for("segments/engaged_adults.segq")
"""

from segquery.workspace.expand import ExpandError
from segquery.workspace.model import Location, Reference, Segment, SegmentStatus, SegmentType
from segquery.workspace.names import Match, Resolution
from segquery.workspace.rename import RenamePlan
from segquery.workspace.workspace import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_TARGET_PROFILE,
    CycleError,
    Edge,
    SegmentLookupError,
    Workspace,
)

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_TARGET_PROFILE",
    "CycleError",
    "Edge",
    "ExpandError",
    "Location",
    "Match",
    "Reference",
    "RenamePlan",
    "Resolution",
    "Segment",
    "SegmentLookupError",
    "SegmentStatus",
    "SegmentType",
    "Workspace",
]
