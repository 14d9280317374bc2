"""The projects (workspaces) of the checked files, found with one walk shared with the file search.

A checked file's workspace is its whole project, whichever files were
named: every `*.segq` / `*.json` file below the project root (the closest
directory holding a configuration file or `.git`; else the directory named
to be searched; else the file's own directory) that is not in a nested
project and that the walk rules do not leave out.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from segquery.check_settings import SettingsResolver, dialect_setting_of
from segquery.config import ProjectFinder
from segquery.fast_dataclass import dataclass
from segquery.syntax import codes
from segquery.paths import JSON_SUFFIX, SkipNote, WalkRules, is_json_path, note_on_stderr, path_key, walk_files

if TYPE_CHECKING:
    from segquery.diagnostics import Diagnostic
    from segquery.report import FileReport
    from segquery.workspace import Workspace

QUERY_SUFFIXES = (".segq",)
PROJECT_SUFFIXES = (*QUERY_SUFFIXES, JSON_SUFFIX)


class SharedWalk:
    """The files named, and the `*.segq` and `*.json` files below the directories named, walked once:
    the query files are the files to check, and a project rooted at a named directory needs no walk
    of its own."""

    def __init__(self, paths: Iterable[str | os.PathLike], rules: WalkRules, *,
                 on_skipped: SkipNote | None = note_on_stderr) -> None:
        self.files: list[str] = []                          # the files to check, in order
        self._below: dict[Path, tuple[str, list[str]]] = {}   # resolved directory -> (as named, files below)
        self._walked: set[str] = set()                      # every file found below a directory, as spelled
        # path -> identity (`path_key`) of the files found below a directory: a resolved directory and
        # names read from the disk make a normalized absolute path, which needs no `abspath`.
        self.identities: dict[str, str] = {}
        self._links: set[str] = set()                       # those that are symbolic links
        note = _query_files_only(on_skipped)
        for raw in paths:
            path = Path(raw)
            if rules.excludes_named(path):
                continue
            if not path.is_dir():
                self.files.append(str(path))
                continue
            found = [file for file, _ in walk_files([path], PROJECT_SUFFIXES, rules, on_skipped=note,
                                                    links=self._links)]
            self._walked.update(found)
            self.identities.update(zip(found, map(os.path.normcase, _respelled(str(path), found,
                                                                             os.path.abspath(path)))))
            self._below.setdefault(path.resolve(), (str(path), found))
            self.files += [file for file in found if file.endswith(QUERY_SUFFIXES)]

    def below(self, root: Path) -> list[str] | None:
        """The files found below `root` (a resolved directory), spelled from `root`; None when it was not walked."""
        walked = self._below.get(root)
        if walked is None:
            return None
        named, found = walked
        below = _respelled(named, found, str(root))
        self.identities.update(zip(below, map(os.path.normcase, below)))   # absolute and normalized already
        self._walked.update(below)
        self._links.update(_respelled(named, [file for file in found if file in self._links], str(root)))
        return below

    def is_link(self, path: str) -> bool:
        """Whether a file is a symbolic link: known for the files walked, asked of the system for others."""
        return path in self._links if path in self._walked else os.path.islink(path)


def _respelled(named: str, found: list[str], directory: str) -> list[str]:
    """The paths `found` below the directory `named`, spelled from `directory` (an absolute,
    normalized spelling of the same directory) instead."""
    start = 0 if named == "." else len(named) + (0 if named.endswith(os.sep) else 1)
    prefix = directory if directory.endswith(os.sep) else directory + os.sep
    return [prefix + file[start:] for file in found]


def _query_files_only(on_skipped: SkipNote | None) -> SkipNote | None:
    """Tell `on_skipped` about the query files a walk skipped (a JSON file is not searched for, only read)."""
    if on_skipped is None:
        return None
    return lambda path, kind: on_skipped(path, kind) if path.name.endswith(QUERY_SUFFIXES) else None


class Projects:
    """The workspaces that SEGMENT references of the checked query files resolve in.

    Each workspace takes its options from the configuration of its first checked file.
    """

    def __init__(self, resolver: SettingsResolver, rules: WalkRules, searched: Iterable[Path] = (),
                 walk: SharedWalk | None = None) -> None:
        self.resolver = resolver
        self.rules = replace(rules, force_exclude=False)   # a project's files are found, not named
        self.searched = [directory.resolve() for directory in searched]
        self.finder = ProjectFinder()
        self.walk = walk
        self._roots: dict[Path, Path] = {}    # resolved directory -> its project's root
        self._folder_roots: dict[str, Path] = {}   # directory as written -> its project's root
        self._identities: dict[str, str] = walk.identities if walk is not None else {}
        self.is_link: Callable[[str], bool] = walk.is_link if walk is not None else os.path.islink
        resolver.is_link = self.is_link

    def identity(self, path: str) -> str:
        """The file's identity (`path_key`), worked out once per path."""
        found = self._identities.get(path)
        if found is None:
            found = self._identities[path] = path_key(path)
        return found

    def root_for(self, path: str) -> Path:
        """The project root of a file (the files of one folder, links aside, share it)."""
        link = self.is_link(path)
        folder = None if link else os.path.dirname(path)
        root = self._folder_roots.get(folder) if folder is not None else None
        if root is None:
            directory = self.finder.directory_of(path, link)
            root = self._roots.get(directory)
            if root is None:
                fallback = next((searched for searched in self.searched
                                 if searched == directory or searched in directory.parents), None)
                root = self._roots[directory] = self.finder.root_for(path, fallback, is_link=link)
            if folder is not None:
                self._folder_roots[folder] = root
        return root

    def workspaces(self, files: list[str], reports: Iterable[FileReport] = ()) -> list[Workspace]:
        """The workspaces of the checked files, read and resolved (taking what `reports` know of theirs)."""
        loading = self.loading(files)
        for report in reports:
            loading.add(report)
        return loading.finish()

    def loading(self, files: list[str]) -> WorkspacesLoading:
        """The workspaces of the files to check, to be read while they are checked."""
        return WorkspacesLoading(self.resolver, self.groups(files))

    def groups(self, files: list[str]) -> list[WorkspaceGroup]:
        """The files of each workspace the checked files belong to."""
        groups: dict[Path, list[str]] = {}
        for path in files:
            if holds_segments(path):
                groups.setdefault(self.root_for(path), []).append(path)
        return [self._group(root, checked) for root, checked in groups.items()]

    def _group(self, root: Path, checked: list[str]) -> WorkspaceGroup:
        members: dict[str, tuple[str, bool]] = {}  # file identity -> (path, named explicitly)
        inside: dict[str, bool] = {}               # directory as written -> not in a nested project
        for path in self._files_below(root):
            if self.is_link(path):
                member = self.finder.root_for(path, root, is_link=True) == root
            else:
                folder = os.path.dirname(path)
                known = inside.get(folder)
                member = known if known is not None else inside.setdefault(
                    folder, self.finder.root_for(path, root, is_link=False) == root)
            if member:
                members[self.identity(path)] = (path, False)
        for path in checked:  # the checked spelling of a path wins, so reports and findings match
            members[self.identity(path)] = (path, True)
        return WorkspaceGroup(root, checked, members)

    def _files_below(self, root: Path) -> list[str]:
        walked = self.walk.below(root) if self.walk is not None else None
        if walked is not None:
            return walked
        rules = self._outside_nested_projects(root)
        return [path for path, _ in walk_files([root], PROJECT_SUFFIXES, rules, on_skipped=None)]

    def _outside_nested_projects(self, root: Path) -> WalkRules:
        """The walk rules, and: a project's walk does not enter a nested project. Its files are not
        members, and its configuration (which may be broken) is none of this project's business."""
        excluded, may_exclude_files_in = self.rules.excluded, self.rules.may_exclude_files_in

        def left_out(path: Path, is_dir: bool) -> bool:
            if is_dir:
                directory = path.resolve()
                if directory != root and self.finder.is_project_root(directory):
                    return True
            return excluded is not None and excluded(path, is_dir)

        def files_may_be_left_out(directory: Path) -> bool:
            return excluded is not None and (may_exclude_files_in is None or may_exclude_files_in(directory))

        return replace(self.rules, excluded=left_out, may_exclude_files_in=files_may_be_left_out)


@dataclass
class WorkspaceGroup:
    """The files of one workspace (a project): `members` maps each file's identity to (path, named
    explicitly); its options are those of the first checked file."""

    root: Path
    checked: list[str]
    members: dict[str, tuple[str, bool]]

    def loading(self, resolver: SettingsResolver) -> GroupLoading:
        """The workspace, to be read while its files are checked."""
        return GroupLoading(self, resolver)

    def dialect_of(self, resolver: SettingsResolver) -> Callable[[str], str]:
        """The dialect setting of each file of the workspace."""
        return dialect_setting_of(resolver, resolver.key_parts(self.checked[0])[3])


class GroupLoading:
    """One workspace read while its files are checked: each checked file from its report, which holds
    its text and its query's shape (unless the file could not be read); the others from the disk."""

    def __init__(self, group: WorkspaceGroup, resolver: SettingsResolver) -> None:
        from segquery.workspace import Workspace  # a run whose findings are all cached needs none

        settings = resolver.for_file(group.checked[0])
        self._resolver = resolver
        self._schema = resolver.schema_path(settings.config)
        self._loading = Workspace.loading(group.members.values(), target_profile=settings.target,
                                          schema=settings.schema, dialect_of=group.dialect_of(resolver))

    def add(self, report: FileReport) -> None:
        """Read a checked file from its report (a file that could not be read is read at the end)."""
        if report.path is None or report.stored is None:
            return
        # A shape whose tables were inferred with another schema than the workspace's is of no use.
        same_schema = self._resolver.schema_path(self._resolver.config_for(report.path)) == self._schema
        self._loading.take(report.path, report.source.text, report.shape if same_schema else None)

    def finish(self) -> Workspace:
        """The workspace, its other files read and every reference resolved."""
        return self._loading.finish()


class WorkspacesLoading:
    """The workspaces of the checked files, read while the files are checked: each report, handed over
    as soon as its file is checked, goes to every workspace the file is a member of (whose reading
    starts with its first report)."""

    def __init__(self, resolver: SettingsResolver, groups: list[WorkspaceGroup]) -> None:
        self._resolver = resolver
        self._groups = groups
        self._loadings: dict[int, GroupLoading] = {}      # group index -> its loading, once started
        self._member_of: dict[str, list[int]] = {}        # path as the workspace spells it -> group indexes
        for index, group in enumerate(groups):
            for path, _ in group.members.values():
                self._member_of.setdefault(path, []).append(index)

    def add(self, report: FileReport) -> None:
        """Hand a checked file's report to the workspaces it belongs to."""
        for index in self._member_of.get(report.path, ()) if report.path is not None else ():
            self._loading(index).add(report)

    def finish(self) -> list[Workspace]:
        """Every workspace, read and resolved."""
        return [self._loading(index).finish() for index in range(len(self._groups))]

    def _loading(self, index: int) -> GroupLoading:
        loading = self._loadings.get(index)
        if loading is None:
            loading = self._loadings[index] = self._groups[index].loading(self._resolver)
        return loading


def holds_segments(path: str) -> bool:
    """A query file, or a JSON request body or collection of segment records (named on the command line)."""
    return path.endswith(QUERY_SUFFIXES) or is_json_path(path)


def workspace_diagnostics(workspaces: list[Workspace], reports: list[FileReport]) -> dict[str, list[Diagnostic]]:
    """The cross-file findings (SEGMENT references, cycles...) of each checked query file,
    after telling its workspace about the files that fixes changed."""
    found: dict[str, list[Diagnostic]] = {}
    checked = [(report.path, report) for report in reports
               if report.path is not None and holds_segments(report.path)]
    identities = {path: path_key(path) for path, _ in checked}
    for workspace in workspaces:
        mine = [(path, report) for path, report in checked if workspace.holds(identities[path])]
        # All changes first, then the findings: the graph is rebuilt once, not once per fixed file.
        workspace.replace_texts({path: report.source.text for path, report in mine if report.changed})
        for path, _ in mine:
            keep = _graph_finding if is_json_path(path) else _not_a_read_failure
            found[path] = [d for d in workspace.diagnostics_for(path) if keep(d)]
    return found


def _not_a_read_failure(diagnostic: Diagnostic) -> bool:
    return diagnostic.code not in codes.READ_FAILURES


def _graph_finding(diagnostic: Diagnostic) -> bool:
    """For a JSON file: what the workspace alone knows (references, cycles, depth, duplicates).
    What reading the file finds about its records is the request checker's to say (R001, R016, R017)."""
    from segquery.workspace import codes as workspace_codes  # loaded with the workspace that found it

    return (diagnostic.code.startswith("W")
            and diagnostic.code not in (workspace_codes.UNNAMED_RECORD, workspace_codes.NO_SEGMENTS))
