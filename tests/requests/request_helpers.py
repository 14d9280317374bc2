"""Compact views of request diagnostics for exact assertions."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_EXAMPLES = REPO_ROOT / "examples" / "requests" / "seed"
EXAMPLES = REPO_ROOT / "examples" / "requests"


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def found(diagnostics) -> list[tuple[str, str]]:
    """(code, range) of each diagnostic."""
    return [(d.code, where(d)) for d in diagnostics]


def found_messages(diagnostics) -> list[tuple[str, str, str]]:
    """(code, range, message) of each diagnostic."""
    return [(d.code, where(d), d.message) for d in diagnostics]


def apply_fix(text: str, diagnostic) -> str:
    """The text with one diagnostic's fix applied."""
    for edit in sorted(diagnostic.fix.edits, key=lambda edit: edit.start, reverse=True):
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text


def apply_all_fixes(text: str, diagnostics) -> str:
    """Apply every fix whose edits do not overlap an edit already taken (later ones win ties)."""
    edits = []
    for diagnostic in diagnostics:
        if diagnostic.fix is None:
            continue
        candidate = list(diagnostic.fix.edits)
        if any(_overlaps(new, old) for new in candidate for old in edits):
            continue
        edits.extend(candidate)
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end), reverse=True):
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text


def _overlaps(a, b) -> bool:
    """Edits that share characters; an insertion touching a replacement does not overlap it."""
    return a.start < b.end and b.start < a.end


def at(text: str, fragment: str, occurrence: int = 1) -> str:
    """The line:column range of the n-th occurrence of `fragment` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    return span_at(text, start, start + len(fragment))


def span_at(text: str, start: int, end: int) -> str:
    def position(offset: int) -> str:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return f"{line}:{column}"

    return f"{position(start)}-{position(end)}"


def after(text: str, prefix: str, length: int) -> str:
    """The line:column range of the `length` characters after the first `prefix`."""
    start = text.index(prefix) + len(prefix)
    return span_at(text, start, start + length)
