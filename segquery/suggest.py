"""Did-you-mean suggestions, shared by every check that reports an unknown name."""

from __future__ import annotations

import difflib
import functools
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
        assert self._trigrams is not None  # a shortlist is made only once the index is built
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


def typo_budget(word: str) -> int:
    """How many single-character edits still count as a typo of `word`:
    one for names of up to 7 characters, two for longer names."""
    return 1 if len(word) <= 7 else 2


def typo_of(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` is a typo of, or None: the nearest candidate (the
    first of equals) within `typo_budget(word)` edits, compared without regard
    to case. An edit inserts, deletes or replaces one character, or swaps two
    adjacent ones.

    Stricter than `did_you_mean` on purpose: a custom name made of a publisher
    prefix and a standard name (`new_name`) is at least three edits away from
    that name (`name`), so it is never taken for a typo of it.
    """
    return _typo_of(word, tuple(candidates))


@functools.lru_cache(maxsize=4096)
def _typo_of(word: str, candidates: tuple[str, ...]) -> str | None:
    """`typo_of`, remembered: a file that repeats one unknown name a thousand times pays once."""
    folded = word.casefold()
    budget = typo_budget(word)
    best: tuple[int, str] | None = None
    for candidate in candidates:
        other = candidate.casefold()
        if abs(len(other) - len(folded)) > budget:
            continue
        distance = edit_distance(folded, other, limit=budget)
        if distance <= budget and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best is not None else None


def edit_distance(first: str, second: str, *, limit: int | None = None) -> int:
    """The number of single-character insertions, deletions, replacements and
    swaps of adjacent characters that turn `first` into `second` (the optimal
    string alignment distance). With `limit`, any answer above it may be
    returned as `limit + 1` as soon as the distance is known to exceed it."""
    if first == second:
        return 0
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            cost = 0 if char == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
