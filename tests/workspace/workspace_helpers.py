"""Compact views of workspace results for exact assertions."""

from __future__ import annotations

from pathlib import Path

from segquery.workspace import Workspace

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_WORKSPACE = REPO_ROOT / "examples" / "workspace"


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def related(diagnostic) -> list[tuple[str, str, str]]:
    """(path, range, message) of each related location."""
    return [(item.path, f"{item.range.start.line}:{item.range.start.column}-"
                        f"{item.range.end.line}:{item.range.end.column}", item.message)
            for item in diagnostic.related]


def findings(workspace: Workspace, *, syntax: bool = False) -> list[tuple[str, str, str, str]]:
    """(path, code, range, message) of every workspace diagnostic, file by file."""
    return [(path, d.code, where(d), d.message)
            for path in workspace.files for d in workspace.diagnostics_for(path, syntax=syntax)]


def codes(workspace: Workspace) -> list[tuple[str, str]]:
    return [(path, code) for path, code, _, _ in findings(workspace)]


def edges(workspace: Workspace) -> dict[str, list[str]]:
    """Segment key -> referenced keys, as written (repeats kept)."""
    return {key: [edge.target for edge in found] for key, found in workspace.graph.items()}


def workspace_of(**queries: str) -> Workspace:
    """A workspace of `<name>.segq` files holding the given queries."""
    return Workspace.from_texts({f"{name}.segq": text for name, text in queries.items()})


def apply_edits(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text
