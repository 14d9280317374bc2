"""The human-readable report: location, code, message, the source line and a caret range."""

from __future__ import annotations

from typing import Iterable, Iterator

from segquery.diagnostics import Applicability, Diagnostic
from segquery.report import FileReport
from segquery.output.excerpt import excerpt
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
        shown = excerpt(report.source, start, end)
        gutter = f"{start.line:>4} | "
        lines.append(style.gutter(gutter) + shown.text)
        lines.append(" " * (len(gutter) + shown.caret_start) + style.severity(severity, "^" * shown.caret_width))
    for related in diagnostic.related:
        where = f"{related.path or path}:{related.range.start.line}:{related.range.start.column}"
        lines.append(f"     {style.gutter('=')} note: {where}: {related.message}")
    if diagnostic.fix is not None:
        lines.append(style.dim(f"     = fix ({diagnostic.fix.applicability.value}): {diagnostic.fix.message}"))
    return "\n".join(lines)


def render_text(reports: Iterable[FileReport], *, show_source: bool = True, style: Style = PLAIN) -> str:
    return "\n".join(text_blocks(reports, show_source=show_source, style=style))


def text_blocks(reports: Iterable[FileReport], *, show_source: bool = True, style: Style = PLAIN) -> Iterator[str]:
    """The report of each finding, one at a time: a long report is printed as it is made, not built whole."""
    for report in reports:
        for diagnostic in report.diagnostics:
            yield render_diagnostic(report, diagnostic, show_source=show_source, style=style)


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
