"""The workspace diagnostics: per segment (resolution, statuses, profile types), cached until a
change reaches the segment, and over the whole graph (cycles, chain depth, duplicates)."""

from __future__ import annotations

import os

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.paths import path_key
from segquery.workspace import checks, graph
from segquery.workspace.checks import describe
from segquery.workspace.index import SegmentIndex
from segquery.workspace.model import Reference, Segment
from segquery.workspace.profiles import SegmentProfile, infer_profile, set_operand_mismatches, target_mismatches


class Findings(SegmentIndex):
    """The diagnostics of a workspace's files."""

    @property
    def diagnostics(self) -> dict[str, list[Diagnostic]]:
        """Every workspace diagnostic, by file (only files with findings), sorted by position."""
        result = {}
        for path in self.files:
            found = self.diagnostics_for(path)
            if found:
                result[path] = found
        return result

    def diagnostics_for(self, path: str | os.PathLike, *, syntax: bool = False) -> list[Diagnostic]:
        """The workspace diagnostics located in one file, sorted by position.

        These are the W codes, plus the problems of reading the file (E001,
        and R001 for JSON that cannot be read). With syntax=True the parser's
        diagnostics of the file's queries are added too (for front ends that
        do not run `segquery check` on the same files).
        """
        entry = self._files.get(path_key(str(path)))
        if entry is None:
            return []
        found = list(entry.diagnostics)
        found.extend(checks.link_diagnostics(entry.source, entry.links, self._names.index.resolve))
        for segment in entry.segments:
            found.extend(self._segment_findings(segment))
            if syntax:
                found.extend(segment.query_diagnostics())
        found.extend(self._global_findings().get(entry.path, ()))
        return sorted_diagnostics(found)

    def profile_of(self, segment: Segment) -> str | None:
        """The profile type `segment` ends on, with its references resolved; None when unknown."""
        return self._profile(segment).profile

    def _segment_findings(self, segment: Segment) -> list[Diagnostic]:
        self._view()
        cached = self._cache.findings.get(segment)
        if cached is None:
            # Every check of a single segment is about its references: without any, it has nothing to say.
            cached = self._cache.findings[segment] = self._reference_findings(segment) if segment.references else []
        return cached

    def _reference_findings(self, segment: Segment) -> list[Diagnostic]:
        """W001, W003, W009, W013, W014 (resolution), W006 (statuses), W004 and W005 (profile types)."""
        resolutions = self.resolution(segment)
        targets = self._targets(segment)
        found = checks.resolution_diagnostics(segment, resolutions, self._names.index.suggester, describe,
                                              self._names.index.resolve)
        found += checks.status_diagnostics(segment, targets, describe)
        profile = self._profile(segment)
        named = {reference.name: target for reference, target in zip(segment.references, targets)
                 if target is not None}
        found += set_operand_mismatches(segment, profile, named, describe)
        pairs = [(reference, target) for reference, target in zip(segment.references, targets)
                 if target is not None and target is not segment]
        found += target_mismatches(segment, profile, segment.target_profile or self.target_profile, pairs,
                                   self.profile_of, describe)
        return found

    def _profile(self, segment: Segment) -> SegmentProfile:
        """Profiles are computed dependencies first, with an explicit stack. A reference to a segment of
        the same cycle counts as unknown, so the result does not depend on which segment is asked first."""
        structure = self._view()
        profiles = self._cache.profiles
        stack = [segment]
        while stack:
            current = stack[-1]
            if current in profiles:
                stack.pop()
                continue
            acyclic = {reference.name: target
                       for reference, target in zip(current.references, self._targets(current))
                       if target is not None and not structure.same_component(target, current)}
            pending = [target for target in acyclic.values() if target not in profiles]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            profiles[current] = infer_profile(current, acyclic, lambda other: profiles[other].profile, self.schema)
        return profiles[segment]

    def _global_findings(self) -> dict[str, list[Diagnostic]]:
        """W002, W007 and W008, which depend on the whole graph; grouped by path."""
        if self._cache.whole_graph is not None and self._structure is not None:
            return self._cache.whole_graph
        structure = self._view()
        found: list[tuple[str, Diagnostic]] = []
        first_reference = self._first_reference
        for component in structure.cycles():
            if len(component) > 1:
                walk = [structure.segments[node] for node in graph.covering_cycle(component, structure.successors)]
                found.append((walk[0].path, checks.cycle_diagnostic(walk, first_reference, describe)))
        last: dict[int, int] = {}  # node -> the end of its longest chain; the order has it for `following` first
        for node in structure.order:
            following = structure.following[node]
            last[node] = node if following is None else last[following]
            depth = structure.depth[node]
            if depth is not None and depth > self.max_depth:
                chain = checks.chain_shown(node, depth, structure.following, last[node])
                segments = [structure.segments[n] for n in chain]
                found.append((segments[0].path, checks.depth_diagnostic(segments, depth, first_reference,
                                                                         self.max_depth, describe)))
        found.extend(checks.duplicate_diagnostics(self.segments, describe))
        grouped: dict[str, list[Diagnostic]] = {}
        for path, diagnostic in found:
            grouped.setdefault(path, []).append(diagnostic)
        self._cache.whole_graph = grouped
        return grouped

    def _first_reference(self, source: Segment, target: Segment) -> Reference:
        for reference, resolved in zip(source.references, self._targets(source)):
            if resolved is target:
                return reference
        raise KeyError(f"{source.key} does not reference {target.key}")
