"""What `explain` returns: the lines of an explanation, each with the part of
the query it explains."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from segquery.source import SourceText, Span

INDENT = "  "


class LineKind(enum.Enum):
    """What a line explains: where records come from, a step applied to them,
    or a set operation joining two queries."""

    SOURCE = "source"
    STEP = "step"
    SET_OPERATION = "set-operation"


@dataclass(frozen=True, slots=True)
class ExplanationLine:
    depth: int          # nesting level: each level is indented by two spaces in text
    text: str
    kind: LineKind
    span: Span          # the part of the query this line explains (offsets)
    runs_on: bool = False   # in the one-sentence form, follows the line before it after a space, not a comma


@dataclass(frozen=True)
class Explanation:
    """The query in plain English, one line per source, step and set operation."""

    lines: tuple[ExplanationLine, ...]
    source: SourceText

    def text(self) -> str:
        """The lines, indented by nesting."""
        return "\n".join(INDENT * line.depth + line.text for line in self.lines)

    def summary(self) -> str:
        """The explanation as one sentence (for a code lens): a condition runs on
        from its source, what follows a colon runs on from it, other lines are
        separated by commas."""
        parts: list[str] = []
        for index, line in enumerate(self.lines):
            if index:
                joins = line.runs_on or self.lines[index - 1].text.endswith(":")
                parts.append(" " if joins else ", ")
            parts.append(line.text)
        return "".join(parts)

    def to_json(self) -> dict:
        """The lines with their depth, kind and source range (1-based lines and columns, and offsets)."""
        return {
            "path": self.source.path,
            "text": self.text(),
            "summary": self.summary(),
            "lines": [{"depth": line.depth, "kind": line.kind.value, "text": line.text,
                       "range": self.source.range(line.span.start, line.span.end).to_dict()}
                      for line in self.lines],
        }
