"""The funnel table `segquery preview` prints, and its progress line."""

from __future__ import annotations

from typing import IO

from segquery.preview.run import PreviewResult


def funnel_table(result: PreviewResult) -> str:
    """One line per stage: the step (indented by nesting), its members, and the
    change from the line before at the same depth."""
    width = max(len("  " * stage.depth + stage.label) for stage in result.stages)
    width = max(width, len("stage"))
    digits = max(len(f"{stage.members:,}") for stage in result.stages)
    digits = max(digits, len("members"))
    lines = [f"{'stage':<{width}}  {'members':>{digits}}"]
    for stage in result.stages:
        lines.append(f"{'  ' * stage.depth + stage.label:<{width}}  {stage.members:>{digits},}")
    if result.members:
        order = "in the query's order" if result.in_query_order else "by id"
        lines += ["", f"members (first {len(result.members)}, {order}):", *result.members]
    return "\n".join(lines)


class ProgressLine:
    """`[3/7] .FILTER(...)` rewritten in place on a terminal, erased when done."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self._width = 0

    def __call__(self, index: int, total: int, label: str) -> None:
        text = f"[{index + 1}/{total}] {label}"[:100]
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
