"""What editor features know about the real-time journeys dialect beyond its
function table: its interaction tables, its keywords, and the values a
condition compares with (option codes, profile types)."""

from __future__ import annotations

from segquery.requests import schema as record_schema
from segquery.schema import Schema
from segquery.schema.realtime import PROFILE_TYPES, profile_type_column, with_realtime_interactions
from segquery.schema.model import Attribute
from segquery.syntax.dialect import Dialect
from segquery.syntax.realtime import REALTIME, SEGMENT_ID_PREFIX
from segquery.syntax.tokens import KEYWORDS
from segquery.workspace.model import Segment

REALTIME_KEYWORDS = KEYWORDS | {"IN"}


def is_realtime(dialect: Dialect) -> bool:
    return dialect is REALTIME


def dialect_schema(schema: Schema, dialect: Dialect) -> Schema:
    """The schema names are resolved in: real-time journeys reads its own interaction tables."""
    return with_realtime_interactions(schema) if is_realtime(dialect) else schema


def dialect_keywords(dialect: Dialect) -> frozenset[str]:
    """Words that are keywords in the dialect (upper case), so never aliases."""
    return REALTIME_KEYWORDS if is_realtime(dialect) else KEYWORDS


def value_choices(attribute: Attribute) -> list[tuple[str, str]]:
    """(literal as written, what it means) for the values `attribute` compares with:
    its option codes, or the profile types of a `_LogicalName` pseudo column."""
    if profile_type_column(attribute.name) is not None:
        return [(f"'{name}'", f"the interaction belongs to a {name}") for name in PROFILE_TYPES]
    if attribute.options:
        return [(str(code), label) for code, label in attribute.options.items()]
    return []


def definition_reference(segment: Segment) -> str | None:
    """`SEGMENT_CJO_ID_<32 hex>`, how a real-time query references a segment
    definition by its id; None for a segment without an id."""
    if not segment.segment_id:
        return None
    return SEGMENT_ID_PREFIX + record_schema.normalize_id(segment.segment_id).replace("-", "")
