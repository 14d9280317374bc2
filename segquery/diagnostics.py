"""The diagnostic model shared by the parser, validator, linter, resolver,
request checker, CLI and language server."""

from __future__ import annotations

import enum
from dataclasses import field, replace
from typing import Iterable

from segquery.fast_dataclass import dataclass
from segquery.rules.registry import default_severity
from segquery.severity import Severity
from segquery.source import Range, SourceText

# Syntax (S) and reading (E) problems: no selection or directive turns them off.
UNSUPPRESSIBLE_PREFIXES = ("S", "E")


class Applicability(enum.Enum):
    """Safe fixes keep the meaning of the query; unsafe ones may change it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace source[start:end] with new_text (offsets into the source)."""

    start: int
    end: int
    new_text: str

    def to_dict(self, source: SourceText | None = None) -> dict:
        data: dict = {"start": self.start, "end": self.end, "new_text": self.new_text}
        if source is not None:
            data["range"] = source.range(self.start, self.end).to_dict()
        return data


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[TextEdit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, message: str, start: int, end: int, new_text: str,
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls(message, (TextEdit(start, end, new_text),), applicability)

    def to_dict(self, source: SourceText | None = None) -> dict:
        return {
            "message": self.message,
            "applicability": self.applicability.value,
            "edits": [edit.to_dict(source) for edit in self.edits],
        }


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    message: str
    range: Range
    path: str | None = None

    def to_dict(self) -> dict:
        return {"message": self.message, "range": self.range.to_dict(), "path": self.path}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    range: Range
    fix: Fix | None = None
    related: tuple[RelatedLocation, ...] = field(default=())

    def __post_init__(self) -> None:
        if type(self.code) is not str:  # a rule's Code: a finding keeps the plain text (caches store it)
            object.__setattr__(self, "code", str(self.code))

    @property
    def start(self) -> int:
        return self.range.start.offset

    @property
    def end(self) -> int:
        return self.range.end.offset

    def with_severity(self, severity: Severity) -> "Diagnostic":
        return replace(self, severity=severity)

    def sort_key(self) -> tuple:
        return (self.range.start.offset, self.range.end.offset, self.code, self.message)

    def moved(self, delta: int, source: SourceText) -> "Diagnostic":
        """The finding, its fix's edits and its related locations moved by `delta` characters
        into `source`, the text they now point into (lines and columns are read from it): a
        finding kept from an earlier version of a text whose part before it changed length."""
        fix = self.fix
        if fix is not None:
            fix = Fix(fix.message, tuple(TextEdit(edit.start + delta, edit.end + delta, edit.new_text)
                                         for edit in fix.edits), fix.applicability)
        related = tuple(RelatedLocation(item.message, source.range(item.range.start.offset + delta,
                                                                   item.range.end.offset + delta), item.path)
                        for item in self.related)
        return Diagnostic(self.code, self.severity, self.message,
                          source.range(self.start + delta, self.end + delta), fix, related)

    def to_dict(self, source: SourceText | None = None) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.label,
            "message": self.message,
            "range": self.range.to_dict(),
            "fix": self.fix.to_dict(source) if self.fix else None,
            "related": [item.to_dict() for item in self.related],
        }


def make_diagnostic(source: SourceText, code: str, message: str, start: int, end: int, *,
                    severity: Severity | None = None, fix: Fix | None = None,
                    related: Iterable[RelatedLocation] = ()) -> Diagnostic:
    """Build a diagnostic from offsets; severity defaults to the rule's own."""
    if severity is None:
        severity = default_severity(code)
    return Diagnostic(code, severity, message, source.range(start, end), fix, tuple(related))


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
