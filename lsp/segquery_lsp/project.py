"""The project the server works on: its root folders, settings and files."""

from __future__ import annotations

from pathlib import Path

from segquery.engine import FileReport, check_text
from segquery.schema import Schema
from segquery.schema.default import default_schema
from segquery.syntax.parser import read_source_file
from segquery.workspace.model import Segment


class Project:
    def __init__(self) -> None:
        self.roots: list[Path] = []

    @property
    def schema(self) -> Schema:
        return default_schema()

    def segments(self) -> list[Segment]:
        return []

    def set_roots(self, roots: list[Path]) -> None:
        self.roots = roots

    def check(self, text: str, path: str | None) -> FileReport:
        return check_text(text, path=path)

    def file_text(self, path: str) -> str | None:
        try:
            return read_source_file(path)
        except OSError:
            return None
