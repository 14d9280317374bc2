"""Identities of findings that survive unrelated edits.

Code scanning (SARIF `partialFingerprints`), GitLab's Code Quality report and
the baseline all need to recognise "the same finding" after lines were added
or removed elsewhere in the file. A finding is identified by its code, its
file and the text it covers, with white space folded (so re-indenting does
not matter), and by its rank among the findings with that same identity in
the file: never by a line number. Code scanning's fingerprints add the
finding's source line; the baseline adds its message instead, so that an
edit elsewhere on the same line keeps the finding matched.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Callable, Iterable

from segquery.output.findings import Finding

# Context kept on each side of a finding on long lines (one-line JSON holds a
# whole collection): enough to tell findings apart, and linear in total.
LINE_CONTEXT = 120


def _folded(text: str) -> str:
    return " ".join(text.split())


def _line_end(text: str, offset: int) -> int:
    limit = offset + LINE_CONTEXT
    ends = [end for end in (text.find("\n", offset, limit), text.find("\r", offset, limit)) if end != -1]
    return min(ends) if ends else min(limit, len(text))


def finding_identity(finding: Finding, path: str, *, by_line: bool) -> str:
    """Code, path, covered text and (by_line) source line or message of one finding, folded."""
    diagnostic = finding.diagnostic
    text = finding.report.source.text
    covered = text[diagnostic.start:min(diagnostic.end, diagnostic.start + LINE_CONTEXT)]
    if by_line:
        line_start = diagnostic.start - (diagnostic.range.start.column - 1)
        context = text[max(line_start, diagnostic.start - LINE_CONTEXT):_line_end(text, diagnostic.start)]
    else:
        context = diagnostic.message
    return "\x1f".join((diagnostic.code, path, _folded(covered), _folded(context)))


def fingerprints(findings: Iterable[Finding], path_of: Callable[[Finding], str] = lambda f: f.path, *,
                 by_line: bool = True) -> list[str]:
    """One stable hex fingerprint per finding, in the order given; `path_of` names its file."""
    seen: Counter = Counter()
    result = []
    for finding in findings:
        identity = finding_identity(finding, path_of(finding), by_line=by_line)
        occurrence = seen[identity]
        seen[identity] += 1
        digest = hashlib.sha256(f"{identity}\x1e{occurrence}".encode("utf-8", "surrogatepass"))
        result.append(digest.hexdigest()[:32])
    return result
