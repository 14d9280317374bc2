"""The files of a workspace, their segments, how their references resolve and the graph they make.

Reading a file scans its queries for `SEGMENT(x)` calls; nothing else is
parsed until a check or an expansion needs it. Resolution, the reference
graph, cycles, the go-live order and the chain depths are recomputed from
the resolved references after each change, in linear time. A change marks
dirty the changed file's segments, the segments whose references now resolve
differently, the segments whose key (the name messages show) changed and
those that write one of their names; the cached checks of those and of
everything that depends on them are dropped.
"""

from __future__ import annotations

import os
from typing import Callable, Generic, Iterable, Mapping, Self, TypeVar, cast

from segquery.paths import path_key
from segquery.schema import Schema
from segquery.source import SourceText
from segquery.suggest import did_you_mean
from segquery.workspace import checks
from segquery.workspace.check_cache import CheckCache
from segquery.workspace.collector import collector_paused
from segquery.workspace.errors import SegmentLookupError
from segquery.workspace.loading import FileEntry, discover, load_file
from segquery.workspace.model import Segment
from segquery.workspace.names import Resolution, segment_order
from segquery.workspace.resolutions import Resolutions
from segquery.workspace.shapes import CheckedShape
from segquery.workspace.structure import GraphView, assign_keys

DEFAULT_MAX_DEPTH = 8
DEFAULT_TARGET_PROFILE = "contact"


class SegmentIndex:
    """The files of a workspace and their segments, references resolved; takes the options
    `Workspace` describes."""

    def __init__(self, *, max_depth: int = DEFAULT_MAX_DEPTH,
                 target_profile: str | None = DEFAULT_TARGET_PROFILE, schema: Schema | None = None,
                 dialect_of: Callable[[str], str] | None = None) -> None:
        self.max_depth = max_depth
        self.target_profile = target_profile
        self.schema = schema
        self.dialect_of = dialect_of
        self._files: dict[str, FileEntry] = {}
        self._names = Resolutions()
        self._structure: GraphView | None = None
        self._dirty: set[Segment] = set()
        self._cache = CheckCache()

    # ------------------------------------------------------------ building

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike], **options) -> Self:
        """Read every file named, and every `*.segq` and `*.json` file below the directories named."""
        return cls.from_files(discover(paths), **options)

    @classmethod
    def from_files(cls, files: Iterable[tuple[str, bool]], **options) -> Self:
        """Read the files given as (path, named explicitly) pairs, as `discover` yields them."""
        workspace = cls(**options)
        with collector_paused():
            workspace._add_all([workspace._load(path, explicit=explicit) for path, explicit in files])
        return workspace

    @classmethod
    def loading(cls, files: Iterable[tuple[str, bool]], **options) -> CheckedLoading[Self]:
        """A workspace of the files given as (path, named explicitly) pairs, read while they are checked:
        the check hands over the text and query shape of each file it checked (`CheckedLoading`)."""
        return CheckedLoading(cls(**options), files)

    @classmethod
    def from_texts(cls, texts: Mapping[str, str], **options) -> Self:
        """A workspace of in-memory files (path -> text); the suffix of each path decides how it is read."""
        workspace = cls(**options)
        with collector_paused():
            workspace._add_all([workspace._load(path, text) for path, text in texts.items()])
        return workspace

    def replace_texts(self, texts: Mapping[str, str]) -> None:
        """Take new texts for many files at once (path -> text), as fixes leave them.

        Unlike `update_file`, this does not work out which other files are
        affected, which rebuilds the whole graph; the graph is rebuilt once,
        when next asked, so the cost is linear in the number of files.
        """
        with collector_paused():
            for path, text in texts.items():
                key = path_key(path)
                old = self._files.get(key)
                self._remove(key)
                self._add(self._load(old.path if old is not None else path, text, explicit=False))

    def _load(self, path: str, text: str | None = None, *, explicit: bool = True) -> FileEntry:
        """Read one file in its configured dialect."""
        setting = self.dialect_of(path) if self.dialect_of is not None else None
        return load_file(path, text, explicit=explicit, dialect_setting=setting)

    def _add_all(self, entries: list[FileEntry]) -> None:
        """Add many files to an empty workspace: index every segment first, then resolve each once."""
        for entry in entries:
            key = path_key(entry.path)
            if key in self._files:
                self._remove(key)
            self._files[key] = entry
            self._names.index_all(entry.segments)
        segments = [segment for entry in self._files.values() for segment in entry.segments]
        self._names.resolve_all(segments)
        self._dirty.update(segments)
        self._graph_changed()

    def _add(self, entry: FileEntry) -> None:
        key = path_key(entry.path)
        if key in self._files:
            self._remove(key)
        self._files[key] = entry
        self._dirty.update(self._names.add(entry.segments))
        self._dirty.update(entry.segments)
        self._graph_changed()

    def _remove(self, key: str) -> list[Segment]:
        entry = self._files.pop(key, None)
        if entry is None:
            return []
        self._cache.forget(entry.segments)
        self._dirty.difference_update(entry.segments)
        self._dirty.update(self._names.remove(entry.segments))
        self._graph_changed()
        return entry.segments

    def _graph_changed(self) -> None:
        """The graph view and the whole-graph findings are rebuilt when next asked."""
        self._structure = None
        self._cache.whole_graph = None

    # ------------------------------------------------------------ the graph view

    def _view(self) -> GraphView:
        if self._structure is None:
            self._build_structure()
        return cast(GraphView, self._structure)  # _build_structure made it

    def _build_structure(self) -> set[Segment]:
        """Rebuild the view and drop the cached checks it outdates; returns the segments that were dirty
        (changed, resolved differently, or given another key, which the messages about them show)."""
        with collector_paused():
            segments = self._all_segments()
            rekeyed = assign_keys(segments)
            self._dirty.update(rekeyed)
            # Messages name segments by key, also those listing the candidates of an ambiguous reference.
            self._dirty.update(referrer for segment in rekeyed for handle in segment.handles
                               for referrer in self._names.referrers(handle))
            self._structure = GraphView(segments, {segment: self._targets(segment) for segment in segments})
            dirty, self._dirty = self._dirty, set()
            if dirty:
                self._cache.forget(self._structure.with_dependents(dirty))
        return dirty

    def _targets(self, segment: Segment) -> tuple[Segment | None, ...]:
        return self._names.targets(segment)

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

    def holds(self, identity: str) -> bool:
        """Whether the file of this identity (its `path_key`) is one of the workspace's."""
        return identity in self._files

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
        resolution = self._names.index.resolve(name)
        if resolution.target is not None:
            return resolution.target
        if resolution.is_ambiguous:
            listed = ", ".join(f"`{c.key}` ({checks.where(c)})" for c in resolution.candidates)
            raise SegmentLookupError(f"`{name}` matches several segments: {listed}", name, resolution.candidates)
        suggestion = did_you_mean(name, [*self._names.index.handles(), *(s.key for s in self.segments)])
        hint = f"; did you mean `{suggestion}`?" if suggestion else ""
        raise SegmentLookupError(f"no segment named `{name}`{hint}", name, suggestion=suggestion)

    def resolution(self, segment: Segment) -> tuple[Resolution, ...]:
        """How each reference of `segment` resolves, in the order of its references."""
        self._view()
        return self._names.of(segment)


Index = TypeVar("Index", bound=SegmentIndex)


class CheckedLoading(Generic[Index]):
    """A workspace read while its files are checked: each checked file is read from the text its check
    hands over (`take`), as soon as the check is done, and its segment takes the shape of its query
    (what its profile type depends on) instead of parsing it again; `finish` reads the other files
    and resolves every reference, as `from_files` does."""

    def __init__(self, workspace: Index, files: Iterable[tuple[str, bool]]) -> None:
        self._workspace = workspace
        self._files = list(files)
        self._explicit = dict(self._files)
        self._entries: dict[str, FileEntry] = {}

    def take(self, path: str, text: str, shaped: CheckedShape | None) -> None:
        """A checked file's text and (dialect it was read in, shape of its query), when known;
        a segment read in another dialect parses its query when needed."""
        explicit = self._explicit.get(path)
        if explicit is None:
            return
        entry = self._workspace._load(path, text, explicit=explicit)
        if shaped is not None:
            dialect, shape = shaped
            for segment in entry.segments:
                if segment.dialect.name == dialect:
                    segment.known_shape = shape
        self._entries[path] = entry

    def finish(self) -> Index:
        """The workspace, with the files no check handed over read from the disk."""
        workspace = self._workspace
        with collector_paused():
            workspace._add_all([self._entries.get(path) or workspace._load(path, explicit=explicit)
                                for path, explicit in self._files])
        return workspace
