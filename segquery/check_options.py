"""What a front end asks `segquery check` for: the options of one run."""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.file_selection import FileSelection


@dataclass(frozen=True)
class CheckOptions:
    """What the command line (or another front end) asks for; None means "as configured"."""

    config: str | None = None           # a configuration file that replaces discovery
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    kind: str | None = None             # dynamic, static, compound or fetch
    schema: str | None = None           # a schema file, relative to the working directory
    target: str | None = None           # the profile type dynamic segments must end on
    dialect: str | None = None          # the dialect every file is written in (a directive still wins)
    fix: bool = False                   # compute fixes (the caller decides whether to write them)
    unsafe_fixes: bool = False
    jobs: int | None = None             # worker processes; None: one per CPU
    files: FileSelection = FileSelection()   # which files walks leave out
    cache: bool = False                 # reuse and record results in the check cache (never while fixing)
