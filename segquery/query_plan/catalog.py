"""The tables a query runs over: one table per Dataverse table (logical names as
columns) and one per interaction type.

A catalog comes from a schema (`Catalog.from_schema`, for `segquery sql`) or
from the columns found in exported files (`Catalog.from_columns`, for
`segquery preview`), where the schema still gives relationships and primary keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from segquery.query_plan.kinds import ColumnKind
from segquery.schema import AttributeType, Relationship, Schema, default_schema
from segquery.schema.model import DISCRIMINATOR_SUFFIX, InteractionTable
from segquery.semantic.schemas import link_type_table
from segquery.suggest import did_you_mean

# Real-time interaction tables (`msdynmkt_emailopened`...) and the time of an interaction.
REALTIME_PREFIX = "msdynmkt_"
REALTIME_TIMESTAMP = "msdynmkt_originaltimestamp"
# Outbound interaction tables (`EmailOpened`...): the time of the interaction.
OUTBOUND_TIMESTAMP = "timestamp"


_KIND_OF_TYPE = {
    AttributeType.STRING: ColumnKind.STRING, AttributeType.MEMO: ColumnKind.STRING,
    AttributeType.ENTITYNAME: ColumnKind.STRING, AttributeType.LOOKUP: ColumnKind.STRING,
    AttributeType.CUSTOMER: ColumnKind.STRING, AttributeType.OWNER: ColumnKind.STRING,
    AttributeType.UNIQUEIDENTIFIER: ColumnKind.STRING,
    AttributeType.INTEGER: ColumnKind.NUMBER, AttributeType.BIGINT: ColumnKind.NUMBER,
    AttributeType.DECIMAL: ColumnKind.NUMBER, AttributeType.DOUBLE: ColumnKind.NUMBER,
    AttributeType.MONEY: ColumnKind.NUMBER, AttributeType.PICKLIST: ColumnKind.NUMBER,
    AttributeType.STATE: ColumnKind.NUMBER, AttributeType.STATUS: ColumnKind.NUMBER,
    AttributeType.BOOLEAN: ColumnKind.BOOLEAN, AttributeType.DATETIME: ColumnKind.DATETIME,
}


def kind_of_type(attribute_type: AttributeType) -> ColumnKind:
    return _KIND_OF_TYPE.get(attribute_type, ColumnKind.OTHER)


@dataclass(frozen=True, slots=True)
class Columns:
    """Column name -> kind, looked up in any case; the stored spelling is what SQL names."""

    kinds: Mapping[str, ColumnKind]
    _folded: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", {name.casefold(): name for name in self.kinds})

    def find(self, name: str) -> str | None:
        return self._folded.get(name.casefold())

    def kind(self, name: str) -> ColumnKind:
        return self.kinds[name]

    def suggest(self, word: str) -> str | None:
        return did_you_mean(word, self.kinds)


@dataclass(frozen=True, slots=True)
class TableLayout:
    """A profile table: its name, its primary key column and its columns."""

    name: str
    primary_key: str
    columns: Columns


@dataclass(frozen=True, slots=True)
class InteractionLayout:
    """An interaction table. `profile_columns` maps a profile table (`contact`)
    to the column holding that profile's id, for outbound link types; real-time
    tables name the column in the query instead."""

    name: str
    timestamp: str | None
    columns: Columns
    realtime: bool
    profile_columns: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Catalog:
    """Profile tables and interaction tables by name (any case), and the schema that
    gives their relationships."""

    tables: Mapping[str, TableLayout]
    interactions: Mapping[str, InteractionLayout]
    schema: Schema

    def table(self, name: str) -> TableLayout | None:
        return self.tables.get(name.casefold())

    def interaction(self, name: str) -> InteractionLayout | None:
        return self.interactions.get(name.casefold())

    def relationship(self, name: str) -> Relationship | None:
        return self.schema.relationship(name) or self.schema.relationship_by_schema_name(name)

    def suggest_table(self, word: str) -> str | None:
        return did_you_mean(word, [t.name for t in self.tables.values()])

    def suggest_interaction(self, word: str) -> str | None:
        return did_you_mean(word, [i.name for i in self.interactions.values()])

    @classmethod
    def from_schema(cls, schema: Schema | None = None) -> "Catalog":
        """Every table, interaction type and real-time interaction table of the schema
        (the bundled one by default)."""
        schema = schema or default_schema()
        columns: dict[str, Mapping[str, ColumnKind]] = {
            table.name: _realtime_columns(table) for table in schema.interaction_tables.values()}
        columns.update({table.name: {name: kind_of_type(a.type) for name, a in table.attributes.items()}
                        for table in schema.tables.values()})
        columns.update({interaction.name: {name: kind_of_type(a.type) for name, a in interaction.attributes.items()}
                        for interaction in schema.interactions.values()})
        return cls.from_columns(columns, schema)

    @classmethod
    def from_columns(cls, tables: Mapping[str, Mapping[str, ColumnKind]], schema: Schema | None = None) -> "Catalog":
        """A catalog of the tables given (name -> column -> kind), as found in files.

        A table is an interaction table when the schema names it as an
        interaction or its name starts with `msdynmkt_` and it has the
        real-time timestamp column; every other table is a profile table whose
        primary key is the schema's, else `<table>id`.
        """
        schema = schema or default_schema()
        profiles: dict[str, TableLayout] = {}
        interactions: dict[str, InteractionLayout] = {}
        for name, kinds in tables.items():
            columns = Columns(dict(kinds))
            known = schema.interaction(name)
            realtime = schema.interaction_table(name) is not None or (
                name.casefold().startswith(REALTIME_PREFIX) and columns.find(REALTIME_TIMESTAMP) is not None)
            if known is not None or realtime:
                interactions[name.casefold()] = _interaction_layout(name, columns, realtime,
                                                                    known.link_types if known else ())
                continue
            table = schema.table(name)
            primary = (table.primary_id if table is not None and table.primary_id else f"{name}id")
            profiles[name.casefold()] = TableLayout(name, columns.find(primary) or primary, columns)
        return cls(profiles, interactions, schema)


def _realtime_columns(table: InteractionTable) -> dict[str, ColumnKind]:
    """A real-time interaction table's columns: its attributes, and each profile id
    column with its `_LogicalName` discriminator."""
    columns = {name: kind_of_type(attribute.type) for name, attribute in table.attributes.items()}
    for column in table.profile_id_columns:
        columns.setdefault(column, ColumnKind.STRING)
        columns.setdefault(column + DISCRIMINATOR_SUFFIX, ColumnKind.STRING)
    return columns


def _interaction_layout(name: str, columns: Columns, realtime: bool, link_types: Iterable[str]) -> InteractionLayout:
    stamp = columns.find(REALTIME_TIMESTAMP if realtime else OUTBOUND_TIMESTAMP)
    profile_columns: dict[str, str] = {}
    for link in link_types:
        table = link_type_table(name, link)
        if table is not None:
            profile_columns[table] = columns.find(f"{table}id") or f"{table}Id"
    return InteractionLayout(name, stamp, columns, realtime, profile_columns)
