"""`check_paths`: every query file named or found below the named directories, checked in order.

With the check cache, a run in which nothing changed is answered from the
cache's final results alone (segquery.final_results): it reads no file
whose size, times and inode are those recorded, and it loads neither the
parser nor the rules nor the workspace. Otherwise the files are checked (in
worker processes when there are many) and the workspace findings added
(segquery.engine), reusing what the cache still holds (segquery.cached_check).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from segquery.check_options import CheckOptions
from segquery.check_settings import SettingsResolver
from segquery.collection import fewer_collections
from segquery.file_selection import Exclusion
from segquery.projects import Projects, SharedWalk
from segquery.report import FileReport


def check_paths(paths: Iterable[str | Path], *, options: CheckOptions | None = None) -> list[FileReport]:
    """Check every query file named or found below the named directories, in a stable order.

    With `options.cache` (and no fixes), results still valid in the check
    cache are reused and new ones recorded.
    Raises ConfigError for an invalid configuration.
    """
    with fewer_collections():
        return _check_paths(list(paths), options or CheckOptions())


def _check_paths(paths: list[str | Path], options: CheckOptions) -> list[FileReport]:
    resolver = SettingsResolver(options)
    rules = Exclusion(resolver.finder, options.files).walk_rules()
    walk = SharedWalk(paths, rules)
    files = walk.files
    projects = Projects(resolver, rules, searched=[Path(path) for path in paths if Path(path).is_dir()], walk=walk)
    if options.cache and not options.fix:
        from segquery.final_results import FinalResults  # only cached runs need it

        final = FinalResults(files, projects)
        reports = final.lookup()
        if reports is None:
            reports = _checked(files, projects, cached=True)
            final.record(reports)
        return reports
    return _checked(files, projects, cached=False)


def _checked(files: list[str], projects: Projects, *, cached: bool) -> list[FileReport]:
    """The final reports of the files, checked (from the per-file cache where valid, with `cached`)."""
    from segquery.engine import check_files, finalize  # a run answered from the final results needs neither
    from segquery.projects import workspace_diagnostics

    resolver = projects.resolver
    if cached:
        from segquery.cached_check import check_with_cache

        reports, extra = check_with_cache(files, resolver, projects)
    else:
        workspaces = projects.loading(files)    # read while the files are checked
        reports = check_files(files, resolver, on_report=workspaces.add)
        extra = workspace_diagnostics(workspaces.finish(), reports)
    return [finalize(report, resolver.for_file(report.path, load_schema=False),
                     extra.get(report.path, ()) if report.path is not None else ())
            for report in reports]
