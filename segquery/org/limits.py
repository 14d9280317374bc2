"""The documented limits of the segment APIs, which plans and apply keep to."""

from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")

MAX_QUERY_CHARS = 10_000
"""Characters of query text one request may carry."""
MAX_CONTACTS_PER_BATCH = 20_000
"""Contacts one batch of member changes may carry."""
OUTBOUND_IDS_PER_CALL = 10_000
"""Ids one outbound include/exclude call may carry (`msdyncrm_segmentmemberid`)."""
REALTIME_IDS_PER_CALL = 1_000
"""Ids one real-time static member call may carry."""


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` in consecutive parts of at most `size`."""
    return [list(items[start:start + size]) for start in range(0, len(items), size)]
