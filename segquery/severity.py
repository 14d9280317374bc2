"""How serious a finding is; its own module so that the rule registry and the
diagnostic model can both use it without importing each other."""

from __future__ import annotations

import enum


class Severity(enum.IntEnum):
    """Ordered so that `max()` gives the worst finding."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.strip().upper()]
