"""`--output-format pylint`: one line per finding, as pylint's parseable format.

    segments/q.segq:1: [L001] `profile` is a keyword: write it in upper case, `PROFILE`
"""

from __future__ import annotations

from typing import Iterable

from segquery.report import FileReport
from segquery.output.findings import collect


def render_pylint(reports: Iterable[FileReport]) -> str:
    return "\n".join(f"{finding.path}:{finding.diagnostic.range.start.line}: [{finding.diagnostic.code}] "
                     f"{' '.join(finding.diagnostic.message.splitlines())}" for finding in collect(reports))
