"""Pausing the cyclic garbage collector while a workspace builds many small objects."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building many small objects at once triggers the cyclic garbage collector over and over, to
    find nothing: what is built here is freed by reference counting. It runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
