"""The migration report: Markdown for people, JSON for tools, a table for the terminal."""

from __future__ import annotations

from typing import Any

from segquery.migrate.estate import EstateMigration, SegmentMigration
from segquery.migrate.findings import Finding


def report_json(estate: EstateMigration) -> dict[str, Any]:
    return {
        "outcome": estate.outcome.label,
        "totals": estate.totals(),
        "segments": [_segment_json(position, segment) for position, segment in enumerate(estate.segments, 1)],
        "unread": {path: [{"code": d.code, "message": d.message, "range": d.range.to_dict()} for d in found]
                   for path, found in estate.unread.items()},
    }


def _segment_json(position: int, segment: SegmentMigration) -> dict[str, Any]:
    return {
        "order": position, "name": segment.name, "key": segment.key, "path": segment.path,
        "type": segment.segment_type, "status": segment.status,
        "new_status": "going live" if segment.going_live else "draft",
        "outcome": segment.outcome.label, "new_id": segment.new_id, "profile": segment.profile,
        "migrated": segment.emitted,
        "text": segment.query.text if segment.query is not None else None,
        "members": len(segment.members),
        "findings": [finding.to_dict() for finding in segment.findings],
    }


def report_markdown(estate: EstateMigration) -> str:
    totals = estate.totals()
    lines = ["# Migration to real-time journeys", "",
             f"{len(estate.segments)} segments: {totals['translated']} translated, {totals['review']} to review, "
             f"{totals['unsupported']} unsupported. Segments are listed in go-live order: create and publish "
             "them in this order.", "",
             "| # | Segment | Type | Status | New status | Outcome |", "|---|---|---|---|---|---|"]
    for position, segment in enumerate(estate.segments, 1):
        lines.append(f"| {position} | {_cell(segment.name)} | {segment.segment_type} | {segment.status or '-'} | "
                     f"{'going live' if segment.going_live else 'draft'} | {segment.outcome.label} |")
    for position, segment in enumerate(estate.segments, 1):
        lines += ["", f"## {position}. {segment.name}", "",
                  f"`{segment.path}`, {segment.segment_type}, {segment.outcome.label}; new definition id "
                  f"`{segment.new_guid}`" + ("" if segment.emitted else " (not migrated)") + ".", ""]
        lines += [_finding_line(segment.path, finding) for finding in segment.findings]
        if segment.query is not None and segment.query.text is not None:
            lines += ["", "```", segment.query.text.rstrip("\n"), "```"]
    if estate.unread:
        lines += ["", "## Files not read", ""]
        for path, found in estate.unread.items():
            lines += [f"- `{path}:{d.range.start.line}:{d.range.start.column}` {d.code}: {d.message}" for d in found]
    return "\n".join(lines) + "\n"


def _finding_line(path: str, finding: Finding) -> str:
    start = finding.range.start
    return (f"- **{finding.outcome.label}** `{finding.code}` {path}:{start.line}:{start.column}: "
            f"{finding.done} ({finding.why})")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def summary_table(estate: EstateMigration) -> str:
    """One line per segment, aligned, and the totals."""
    rows = [("#", "segment", "type", "outcome", "findings")]
    for position, segment in enumerate(estate.segments, 1):
        rows.append((str(position), segment.name, segment.segment_type, segment.outcome.label,
                     str(len(segment.findings))))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    totals = estate.totals()
    lines.append(f"{totals['translated']} translated, {totals['review']} to review, "
                 f"{totals['unsupported']} unsupported" + (f"; {len(estate.unread)} file(s) not read"
                                                           if estate.unread else ""))
    return "\n".join(lines)
