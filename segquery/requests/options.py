"""Option values of choice columns, and the labels people write instead of them."""

from __future__ import annotations

import re
from typing import Mapping

from segquery.fast_dataclass import dataclass
from segquery.requests import schema
from segquery.suggest import did_you_mean

# Labels seen in other versions of the documentation, on top of the table's own.
_EXTRA_LABELS: dict[str, dict[str, int]] = {
    schema.TYPE: {"marketinglist": schema.STATIC},
}


def _fold(label: str, column: str) -> str:
    text = re.sub(r"[^a-z0-9]", "", label.casefold())
    if column == schema.TYPE and text.endswith("segment") and text != "segment":
        text = text[: -len("segment")]
    return text


OptionSets = Mapping[str, Mapping[int, str]]


def labels(column: str, option_sets: OptionSets = schema.OPTION_SETS) -> dict[str, int]:
    """Folded label -> option value, for a choice column (of the outbound table unless `option_sets` say)."""
    table = {_fold(label, column): value for value, label in option_sets[column].items()}
    table.update(_EXTRA_LABELS.get(column, {}))
    return table


@dataclass(frozen=True)
class LabelMatch:
    value: int
    exact: bool


def match_label(column: str, text: str, option_sets: OptionSets = schema.OPTION_SETS) -> LabelMatch | None:
    """The option a label names: exact (ignoring case and separators) or only close."""
    table = labels(column, option_sets)
    folded = _fold(text, column)
    if folded in table:
        return LabelMatch(table[folded], True)
    close = did_you_mean(folded, table)
    return LabelMatch(table[close], False) if close else None


def describe(column: str, value: int, option_sets: OptionSets = schema.OPTION_SETS) -> str:
    """`192350001 (Live)` — how messages name an option."""
    label = option_sets[column].get(value)
    return f"{value} ({label})" if label else str(value)


def listing(column: str, option_sets: OptionSets = schema.OPTION_SETS) -> str:
    return ", ".join(describe(column, value, option_sets) for value in option_sets[column])


def coerce(column: str, value: int | str | None) -> int | None:
    """An option value given as a number or a label (as in `known_segments`), or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not an option of {column}")
    if isinstance(value, int):
        if value in schema.OPTION_SETS[column]:
            return value
        raise ValueError(f"{value} is not an option of {column}: {listing(column)}")
    match = match_label(column, str(value))
    if match is None or not match.exact:
        raise ValueError(f"{value!r} is not an option of {column}: {listing(column)}")
    return match.value


@dataclass(frozen=True)
class KnownSegment:
    """What the caller knows about an existing segment."""

    type: int | None
    status: int | None


def known_table(known_segments: Mapping[str, tuple] | None) -> dict[str, KnownSegment]:
    """Normalize `known_segments` (id -> (type, status), numbers or labels) by id."""
    table: dict[str, KnownSegment] = {}
    for segment_id, (segment_type, status) in (known_segments or {}).items():
        table[schema.normalize_id(segment_id)] = KnownSegment(coerce(schema.TYPE, segment_type),
                                                              coerce(schema.STATUS, status))
    return table
