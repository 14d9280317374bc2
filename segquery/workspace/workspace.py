"""The workspace: every segment of a set of files, their references resolved.

`Workspace` puts together one job per module:

- `index.SegmentIndex`: the files and their segments, kept up to date as files
  change; resolution (`resolutions.py`) and the graph view (`structure.py`);
- `findings.Findings`: the workspace diagnostics, cached per segment
  (`check_cache.py`);
- `changes.ChangeTracking`: updating one file and saying which files' diagnostics
  may have changed;
- `queries.GraphQueries`: order, dependents, dependencies, depth, expansion;
- `navigation.Navigation`: definition, references and rename for editors.
"""

from __future__ import annotations

from segquery.workspace.changes import ChangeTracking
from segquery.workspace.errors import CycleError, SegmentLookupError
from segquery.workspace.index import DEFAULT_MAX_DEPTH, DEFAULT_TARGET_PROFILE
from segquery.workspace.navigation import Navigation
from segquery.workspace.queries import Edge, GraphQueries

__all__ = ["DEFAULT_MAX_DEPTH", "DEFAULT_TARGET_PROFILE", "CycleError", "Edge", "SegmentLookupError", "Workspace"]


class Workspace(ChangeTracking, GraphQueries, Navigation):
    """Segments from `.segq` and JSON files, with their references resolved.

    `max_depth` is the longest chain of references allowed before W007;
    `target_profile` the profile type a segment is assumed to target when it
    declares none (None turns W005 off for such segments); `schema` the schema
    for profile-type inference (None: the bundled one); `dialect_of` the
    dialect setting of a `.segq` file by its path (a dialect's name or `auto`;
    None: the default dialect), which the file's `dialect` directive overrides,
    as `segquery check` reads it (segquery.dialect_choice).
    """
