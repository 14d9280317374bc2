"""What a migration says about each construct it carried over (or could not)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable

from segquery.diagnostics import Diagnostic
from segquery.rules.registry import default_severity
from segquery.severity import Severity
from segquery.source import Range


class Outcome(enum.IntEnum):
    """Ordered so that `max()` gives the worst outcome of a segment."""

    TRANSLATED = 1     # the meaning is kept
    REVIEW = 2         # the meaning is kept under the assumption the finding states
    UNSUPPORTED = 3    # no real-time form

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def of_code(cls, code: str) -> "Outcome":
        severity = default_severity(code)
        return {Severity.ERROR: cls.UNSUPPORTED, Severity.WARNING: cls.REVIEW}.get(severity, cls.TRANSLATED)


@dataclass(frozen=True, slots=True)
class Finding:
    """One construct of the outbound text: what was done, why, and where it was written."""

    code: str
    range: Range           # in the outbound text (the file, for a .segq file or a record)
    done: str
    why: str

    @property
    def outcome(self) -> Outcome:
        return Outcome.of_code(self.code)

    @property
    def message(self) -> str:
        return f"{self.done}: {self.why}"

    def to_diagnostic(self) -> Diagnostic:
        return Diagnostic(self.code, default_severity(self.code), self.message, self.range)

    def to_dict(self) -> dict:
        return {"code": self.code, "outcome": self.outcome.label, "range": self.range.to_dict(),
                "done": self.done, "why": self.why}


def worst(findings: Iterable[Finding]) -> Outcome:
    return max((finding.outcome for finding in findings), default=Outcome.TRANSLATED)
