"""Counting the work a call does, for scaling tests.

A scaling test runs the same kind of input at sizes n and 4n and compares the
work done, never the wall-clock time (which depends on the machine and its
load). The work is the number of Python function calls, including those
made from C (`list.__contains__` calling a dataclass `__eq__`, `sorted`
calling a key): a pairwise comparison, a rescan or a quadratic walk shows as
n² calls, whatever the speed of the machine. The count is deterministic for a
given input once caches are warm, so tests run a small input first.
"""

from __future__ import annotations

import sys
from typing import Callable

GROWTH = 4


def calls(action: Callable[[], object]) -> int:
    """The number of Python and built-in function calls `action()` makes."""
    count = 0

    def profile(frame, event, argument) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(previous)
    return count


def assert_linear(work: Callable[[int], Callable[[], object]], n: int, *, factor: float = 1.0,
                  base: int = 1) -> tuple[int, int]:
    """Assert that the calls made at size 4n are at most 4 times those at n (times `factor`, for
    n log n) plus those of a size-`base` input (the fixed cost). `work(size)` returns the action to count."""
    calls(work(1))                      # warm caches (grammar, rule tables, imports)
    return assert_linear_measure(lambda size: calls(work(size)), n, factor=factor, base=base, unit="calls")


def assert_linear_measure(measure: Callable[[int], int], n: int, *, factor: float = 1.0, base: int = 1,
                          unit: str = "bytes") -> tuple[int, int]:
    """Assert that measure(4n) is at most 4 * measure(n) (times `factor`) plus measure(base).

    Work that starts only past a threshold of t items (findings past a depth
    limit, say) is done for n - t items at n and 4n - t at 4n: 3t more than
    four times n's. Such a test passes `base=4 * t`, whose measure covers that."""
    fixed = measure(base)
    small = measure(n)
    large = measure(GROWTH * n)
    assert large <= GROWTH * factor * small + fixed, (
        f"{unit} grew {large / small:.1f}x from n={n} to {GROWTH * n} ({small:,} -> {large:,} {unit})")
    return small, large
