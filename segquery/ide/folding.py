"""Folding ranges: multi-line chains, multi-line parentheses (conditions and
argument lists) and value lists, block comments and runs of line comments.
Lines are 1-based."""

from __future__ import annotations

from segquery.ide.model import FoldingKind, FoldingRange
from segquery.ide.outline import build_outline
from segquery.source import SourceText
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.tokens import TokenKind


def folding_ranges(text: str, *, dialect: Dialect = OUTBOUND) -> list[FoldingRange]:
    source = SourceText(text)
    outline = build_outline(text, dialect.lexicon)
    line = lambda offset: source.position(offset).line  # noqa: E731
    found: set[FoldingRange] = set()

    def add(start: int, end: int, kind: FoldingKind) -> None:
        if end > start:
            found.add(FoldingRange(start, end, kind))

    for frame in outline.frames:
        if frame.close is None:
            continue
        first, last = line(frame.open.start), line(frame.close.start)
        if last > first:
            # Keep a `)` that starts its line visible, as editors do for braces.
            closing_leads = not source.line_text(last)[:source.position(frame.close.start).column - 1].strip()
            add(first, last - 1 if closing_leads else last, FoldingKind.REGION)
        if frame.query_level and frame.previous is None and frame.following is not None:
            end = frame
            while end.following is not None:
                end = end.following
            if end.close is not None:
                add(line(frame.start), line(end.close.start), FoldingKind.REGION)
    opened: list[int] = []
    for token in outline.tokens:  # `IN [..]` lists over several lines (real-time journeys)
        if token.kind is TokenKind.PUNCTUATION and token.text == "[":
            opened.append(token.start)
        elif token.kind is TokenKind.PUNCTUATION and token.text == "]" and opened:
            add(line(opened.pop()), line(token.start), FoldingKind.REGION)
    run_start = run_end = None
    for comment in outline.comments:
        start_line, end_line = line(comment.start), line(comment.end)
        if comment.text.startswith("/*"):
            add(start_line, end_line, FoldingKind.COMMENT)
            continue
        own_line = not source.line_text(start_line)[:source.position(comment.start).column - 1].strip()
        if own_line and run_end is not None and start_line == run_end + 1:
            run_end = start_line
            continue
        if run_start is not None and run_end is not None:
            add(run_start, run_end, FoldingKind.COMMENT)
        run_start, run_end = (start_line, start_line) if own_line else (None, None)
    if run_start is not None and run_end is not None:
        add(run_start, run_end, FoldingKind.COMMENT)
    return sorted(found, key=lambda item: (item.start_line, -item.end_line, item.kind.value))
