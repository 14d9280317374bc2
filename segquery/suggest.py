"""Did-you-mean suggestions, shared by every check that reports an unknown name."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The closest candidate to `word`, compared case-insensitively, or None.

    A candidate equal to the word but for case wins outright.
    """
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    folded = word.casefold()
    if folded in by_folded:
        return by_folded[folded]
    matches = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=cutoff)
    return by_folded[matches[0]] if matches else None


def suggestion_suffix(word: str, candidates: Iterable[str]) -> str:
    """'; did you mean `x`?' or '' — the tail of an unknown-name message."""
    best = did_you_mean(word, candidates)
    return f"; did you mean `{best}`?" if best else ""
