"""The workspace: every segment of a set of files, their references resolved.

Reading a file scans its queries for `SEGMENT(x)` calls; nothing else is
parsed until a check or an expansion needs it. Resolution, the reference
graph, cycles, the go-live order and the chain depths are recomputed from
the resolved references after each change, in linear time. The checks that
read the queries (profile types) are cached per segment and recomputed only
for the segments a change reaches: the changed file's segments, the segments
whose references now resolve differently, the segments whose key (the name
messages show) changed and those that write one of their names, and
everything that depends on them.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, cast

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.paths import path_key
from segquery.schema import Schema
from segquery.source import SourceText
from segquery.suggest import Suggester, did_you_mean
from segquery.workspace import checks, graph
from segquery.workspace.expand import expand_segment
from segquery.workspace.loading import FileEntry, discover, load_file
from segquery.workspace.model import Location, Reference, Segment
from segquery.workspace.names import UNRESOLVED, NameIndex, Resolution, segment_order
from segquery.workspace.profiles import SegmentProfile, infer_profile, set_operand_mismatches, target_mismatches
from segquery.workspace.rename import RenamePlan, plan_rename
from segquery.workspace.structure import GraphView, assign_keys

DEFAULT_MAX_DEPTH = 8
DEFAULT_TARGET_PROFILE = "contact"


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


@dataclass(frozen=True, slots=True)
class Edge:
    """A resolved reference: `source` references `target` at `location`."""

    source: str
    target: str
    reference: Reference
    location: Location


class Workspace:
    """Segments from `.segq` and JSON files, with their references resolved.

    `max_depth` is the longest chain of references allowed before W007;
    `target_profile` the profile type a segment is assumed to target when it
    declares none (None turns W005 off for such segments); `schema` the schema
    for profile-type inference (None: the bundled one); `dialect_of` the
    dialect setting of a `.segq` file by its path (a dialect's name or `auto`;
    None: the default dialect), which the file's `dialect` directive overrides,
    as `segquery check` reads it (segquery.dialect_choice).
    """

    def __init__(self, *, max_depth: int = DEFAULT_MAX_DEPTH,
                 target_profile: str | None = DEFAULT_TARGET_PROFILE, schema: Schema | None = None,
                 dialect_of: Callable[[str], str] | None = None) -> None:
        self.max_depth = max_depth
        self.target_profile = target_profile
        self.schema = schema
        self.dialect_of = dialect_of
        self._files: dict[str, FileEntry] = {}
        self._index = NameIndex()
        self._resolutions: dict[Segment, tuple[Resolution, ...]] = {}
        self._referrers: dict[str, set[Segment]] = {}      # folded name as written -> segments writing it
        self._unresolved: set[Segment] = set()              # segments with a reference to no segment
        self._structure: GraphView | None = None
        self._dirty: set[Segment] = set()
        self._profiles: dict[Segment, SegmentProfile] = {}
        self._findings: dict[Segment, list[Diagnostic]] = {}
        self._global: dict[str, list[Diagnostic]] | None = None

    # ------------------------------------------------------------ building

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike], **options) -> "Workspace":
        """Read every file named, and every `*.segq` and `*.json` file below the directories named."""
        return cls.from_files(discover(paths), **options)

    @classmethod
    def from_files(cls, files: Iterable[tuple[str, bool]], **options) -> "Workspace":
        """Read the files given as (path, named explicitly) pairs, as `discover` yields them."""
        workspace = cls(**options)
        with _collector_paused():
            workspace._add_all([workspace._load(path, explicit=explicit) for path, explicit in files])
        return workspace

    @classmethod
    def from_texts(cls, texts: Mapping[str, str], **options) -> "Workspace":
        """A workspace of in-memory files (path -> text); the suffix of each path decides how it is read."""
        workspace = cls(**options)
        with _collector_paused():
            workspace._add_all([workspace._load(path, text) for path, text in texts.items()])
        return workspace

    def _load(self, path: str, text: str | None = None, *, explicit: bool = True) -> FileEntry:
        """Read one file in its configured dialect."""
        setting = self.dialect_of(path) if self.dialect_of is not None else None
        return load_file(path, text, explicit=explicit, dialect_setting=setting)

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

    def replace_texts(self, texts: Mapping[str, str]) -> None:
        """Take new texts for many files at once (path -> text), as fixes leave them.

        Unlike `update_file`, this does not work out which other files are
        affected, which rebuilds the whole graph; the graph is rebuilt once,
        when next asked, so the cost is linear in the number of files.
        """
        with _collector_paused():
            for path, text in texts.items():
                key = path_key(path)
                old = self._files.get(key)
                self._remove(key)
                self._add(self._load(old.path if old is not None else path, text, explicit=False))

    def remove_file(self, path: str | os.PathLike) -> list[str]:
        """Forget a file (deleted, or closed in an editor). Returns the paths whose diagnostics may have changed."""
        key = path_key(str(path))
        entry = self._files.get(key)
        if entry is None:
            return []
        before = self._affected_snapshot()
        removed = self._remove(key)
        return self._affected(before, removed, [], {entry.path})

    def _add_all(self, entries: list[FileEntry]) -> None:
        """Add many files to an empty workspace: index every segment first, then resolve each once."""
        for entry in entries:
            key = path_key(entry.path)
            if key in self._files:
                self._remove(key)
            self._files[key] = entry
            for segment in entry.segments:
                self._index.add(segment)
        resolved: dict[str, Resolution] = {}
        for entry in self._files.values():
            for segment in entry.segments:
                self._resolve(segment, resolved)
                for reference in segment.references:
                    self._referrers.setdefault(reference.name.casefold(), set()).add(segment)
                self._dirty.add(segment)
        self._structure = None
        self._global = None

    def _add(self, entry: FileEntry) -> None:
        key = path_key(entry.path)
        if key in self._files:
            self._remove(key)
        self._files[key] = entry
        for segment in entry.segments:
            self._index.add(segment)
        changed_handles = {handle.casefold() for segment in entry.segments for handle in segment.handles}
        for segment in entry.segments:
            self._resolve(segment)
            for reference in segment.references:
                self._referrers.setdefault(reference.name.casefold(), set()).add(segment)
        self._reresolve(changed_handles, skip=set(entry.segments))
        self._dirty.update(entry.segments)
        self._structure = None
        self._global = None

    def _remove(self, key: str) -> list[Segment]:
        entry = self._files.pop(key, None)
        if entry is None:
            return []
        for segment in entry.segments:
            self._index.remove(segment)
            self._resolutions.pop(segment, None)
            self._unresolved.discard(segment)
            self._profiles.pop(segment, None)
            self._findings.pop(segment, None)
            self._dirty.discard(segment)
            for reference in segment.references:
                referrers = self._referrers.get(reference.name.casefold())
                if referrers is not None:
                    referrers.discard(segment)
                    if not referrers:
                        del self._referrers[reference.name.casefold()]
        self._reresolve({handle.casefold() for segment in entry.segments for handle in segment.handles})
        self._structure = None
        self._global = None
        return entry.segments

    def _resolve(self, segment: Segment, known: dict[str, Resolution] | None = None) -> bool:
        """Resolve a segment's references; True when the result differs from before.

        `known` remembers names already resolved while nothing changes (a bulk load)."""
        if known is None:
            resolved = tuple(self._index.resolve(reference.name) for reference in segment.references)
        else:
            resolved = tuple(known.get(reference.name) or known.setdefault(reference.name,
                                                                           self._index.resolve(reference.name))
                             for reference in segment.references)
        previous = self._resolutions.get(segment)
        self._resolutions[segment] = resolved
        if any(not resolution.candidates for resolution in resolved):
            self._unresolved.add(segment)
        else:
            self._unresolved.discard(segment)
        return previous is None or any(a.candidates != b.candidates for a, b in zip(previous, resolved))

    def _reresolve(self, folded_names: set[str], skip: set[Segment] | frozenset[Segment] = frozenset()) -> None:
        """Resolve again what referrers of these names wrote."""
        for name in folded_names:
            for segment in tuple(self._referrers.get(name, ())):
                if segment not in skip and self._resolve(segment):
                    self._dirty.add(segment)

    # ------------------------------------------------------------ the graph view

    def _view(self) -> GraphView:
        if self._structure is None:
            self._build_structure()
        return cast(GraphView, self._structure)  # _build_structure made it

    def _build_structure(self) -> set[Segment]:
        """Rebuild the view and drop the cached checks it outdates; returns the segments that were dirty
        (changed, resolved differently, or given another key, which the messages about them show)."""
        with _collector_paused():
            segments = self._all_segments()
            rekeyed = assign_keys(segments)
            self._dirty.update(rekeyed)
            # Messages name segments by key, also those listing the candidates of an ambiguous reference.
            self._dirty.update(referrer for segment in rekeyed for handle in segment.handles
                               for referrer in self._referrers.get(handle.casefold(), ()))
            self._structure = GraphView(segments, {segment: self._targets(segment) for segment in segments})
            dirty, self._dirty = self._dirty, set()
            if dirty:
                self._invalidate(dirty)
        return dirty

    def _invalidate(self, dirty: set[Segment]) -> None:
        """Drop the cached checks of the dirty segments and of everything that depends on them."""
        for segment in cast(GraphView, self._structure).with_dependents(dirty):  # called once it is built
            self._profiles.pop(segment, None)
            self._findings.pop(segment, None)

    def _targets(self, segment: Segment) -> tuple[Segment | None, ...]:
        return tuple(resolution.target for resolution in self._resolutions.get(segment, ()))

    # ------------------------------------------------------------ reading the workspace

    @property
    def files(self) -> list[str]:
        """Every file of the workspace, as its path was given, in a stable order."""
        return sorted(entry.path for entry in self._files.values())

    @property
    def segments(self) -> list[Segment]:
        """Every segment, by path and then by position in its file."""
        self._view()
        return self._all_segments()

    def _all_segments(self) -> list[Segment]:
        return sorted((segment for entry in self._files.values() for segment in entry.segments), key=segment_order)

    def segments_in(self, path: str | os.PathLike) -> list[Segment]:
        """The segments of one file, in file order."""
        self._view()
        entry = self._files.get(path_key(str(path)))
        return list(entry.segments) if entry is not None else []

    def source(self, path: str | os.PathLike) -> SourceText | None:
        entry = self._files.get(path_key(str(path)))
        return entry.source if entry is not None else None

    def segment(self, name: str) -> Segment:
        """The segment `name` designates: its key, or any name SEGMENT(...) resolves.

        Raises SegmentLookupError (with a suggestion, or the candidates) otherwise.
        """
        by_key = self._view().by_key
        if name in by_key:
            return by_key[name]
        resolution = self._index.resolve(name)
        if resolution.target is not None:
            return resolution.target
        if resolution.is_ambiguous:
            listed = ", ".join(f"`{c.key}` ({checks.where(c)})" for c in resolution.candidates)
            raise SegmentLookupError(f"`{name}` matches several segments: {listed}", name, resolution.candidates)
        suggestion = did_you_mean(name, [*self._index.handles(), *(s.key for s in self.segments)])
        hint = f"; did you mean `{suggestion}`?" if suggestion else ""
        raise SegmentLookupError(f"no segment named `{name}`{hint}", name, suggestion=suggestion)

    def resolution(self, segment: Segment) -> tuple[Resolution, ...]:
        """How each reference of `segment` resolves, in the order of its references."""
        self._view()
        return self._resolutions.get(segment, tuple(UNRESOLVED for _ in segment.references))

    @property
    def graph(self) -> dict[str, tuple[Edge, ...]]:
        """Segment key -> its resolved references, in source order (a reference may repeat a target)."""
        self._view()
        result = {}
        for segment in self.segments:
            edges = []
            for reference, resolution in zip(segment.references, self.resolution(segment)):
                if resolution.target is not None:
                    edges.append(Edge(segment.key, resolution.target.key, reference, segment.location(reference.span)))
            result[segment.key] = tuple(edges)
        return result

    def order(self, *, reverse: bool = False) -> list[str]:
        """Segment keys so that each comes after the segments it references (go-live order).

        With reverse=True each comes before them (the order to stop or delete
        in). Segments ready at the same time come in key order. Raises
        CycleError when segments reference each other in a cycle.
        """
        structure = self._view()
        cycles = structure.cycles()
        if cycles:
            raise CycleError([[structure.segments[node].key for node in graph.covering_cycle(component,
                                                                                                structure.successors)]
                              for component in cycles])
        nodes = (graph.topological_order(structure.successors, dependents_first=True) if reverse
                 else structure.order)
        return [structure.segments[node].key for node in nodes]

    def dependents(self, name: str, *, transitive: bool = True) -> list[str]:
        """Keys of the segments that reference `name` (directly, or through others), in key order."""
        return self._related(name, transitive, dependents=True)

    def dependencies(self, name: str, *, transitive: bool = True) -> list[str]:
        """Keys of the segments `name` references (directly, or through others), in key order."""
        return self._related(name, transitive, dependents=False)

    def _related(self, name: str, transitive: bool, *, dependents: bool) -> list[str]:
        structure = self._view()
        node = structure.node_of[self.segment(name)]
        adjacency = structure.predecessors if dependents else structure.successors
        nodes = graph.reachable(node, adjacency) if transitive else adjacency[node]
        return [structure.segments[other].key for other in sorted(set(nodes))]

    def depth(self, name: str) -> int | None:
        """Links on the longest chain of references from `name`; None on or behind a cycle."""
        structure = self._view()
        return structure.depth[structure.node_of[self.segment(name)]]

    def expand(self, name: str, *, keep_interactions: bool = False) -> str:
        """The query of `name` with every reference inlined in parentheses; raises ExpandError.

        An interaction segment referenced as an operand of a set operation
        cannot be inlined (the language forbids INTERACTION operands): that
        raises ExpandError, or with keep_interactions=True the reference stays.
        """
        self._view()
        return expand_segment(self.segment(name), self._targets, describe=_describe,
                              keep_interactions=keep_interactions)

    # ------------------------------------------------------------ editor support

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
        return plan_rename(target, new_name, references, self._index.resolve(new_name).candidates)

    # ------------------------------------------------------------ diagnostics

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
        found.extend(checks.link_diagnostics(entry.source, entry.links, self._index.resolve))
        for segment in entry.segments:
            found.extend(self._segment_findings(segment))
            if syntax:
                found.extend(segment.query_diagnostics())
        found.extend(self._global_findings().get(entry.path, ()))
        return sorted_diagnostics(found)

    def _segment_findings(self, segment: Segment) -> list[Diagnostic]:
        self._view()
        cached = self._findings.get(segment)
        if cached is None:
            resolutions = self.resolution(segment)
            targets = self._targets(segment)
            cached = checks.resolution_diagnostics(segment, resolutions, self._candidate_names(), _describe,
                                                   self._index.resolve)
            cached += checks.status_diagnostics(segment, targets, _describe)
            profile = self._profile(segment)
            named = {reference.name: target for reference, target in zip(segment.references, targets)
                     if target is not None}
            cached += set_operand_mismatches(segment, profile, named, _describe)
            pairs = [(reference, target) for reference, target in zip(segment.references, targets)
                     if target is not None and target is not segment]
            cached += target_mismatches(segment, profile, segment.target_profile or self.target_profile, pairs,
                                        self.profile_of, _describe)
            self._findings[segment] = cached
        return cached

    def _candidate_names(self) -> Suggester:
        return self._index.suggester()

    def profile_of(self, segment: Segment) -> str | None:
        """The profile type `segment` ends on, with its references resolved; None when unknown."""
        return self._profile(segment).profile

    def _profile(self, segment: Segment) -> SegmentProfile:
        """Profiles are computed dependencies first, with an explicit stack. A reference to a segment of
        the same cycle counts as unknown, so the result does not depend on which segment is asked first."""
        structure = self._view()
        stack = [segment]
        while stack:
            current = stack[-1]
            if current in self._profiles:
                stack.pop()
                continue
            acyclic = {reference.name: target
                       for reference, target in zip(current.references, self._targets(current))
                       if target is not None and not structure.same_component(target, current)}
            pending = [target for target in acyclic.values() if target not in self._profiles]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            self._profiles[current] = infer_profile(current, acyclic, lambda other: self._profiles[other].profile,
                                                    self.schema)
        return self._profiles[segment]

    def _global_findings(self) -> dict[str, list[Diagnostic]]:
        """W002, W007 and W008, which depend on the whole graph; grouped by path."""
        if self._global is not None and self._structure is not None:
            return self._global
        structure = self._view()
        found: list[tuple[str, Diagnostic]] = []
        first_reference = self._first_reference
        for component in structure.cycles():
            if len(component) > 1:
                walk = [structure.segments[node] for node in graph.covering_cycle(component, structure.successors)]
                found.append((walk[0].path, checks.cycle_diagnostic(walk, first_reference, _describe)))
        last: dict[int, int] = {}  # node -> the end of its longest chain; the order has it for `following` first
        for node in structure.order:
            following = structure.following[node]
            last[node] = node if following is None else last[following]
            depth = structure.depth[node]
            if depth is not None and depth > self.max_depth:
                chain = checks.chain_shown(node, depth, structure.following, last[node])
                segments = [structure.segments[n] for n in chain]
                found.append((segments[0].path, checks.depth_diagnostic(segments, depth, first_reference,
                                                                         self.max_depth, _describe)))
        found.extend(checks.duplicate_diagnostics(self.segments, _describe))
        grouped: dict[str, list[Diagnostic]] = {}
        for path, diagnostic in found:
            grouped.setdefault(path, []).append(diagnostic)
        self._global = grouped
        return grouped

    def _first_reference(self, source: Segment, target: Segment) -> Reference:
        for reference, resolved in zip(source.references, self._targets(source)):
            if resolved is target:
                return reference
        raise KeyError(f"{source.key} does not reference {target.key}")

    # ------------------------------------------------------------ change tracking

    def _affected_snapshot(self) -> dict[str, list[Diagnostic]] | None:
        """The whole-graph findings before a change, when they are at hand (None: not computed)."""
        return dict(self._global) if self._global is not None and self._structure is not None else None

    def _refresh_suggestions(self, removed: list[Segment], added: list[Segment]) -> bool:
        """When a change adds or removes a name, drop the findings of the references that resolve to
        nothing (their did-you-mean depends on every name) and return True."""
        if _handles(removed) == _handles(added):
            return False
        for segment in self._unresolved:
            self._findings.pop(segment, None)
        return True

    def _affected(self, before: dict[str, list[Diagnostic]] | None, removed: list[Segment],
                  added: list[Segment], paths: set[str]) -> list[str]:
        """Files whose diagnostics may differ after a change; every file with whole-graph findings
        counts when there was no snapshot to compare with."""
        dirty = set(added)
        dirty |= self._build_structure() if self._structure is None else self._dirty
        affected = set(paths)
        if self._refresh_suggestions(removed, added):
            affected.update(segment.path for segment in self._unresolved)
            affected.update(entry.path for entry in self._files.values() if entry.links)
        affected.update(segment.path for segment in self._view().with_dependents(dirty))
        after = self._global_findings()
        for path in set(before or {}) | set(after):
            if before is None or before.get(path) != after.get(path):
                affected.add(path)
        for segment in removed:
            affected.add(segment.path)
        return sorted(affected)


@contextmanager
def _collector_paused():
    """Building many small objects at once triggers the cyclic garbage collector over and over, to
    find nothing: what is built here is freed by reference counting. It runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _handles(segments: list[Segment]) -> list[tuple[str, ...]]:
    return sorted(segment.handles for segment in segments)


def _describe(segment: Segment) -> str:
    return f"`{segment.label}`"


