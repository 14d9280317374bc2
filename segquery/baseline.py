"""A baseline: the findings an existing estate already has, recorded once,
so that CI fails only on new ones.

`segquery check --write-baseline FILE` records today's findings;
`segquery check --baseline FILE` reports only findings that are not in it.
A finding is matched by its file, code and fingerprint (see
`segquery.output.fingerprint`), never by line number, so unrelated edits
keep it matched; findings that were fixed drop out on the next write.
Paths are stored relative to the baseline's folder, so the file works
from any working directory and on any machine.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from segquery.report import FileReport
from segquery.files import UnreadableFile, read_text
from segquery.output.findings import Finding, collect
from segquery.output.fingerprint import fingerprints

BASELINE_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read."""


@dataclass(frozen=True)
class BaselineOutcome:
    reports: list[FileReport]       # the reports with baselined findings left out
    matched: int                    # findings the baseline covered
    stale: int                      # baseline entries that no longer occur


def _relative_path(path: str, folder: Path) -> str:
    if path == "-":
        return path
    return PurePosixPath(Path(os.path.relpath(os.path.abspath(path), folder))).as_posix()


def _keys(findings: list[Finding], folder: Path) -> list[tuple[str, str, str]]:
    paths = {finding.path: _relative_path(finding.path, folder) for finding in findings}
    prints = fingerprints(findings, path_of=lambda finding: paths[finding.path], by_line=False)
    return [(paths[f.path], f.diagnostic.code, fp) for f, fp in zip(findings, prints)]


def write_baseline(reports: list[FileReport], path: str | Path) -> int:
    """Record every finding of `reports` in `path`; the number recorded."""
    path = Path(path)
    findings = collect(reports)
    keys = _keys(findings, Path(os.path.abspath(path)).parent)
    entries = sorted(({"path": p, "code": code, "fingerprint": fp, "message": f.diagnostic.message}
                      for (p, code, fp), f in zip(keys, findings)),
                     key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": "segquery", "findings": entries}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: str | Path) -> Counter:
    """The (path, code, fingerprint) entries of a baseline file, counted."""
    try:
        document = json.loads(read_text(path).text)
    except UnreadableFile as error:
        where = "".join(f":{number}" for number in error.position or ())
        raise BaselineError(f"{path}{where}: cannot read the baseline: {error.reason}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}:{error.colno}: the baseline is not JSON: {error.msg}") from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION \
            or not isinstance(document.get("findings"), list):
        raise BaselineError(f"{path}: not a segquery baseline (version {BASELINE_VERSION}): "
                            f"write one with --write-baseline")
    entries: Counter = Counter()
    for index, entry in enumerate(document["findings"]):
        try:
            entries[(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))] += 1
        except (TypeError, KeyError):
            raise BaselineError(f"{path}: finding {index} needs `path`, `code` and `fingerprint`") from None
    return entries


def apply_baseline(reports: list[FileReport], path: str | Path) -> BaselineOutcome:
    """`reports` without the findings recorded in the baseline at `path`."""
    remaining = read_baseline(path)
    findings = collect(reports)
    dropped: dict[int, set[int]] = {}
    matched = 0
    for finding, key in zip(findings, _keys(findings, Path(os.path.abspath(path)).parent)):
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
            dropped.setdefault(id(finding.report), set()).add(id(finding.diagnostic))
    kept = [replace(report, diagnostics=[d for d in report.diagnostics
                                         if id(d) not in dropped.get(id(report), ())])
            if id(report) in dropped else report for report in reports]
    return BaselineOutcome(kept, matched, sum(count for count in remaining.values() if count > 0))
