"""The dialects a user can name (`dialect = "..."` in configuration, a
`// segquery: dialect = ...` directive, `--dialect`)."""

from __future__ import annotations

from segquery.dialect_names import AUTO
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME

DEFAULT_DIALECT = OUTBOUND
DIALECTS: dict[str, Dialect] = {OUTBOUND.name: OUTBOUND, REALTIME.name: REALTIME}


def dialect_named(name: str) -> Dialect | None:
    """The dialect called `name` (any case), or None when there is none."""
    return DIALECTS.get(name.strip().lower())


def dialect_names() -> tuple[str, ...]:
    return tuple(DIALECTS)


def dialect_settings() -> tuple[str, ...]:
    """What a configuration or `--dialect` may say: a dialect's name or `auto`."""
    return (*DIALECTS, AUTO)
