"""The human-readable report: location, code, message, the source line and a caret range."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Applicability, Diagnostic
from segquery.engine import FileReport
from segquery.output.style import PLAIN, Style


def render_diagnostic(report: FileReport, diagnostic: Diagnostic, *, show_source: bool = True,
                      style: Style = PLAIN) -> str:
    """One finding; with a colour `style` the same text with escape codes around its parts."""
    start, end = diagnostic.range.start, diagnostic.range.end
    path = report.path or "-"
    colon = style.punctuation(":")
    severity = diagnostic.severity
    lines = [f"{style.path(path)}{colon}{start.line}{colon}{start.column}{colon} "
             f"{style.severity(severity, diagnostic.code)} [{style.severity(severity, severity.label)}] "
             f"{diagnostic.message}"]
    if show_source and report.source.text:
        line_text = report.source.line_text(start.line)
        shown = line_text.expandtabs(1)
        width = (end.column - start.column) if end.line == start.line else len(line_text) - start.column + 1
        gutter = f"{start.line:>4} | "
        lines.append(style.gutter(gutter) + shown)
        lines.append(" " * (len(gutter) + start.column - 1) + style.severity(severity, "^" * max(width, 1)))
    for related in diagnostic.related:
        where = f"{related.path or path}:{related.range.start.line}:{related.range.start.column}"
        lines.append(f"     {style.gutter('=')} note: {where}: {related.message}")
    if diagnostic.fix is not None:
        lines.append(style.dim(f"     = fix ({diagnostic.fix.applicability.value}): {diagnostic.fix.message}"))
    return "\n".join(lines)


def render_text(reports: Iterable[FileReport], *, show_source: bool = True, style: Style = PLAIN) -> str:
    blocks = [render_diagnostic(report, diagnostic, show_source=show_source, style=style)
              for report in reports for diagnostic in report.diagnostics]
    return "\n".join(blocks)


def summary_line(reports: list[FileReport]) -> str:
    count = sum(len(report.diagnostics) for report in reports)
    files = len(reports)
    if count == 0:
        return f"All checks passed ({files} file{'s' if files != 1 else ''})."
    flagged = sum(1 for report in reports if report.diagnostics)
    return (f"Found {count} problem{'s' if count != 1 else ''} in {flagged} of {files} "
            f"file{'s' if files != 1 else ''}.")


def fix_summary(reports: list[FileReport], *, fixing: bool, unsafe_fixes: bool, style: Style = PLAIN) -> str:
    """What fixes did or could do: `Fixed 3 problems.` or `[*] 2 fixable with --fix.` (a hint, dimmed)."""
    lines = []
    if fixing:
        fixed = sum(sum(report.fixed.values()) for report in reports)
        if fixed:
            lines.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.")
    remaining = [d.fix for report in reports for d in report.diagnostics if d.fix is not None]
    safe = sum(1 for fix in remaining if fix.applicability is Applicability.SAFE)
    unsafe = len(remaining) - safe
    fixable = safe + (unsafe if unsafe_fixes else 0)
    if fixable and not fixing:
        option = "--fix --unsafe-fixes" if unsafe_fixes else "--fix"
        lines.append(style.dim(f"[*] {fixable} fixable with {option}."))
    if unsafe and not unsafe_fixes:
        lines.append(style.dim(f"({unsafe} more fix{'es' if unsafe != 1 else ''} available with --unsafe-fixes.)"))
    return "\n".join(lines)
