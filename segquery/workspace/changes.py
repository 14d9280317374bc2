"""Change tracking: after one file changes or goes, which files' diagnostics may differ."""

from __future__ import annotations

import os

from segquery.diagnostics import Diagnostic
from segquery.paths import path_key
from segquery.workspace.findings import Findings
from segquery.workspace.model import Segment


class ChangeTracking(Findings):
    """Updates one file at a time, and says which files an editor should publish again."""

    def update_file(self, path: str | os.PathLike, text: str | None = None) -> list[str]:
        """Re-read one file (from disk, or `text` as an editor holds it).

        Returns the paths whose diagnostics may have changed.
        """
        path = str(path)
        key = path_key(path)
        before = self._affected_snapshot()
        old = self._files.get(key)
        removed = self._remove(key)
        entry = self._load(old.path if old is not None else path, text, explicit=False)
        self._add(entry)
        return self._affected(before, removed, entry.segments, {entry.path})

    def remove_file(self, path: str | os.PathLike) -> list[str]:
        """Forget a file (deleted, or closed in an editor). Returns the paths whose diagnostics may have changed."""
        key = path_key(str(path))
        entry = self._files.get(key)
        if entry is None:
            return []
        before = self._affected_snapshot()
        removed = self._remove(key)
        return self._affected(before, removed, [], {entry.path})

    def _affected_snapshot(self) -> dict[str, list[Diagnostic]] | None:
        """The whole-graph findings before a change, when they are at hand (None: not computed)."""
        whole_graph = self._cache.whole_graph
        return dict(whole_graph) if whole_graph is not None and self._structure is not None else None

    def _refresh_suggestions(self, removed: list[Segment], added: list[Segment]) -> bool:
        """When a change adds or removes a name, drop the findings of the references that resolve to
        nothing (their did-you-mean depends on every name) and return True."""
        if _handles(removed) == _handles(added):
            return False
        for segment in self._names.unresolved:
            self._cache.findings.pop(segment, None)
        return True

    def _affected(self, before: dict[str, list[Diagnostic]] | None, removed: list[Segment],
                  added: list[Segment], paths: set[str]) -> list[str]:
        """Files whose diagnostics may differ after a change; every file with whole-graph findings
        counts when there was no snapshot to compare with."""
        dirty = set(added)
        dirty |= self._build_structure() if self._structure is None else self._dirty
        affected = set(paths)
        if self._refresh_suggestions(removed, added):
            affected.update(segment.path for segment in self._names.unresolved)
            affected.update(entry.path for entry in self._files.values() if entry.links)
        affected.update(segment.path for segment in self._view().with_dependents(dirty))
        after = self._global_findings()
        for path in set(before or {}) | set(after):
            if before is None or before.get(path) != after.get(path):
                affected.add(path)
        for segment in removed:
            affected.add(segment.path)
        return sorted(affected)


def _handles(segments: list[Segment]) -> list[tuple[str, ...]]:
    return sorted(segment.handles for segment in segments)
