"""Delta debugging: the smallest text (first by tokens, then by characters)
on which a failure still happens, within a budget of attempts."""

from __future__ import annotations

import time
from typing import Callable

from fuzz.mutations import pieces


class _Budget:
    def __init__(self, attempts: int, seconds: float) -> None:
        self.attempts = attempts
        self.deadline = time.monotonic() + seconds

    def spend(self) -> bool:
        self.attempts -= 1
        return self.attempts >= 0 and time.monotonic() < self.deadline


def _ddmin(items: list[str], fails: Callable[[list[str]], bool], budget: _Budget) -> list[str]:
    """Zeller's ddmin over complements: remove chunks while the failure persists."""
    chunks = 2
    while len(items) >= 2:
        size = -(-len(items) // chunks)
        reduced = False
        for start in range(0, len(items), size):
            candidate = items[:start] + items[start + size:]
            if not budget.spend():
                return items
            if fails(candidate):
                items, chunks, reduced = candidate, max(chunks - 1, 2), True
                break
        if not reduced:
            if chunks >= len(items):
                break
            chunks = min(len(items), chunks * 2)
    if len(items) == 1 and budget.spend() and fails([]):
        return []
    return items


def minimize(text: str, fails: Callable[[str], bool], *, attempts: int = 3000, seconds: float = 60.0) -> str:
    """A smaller text on which `fails` still holds (the input itself when nothing smaller does)."""
    budget = _Budget(attempts, seconds)
    tokens = _ddmin(pieces(text), lambda items: fails("".join(items)), budget)
    characters = _ddmin(list("".join(tokens)), lambda items: fails("".join(items)), budget)
    return "".join(characters)
