"""What the workspace checks found, kept until a change reaches it."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Diagnostic
from segquery.workspace.model import Segment
from segquery.workspace.profiles import SegmentProfile


class CheckCache:
    """Per segment, the profile type it ends on and its findings; for the whole graph, the
    findings that depend on all of it (by path), or None until they are computed again."""

    def __init__(self) -> None:
        self.profiles: dict[Segment, SegmentProfile] = {}
        self.findings: dict[Segment, list[Diagnostic]] = {}
        self.whole_graph: dict[str, list[Diagnostic]] | None = None

    def forget(self, segments: Iterable[Segment]) -> None:
        """Drop what was found about these segments."""
        for segment in segments:
            self.profiles.pop(segment, None)
            self.findings.pop(segment, None)
