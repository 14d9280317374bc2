"""Did-you-mean suggestions, shared by every check that reports an unknown name."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The closest candidate to `word`, compared case-insensitively, or None.

    A candidate equal to the word but for case wins outright.
    """
    return Suggester(candidates).best(word, cutoff=cutoff)


class Suggester:
    """Did-you-mean over a fixed set of names, built once and asked many times.

    Up to SMALL names, difflib compares the word with each of them. Above that
    (a workspace of thousands of segments), a trigram index first picks the
    SHORTLIST names that share the most trigrams with the word, so asking for
    every unresolved reference does not compare every pair of names.
    """

    SMALL = 300
    SHORTLIST = 40

    def __init__(self, candidates: Iterable[str]) -> None:
        self._by_folded: dict[str, str] = {}
        for candidate in candidates:
            self._by_folded.setdefault(candidate.casefold(), candidate)
        self._names = list(self._by_folded)
        self._trigrams: dict[str, list[int]] | None = None
        if len(self._names) > self.SMALL:
            self._trigrams = {}
            for index, name in enumerate(self._names):
                for gram in _trigrams(name):
                    self._trigrams.setdefault(gram, []).append(index)

    def best(self, word: str, *, cutoff: float = 0.6) -> str | None:
        folded = word.casefold()
        if folded in self._by_folded:
            return self._by_folded[folded]
        pool = self._names if self._trigrams is None else self._shortlist(folded)
        matches = difflib.get_close_matches(folded, pool, n=1, cutoff=cutoff)
        return self._by_folded[matches[0]] if matches else None

    def _shortlist(self, folded: str) -> list[str]:
        shared: dict[int, int] = {}
        for gram in _trigrams(folded):
            for index in self._trigrams.get(gram, ()):
                shared[index] = shared.get(index, 0) + 1
        best = sorted(shared, key=lambda index: (-shared[index], index))[:self.SHORTLIST]
        return [self._names[index] for index in sorted(best)]


def _trigrams(name: str) -> set[str]:
    padded = f"  {name} "
    return {padded[index:index + 3] for index in range(len(padded) - 2)}


def suggestion_suffix(word: str, candidates: Iterable[str]) -> str:
    """'; did you mean `x`?' or '' — the tail of an unknown-name message."""
    best = did_you_mean(word, candidates)
    return f"; did you mean `{best}`?" if best else ""
