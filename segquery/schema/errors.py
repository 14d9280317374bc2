"""The one exception raised for a bad schema file, whatever its format."""

from __future__ import annotations


class SchemaError(Exception):
    """A schema file cannot be read or does not follow its format.

    `str(error)` reads `<source>:<line>:<column>: <path>: <message>`; parts
    that are unknown are left out (a JSON path exists only for JSON files, a
    position only where the parser can tell it). The parts are also available
    as attributes so tools can place the error themselves.
    """

    def __init__(self, message: str, *, source: str | None = None, path: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.source = source
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where or '<schema>'}:{self.line}"
            if self.column is not None:
                where = f"{where}:{self.column}"
        parts = [part for part in (where, self.path, self.message) if part]
        return ": ".join(parts)
