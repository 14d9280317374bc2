"""Workspaces of segments: discovery, `SEGMENT(x)` resolution, the reference
graph, go-live order, expansion, and the checks that span several segments.

    workspace = Workspace.from_paths(["segments/"])
    workspace.order()                  # go-live order, dependencies first
    workspace.dependents("adults")     # what breaks if `adults` goes away
    workspace.expand("engaged_adults") # one self-contained query
    workspace.diagnostics_for("segments/engaged_adults.segq")
"""

from typing import TYPE_CHECKING

from segquery.lazy_exports import lazy_exports

if TYPE_CHECKING:
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

# Each name's module: imported on first use, so that a check's worker process, which needs only the
# shapes of queries (`segquery.workspace.shapes`), does not load the whole workspace.
_EXPORTS = {"ExpandError": "segquery.workspace.expand", "Location": "segquery.workspace.model",
            "Reference": "segquery.workspace.model", "Segment": "segquery.workspace.model",
            "SegmentStatus": "segquery.workspace.model", "SegmentType": "segquery.workspace.model",
            "Match": "segquery.workspace.names", "Resolution": "segquery.workspace.names",
            "RenamePlan": "segquery.workspace.rename", "DEFAULT_MAX_DEPTH": "segquery.workspace.workspace",
            "DEFAULT_TARGET_PROFILE": "segquery.workspace.workspace", "CycleError": "segquery.workspace.workspace",
            "Edge": "segquery.workspace.workspace", "SegmentLookupError": "segquery.workspace.workspace",
            "Workspace": "segquery.workspace.workspace"}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
