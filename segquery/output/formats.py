"""The machine-readable output formats of `segquery check`, by name.

Each renderer is imported only when its format is asked for, so that a
plain `segquery check` does not pay for XML or SARIF.
"""

from __future__ import annotations

import importlib
from typing import Iterable

from segquery.report import FileReport

# format name -> (module, renderer function)
_RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("segquery.output.json_output", "render_json"),
    "sarif": ("segquery.output.sarif", "render_sarif"),
    "github": ("segquery.output.github", "render_github"),
    "gitlab": ("segquery.output.gitlab", "render_gitlab"),
    "junit": ("segquery.output.junit", "render_junit"),
    "pylint": ("segquery.output.pylint", "render_pylint"),
}
OUTPUT_FORMATS: tuple[str, ...] = ("text", *_RENDERERS)


def render_machine(output_format: str, reports: Iterable[FileReport], *, unsafe_fixes: bool = False) -> str:
    """The findings of `reports` in a machine-readable format (not `text`)."""
    module, function = _RENDERERS[output_format]
    renderer = getattr(importlib.import_module(module), function)
    if output_format == "json":
        return renderer(reports, unsafe_fixes=unsafe_fixes)
    return renderer(reports)
