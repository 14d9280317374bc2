"""The interaction tables of real-time journeys (`msdynmkt_*`) as the editor
features read interactions: as interaction types whose link types are the
profile id columns.

An INTERACTION names one of these tables and the column holding the profile id
(`msdynmkt_entityid` in designer output, or `msdynmkt_profileid`); its FILTER
states the profile type with the pseudo column `<profile id column>_LogicalName`
(`'contact'` or `'lead'`). The tables themselves come from the schema's
`interaction_tables` (the bundled ones are built by tools/build_default_schema.py
from the vendor's reference guide; a configured schema may add custom ones).
"""

from __future__ import annotations

from segquery.schema.default import default_schema
from segquery.schema.model import (
    DISCRIMINATOR_SUFFIX,
    STANDARD_PROFILE_ID_COLUMNS,
    Attribute,
    AttributeType,
    InteractionTable,
    InteractionType,
    Schema,
)

PROFILE_ID_COLUMNS = STANDARD_PROFILE_ID_COLUMNS
LOGICAL_NAME_SUFFIX = DISCRIMINATOR_SUFFIX
PROFILE_TYPES = ("contact", "lead")


def as_interaction_type(table: InteractionTable) -> InteractionType:
    """An interaction table with its profile id columns and their discriminators as columns."""
    attributes = dict(table.attributes)
    for column in table.profile_id_columns:
        attributes.setdefault(column, Attribute(column, AttributeType.UNIQUEIDENTIFIER))
        logical = column + LOGICAL_NAME_SUFFIX
        attributes.setdefault(logical, Attribute(logical, AttributeType.ENTITYNAME))
    return InteractionType(table.name, table.profile_id_columns, attributes)


_merged: tuple[Schema, Schema] | None = None


def with_realtime_interactions(schema: Schema) -> Schema:
    """`schema` with the real-time interaction tables instead of outbound's bundled
    interaction types; interactions a configured schema adds (custom triggers)
    are kept. The last answer is kept: an editor asks again for the same schema
    on every keystroke."""
    global _merged
    if _merged is None or _merged[0] is not schema:
        bundled = default_schema()
        configured = {name: interaction for name, interaction in schema.interactions.items()
                      if bundled.interaction(name) is None}
        tables = {**bundled.interaction_tables, **schema.interaction_tables}
        interactions = {name: as_interaction_type(table) for name, table in tables.items()}
        realtime = Schema(schema.tables, schema.relationships, interactions)
        _merged = (schema, realtime.merge(Schema(interactions=configured)))
    return _merged[1]


def profile_type_column(name: str) -> str | None:
    """The profile id column of a `<column>_LogicalName` pseudo column, else None."""
    if not name.casefold().endswith(LOGICAL_NAME_SUFFIX.casefold()):
        return None
    column = name[:-len(LOGICAL_NAME_SUFFIX)]
    return next((known for known in PROFILE_ID_COLUMNS if known.casefold() == column.casefold()), None)
