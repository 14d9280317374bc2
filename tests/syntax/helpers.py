"""Compact views of diagnostics for exact assertions."""

from segquery import parse_tolerant


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def findings(text: str) -> list[tuple[str, str, str]]:
    """(code, range, message) for every diagnostic of `text`."""
    return [(d.code, where(d), d.message) for d in parse_tolerant(text).diagnostics]


def fixed(text: str, diagnostic) -> str:
    """The text with one diagnostic's fix applied."""
    edits = sorted(diagnostic.fix.edits, key=lambda edit: edit.start, reverse=True)
    for edit in edits:
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text
