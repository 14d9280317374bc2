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
    """Assert that the work at size 4n is at most 4 times the work at n (times `factor`, for n log n)
    plus the work of a size-`base` input (the fixed cost). `work(size)` returns the action to count.

    Work that starts only past a threshold of t items (findings past a depth
    limit, say) is done for n - t items at n and 4n - t at 4n: 3t more than
    four times n's. Such a test passes `base=4 * t`, whose work covers that."""
    calls(work(1))                      # warm caches (grammar, rule tables, imports)
    fixed = calls(work(base))
    small = calls(work(n))
    large = calls(work(GROWTH * n))
    assert large <= GROWTH * factor * small + fixed, (
        f"work grew {large / small:.1f}x from n={n} to {GROWTH * n} ({small:,} -> {large:,} calls)")
    return small, large
