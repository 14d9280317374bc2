"""The immutable schema model: tables, attributes, relationships, interactions.

Names are matched case-insensitively (the language and the service accept
`Contact` for `contact`), but every lookup returns the stored, canonical
object so a checker can tell the user the logical name it should have used.
"""

from __future__ import annotations

import enum
from dataclasses import field
from types import MappingProxyType
from typing import Iterable, Mapping

from segquery.fast_dataclass import dataclass
from segquery.suggest import did_you_mean


class AttributeType(enum.Enum):
    """Column types, named after Dataverse's AttributeType (lower-cased)."""

    STRING = "string"
    MEMO = "memo"
    INTEGER = "integer"
    BIGINT = "bigint"
    DECIMAL = "decimal"
    DOUBLE = "double"
    MONEY = "money"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    LOOKUP = "lookup"
    CUSTOMER = "customer"
    OWNER = "owner"
    UNIQUEIDENTIFIER = "uniqueidentifier"
    PICKLIST = "picklist"
    STATE = "state"
    STATUS = "status"
    MULTISELECTPICKLIST = "multiselectpicklist"
    ENTITYNAME = "entityname"
    IMAGE = "image"
    FILE = "file"
    VIRTUAL = "virtual"
    OTHER = "other"

    @classmethod
    def from_name(cls, name: str) -> "AttributeType | None":
        """The member whose value is `name` (any case, spaces ignored), else None."""
        return _BY_VALUE.get(name.replace(" ", "").lower())

    @classmethod
    def from_dataverse(cls, name: str) -> "AttributeType":
        """Map a Dataverse type name (`DateTime`, `StringType`, `PartyList`...).

        Metadata from orgs and future releases carries names this project has
        never seen, so anything unknown becomes OTHER instead of failing.
        """
        key = name.strip().replace(" ", "").lower()
        if key in _BY_VALUE:
            return _BY_VALUE[key]
        if key.endswith("type") and key[:-4] in _BY_VALUE:
            return _BY_VALUE[key[:-4]]
        return cls.OTHER

    @property
    def is_string(self) -> bool:
        return self in _STRING

    @property
    def is_numeric(self) -> bool:
        return self in _NUMERIC

    @property
    def is_datetime(self) -> bool:
        return self is AttributeType.DATETIME

    @property
    def is_guid(self) -> bool:
        return self in _GUID

    @property
    def is_lookup(self) -> bool:
        """A column that points at rows of other tables (has targets)."""
        return self in _LOOKUP

    @property
    def is_choice(self) -> bool:
        """Types whose values are option codes; a boolean column counts only
        when it has labelled options, which `Attribute.is_choice` knows."""
        return self in _CHOICE


_BY_VALUE = {member.value: member for member in AttributeType}
_STRING = frozenset({AttributeType.STRING, AttributeType.MEMO})
_NUMERIC = frozenset({AttributeType.INTEGER, AttributeType.BIGINT, AttributeType.DECIMAL,
                      AttributeType.DOUBLE, AttributeType.MONEY})
_LOOKUP = frozenset({AttributeType.LOOKUP, AttributeType.CUSTOMER, AttributeType.OWNER})
_GUID = _LOOKUP | {AttributeType.UNIQUEIDENTIFIER}
_CHOICE = frozenset({AttributeType.PICKLIST, AttributeType.STATE, AttributeType.STATUS,
                     AttributeType.MULTISELECTPICKLIST})


def _index(names: Iterable[str], kind: str) -> dict[str, str]:
    """Case-folded name -> stored name; two names equal but for case are an error
    because lookups could not tell them apart."""
    index: dict[str, str] = {}
    for name in names:
        folded = name.casefold()
        if folded in index:
            raise ValueError(f"duplicate {kind} name {name!r} (already defined as {index[folded]!r})")
        index[folded] = name
    return index


@dataclass(frozen=True, slots=True)
class Attribute:
    """One column. `options` maps choice codes to labels; `targets` lists the
    tables a lookup column can point at; `display_name` is the label users see
    in the app ("City" for `address1_city`), when known."""

    name: str
    type: AttributeType
    options: Mapping[int, str] | None = field(default=None, hash=False)
    targets: tuple[str, ...] = ()
    display_name: str | None = None

    def __post_init__(self) -> None:
        if self.options is not None:
            object.__setattr__(self, "options", MappingProxyType(dict(self.options)))
        object.__setattr__(self, "targets", tuple(self.targets))

    @property
    def is_string(self) -> bool:
        return self.type.is_string

    @property
    def is_numeric(self) -> bool:
        return self.type.is_numeric

    @property
    def is_datetime(self) -> bool:
        return self.type.is_datetime

    @property
    def is_guid(self) -> bool:
        return self.type.is_guid

    @property
    def is_choice(self) -> bool:
        return self.type.is_choice or (self.type is AttributeType.BOOLEAN and bool(self.options))


@dataclass(frozen=True, slots=True)
class Table:
    """A Dataverse table (a profile type in the query language)."""

    name: str
    attributes: Mapping[str, Attribute] = field(default_factory=dict, hash=False)
    primary_id: str | None = None
    primary_name: str | None = None
    entity_set: str | None = None
    display_name: str | None = None     # the label users see ("Marketing List" for `list`), when known
    _folded: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        attributes = dict(self.attributes)
        for key, attribute in attributes.items():
            if key != attribute.name:
                raise ValueError(f"attribute stored under {key!r} is named {attribute.name!r}")
        object.__setattr__(self, "attributes", MappingProxyType(attributes))
        object.__setattr__(self, "_folded", _index(attributes, f"attribute of table {self.name!r}"))

    def attribute(self, name: str) -> Attribute | None:
        """The attribute called `name` in any case, or None."""
        stored = self._folded.get(name.casefold())
        return None if stored is None else self.attributes[stored]

    @property
    def attribute_names(self) -> list[str]:
        return list(self.attributes)

    def suggest_attribute(self, word: str) -> str | None:
        """The closest attribute name, for did-you-mean messages."""
        return did_you_mean(word, self.attributes)


@dataclass(frozen=True, slots=True)
class Relationship:
    """A many-to-one lookup, named as the Marketing app names it for TRAVERSE:
    `<referencing table>_<referenced table>_<lookup attribute>`.

    One relationship is traversable from both ends.
    """

    name: str
    referencing_table: str
    referencing_attribute: str
    referenced_table: str
    schema_name: str | None = None

    @staticmethod
    def traverse_name(referencing_table: str, referenced_table: str, referencing_attribute: str) -> str:
        """The Marketing TRAVERSE name for a lookup."""
        return f"{referencing_table}_{referenced_table}_{referencing_attribute}"

    def touches(self, table: str) -> bool:
        folded = table.casefold()
        return folded in (self.referencing_table.casefold(), self.referenced_table.casefold())

    def other_end(self, table: str) -> str | None:
        """The table reached when traversing from `table`, or None if the
        relationship does not touch it. A self-relationship leads back to it."""
        folded = table.casefold()
        if folded == self.referencing_table.casefold():
            return self.referenced_table
        if folded == self.referenced_table.casefold():
            return self.referencing_table
        return None


@dataclass(frozen=True, slots=True)
class InteractionType:
    """An interaction usable as INTERACTION(<name>, <link type>).

    `attributes` are the interaction's own fields, which FILTER inside an
    INTERACTION segment refers to.
    """

    name: str
    link_types: tuple[str, ...] = ()
    attributes: Mapping[str, Attribute] = field(default_factory=dict, hash=False)
    _folded_links: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _folded: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "link_types", tuple(self.link_types))
        attributes = dict(self.attributes)
        object.__setattr__(self, "attributes", MappingProxyType(attributes))
        object.__setattr__(self, "_folded_links", _index(self.link_types, f"link type of {self.name!r}"))
        object.__setattr__(self, "_folded", _index(attributes, f"attribute of interaction {self.name!r}"))

    def link_type(self, name: str) -> str | None:
        """The stored spelling of link type `name` in any case, or None."""
        return self._folded_links.get(name.casefold())

    def attribute(self, name: str) -> Attribute | None:
        stored = self._folded.get(name.casefold())
        return None if stored is None else self.attributes[stored]

    @property
    def attribute_names(self) -> list[str]:
        return list(self.attributes)


#: The profile id columns of the standard real-time interaction tables: `msdynmkt_entityid` in
#: designer output, `msdynmkt_profileid` among the columns every interaction has.
STANDARD_PROFILE_ID_COLUMNS: tuple[str, ...] = ("msdynmkt_entityid", "msdynmkt_profileid")

#: The suffix of a profile id column's discriminator: `msdynmkt_entityid_LogicalName` holds
#: the profile type (`contact`, `lead`) of the row the id points at.
DISCRIMINATOR_SUFFIX = "_LogicalName"


@dataclass(frozen=True, slots=True)
class InteractionTable:
    """A real-time journeys interaction table, usable as INTERACTION(<name>, <profile id column>).

    `profile_id_columns` hold the id of the profile an interaction belongs to; each has
    a discriminator `<column>_LogicalName` naming the profile's table. Both are columns
    of the table even when `attributes` does not list them (an identifier and an
    entity name).
    """

    name: str
    profile_id_columns: tuple[str, ...] = STANDARD_PROFILE_ID_COLUMNS
    attributes: Mapping[str, Attribute] = field(default_factory=dict, hash=False)
    _folded: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _folded_ids: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "profile_id_columns", tuple(self.profile_id_columns))
        attributes = dict(self.attributes)
        object.__setattr__(self, "attributes", MappingProxyType(attributes))
        object.__setattr__(self, "_folded", _index(attributes, f"attribute of interaction table {self.name!r}"))
        object.__setattr__(self, "_folded_ids",
                           _index(self.profile_id_columns, f"profile id column of {self.name!r}"))

    def profile_id_column(self, name: str) -> str | None:
        """The stored spelling of profile id column `name` in any case, or None."""
        return self._folded_ids.get(name.casefold())

    def discriminated_column(self, name: str) -> str | None:
        """The profile id column whose discriminator `name` is (`msdynmkt_entityid` for
        `msdynmkt_entityid_LogicalName`, any case), or None."""
        suffix = DISCRIMINATOR_SUFFIX.casefold()
        folded = name.casefold()
        if not folded.endswith(suffix):
            return None
        return self.profile_id_column(name[:-len(suffix)])

    def attribute(self, name: str) -> Attribute | None:
        """A column of the table in any case, its profile id columns and their discriminators included."""
        stored = self._folded.get(name.casefold())
        if stored is not None:
            return self.attributes[stored]
        column = self.profile_id_column(name)
        if column is not None:
            return Attribute(column, AttributeType.UNIQUEIDENTIFIER)
        column = self.discriminated_column(name)
        if column is not None:
            return Attribute(column + DISCRIMINATOR_SUFFIX, AttributeType.ENTITYNAME)
        return None

    @property
    def attribute_names(self) -> list[str]:
        """Every column name a FILTER can use, discriminators included."""
        names = list(self.attributes)
        folded = set(self._folded)
        for column in self.profile_id_columns:
            for name in (column, column + DISCRIMINATOR_SUFFIX):
                if name.casefold() not in folded:
                    names.append(name)
        return names


@dataclass(frozen=True, slots=True)
class Schema:
    """Everything a checker needs to resolve names in a query.

    `interactions` are outbound marketing's interaction types; `interaction_tables`
    are real-time journeys' (`msdynmkt_*`) interaction tables.
    """

    tables: Mapping[str, Table] = field(default_factory=dict, hash=False)
    relationships: Mapping[str, Relationship] = field(default_factory=dict, hash=False)
    interactions: Mapping[str, InteractionType] = field(default_factory=dict, hash=False)
    interaction_tables: Mapping[str, InteractionTable] = field(default_factory=dict, hash=False)
    _tables: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _relationships: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _interactions: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _interaction_tables: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _schema_names: Mapping[str, Relationship] = field(init=False, repr=False, compare=False, hash=False)
    _touching: Mapping[str, tuple[Relationship, ...]] = field(
        init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        for label, attr in (("table", "tables"), ("relationship", "relationships"),
                            ("interaction", "interactions"), ("interaction table", "interaction_tables")):
            items = dict(getattr(self, attr))
            for key, item in items.items():
                if key != item.name:
                    raise ValueError(f"{label} stored under {key!r} is named {item.name!r}")
            object.__setattr__(self, attr, MappingProxyType(items))
            object.__setattr__(self, "_" + attr, _index(items, label))
        touching: dict[str, list[Relationship]] = {}
        for relationship in self.relationships.values():
            ends = {relationship.referencing_table.casefold(), relationship.referenced_table.casefold()}
            for end in ends:
                touching.setdefault(end, []).append(relationship)
        object.__setattr__(self, "_touching", {k: tuple(v) for k, v in touching.items()})
        schema_names: dict[str, Relationship] = {}
        for relationship in self.relationships.values():
            if relationship.schema_name is not None:
                schema_names.setdefault(relationship.schema_name.casefold(), relationship)
        object.__setattr__(self, "_schema_names", schema_names)

    def table(self, name: str) -> Table | None:
        stored = self._tables.get(name.casefold())
        return None if stored is None else self.tables[stored]

    def relationship(self, name: str) -> Relationship | None:
        stored = self._relationships.get(name.casefold())
        return None if stored is None else self.relationships[stored]

    def interaction(self, name: str) -> InteractionType | None:
        stored = self._interactions.get(name.casefold())
        return None if stored is None else self.interactions[stored]

    def interaction_table(self, name: str) -> InteractionTable | None:
        stored = self._interaction_tables.get(name.casefold())
        return None if stored is None else self.interaction_tables[stored]

    def relationships_of(self, table: str) -> list[Relationship]:
        """Relationships that touch `table` from either end, in definition order."""
        return list(self._touching.get(table.casefold(), ()))

    def relationship_by_schema_name(self, schema_name: str) -> Relationship | None:
        """Find a relationship by its Dataverse SchemaName (`contact_customer_accounts`),
        so a checker can point from that name to the TRAVERSE name."""
        return self._schema_names.get(schema_name.casefold())

    @property
    def table_names(self) -> list[str]:
        return list(self.tables)

    @property
    def relationship_names(self) -> list[str]:
        return list(self.relationships)

    @property
    def interaction_names(self) -> list[str]:
        return list(self.interactions)

    def suggest_table(self, word: str) -> str | None:
        return did_you_mean(word, self.tables)

    def suggest_relationship(self, word: str, *, from_table: str | None = None) -> str | None:
        """Closest relationship name; limited to those touching `from_table` when given."""
        if from_table is None:
            return did_you_mean(word, self.relationships)
        return did_you_mean(word, (r.name for r in self.relationships_of(from_table)))

    def suggest_interaction(self, word: str) -> str | None:
        return did_you_mean(word, self.interactions)

    @property
    def interaction_table_names(self) -> list[str]:
        return list(self.interaction_tables)

    def merge(self, other: "Schema") -> "Schema":
        """This schema extended by `other` (a user's schema over the default).

        Names present in both keep this schema's spelling. A table present in
        both gets `other`'s attributes added or replacing, and `other`'s
        primary id/name and entity set where it gives them. A relationship of
        `other` replaces one of the same name. An interaction (or real-time
        interaction table) present in both gets the union of link types (profile
        id columns) and merged attributes.
        """
        tables = dict(self.tables)
        for table in other.tables.values():
            mine = self.table(table.name)
            tables[table.name if mine is None else mine.name] = (
                table if mine is None else _merge_table(mine, table))
        relationships = dict(self.relationships)
        for relationship in other.relationships.values():
            mine_rel = self.relationship(relationship.name)
            if mine_rel is None:
                relationships[relationship.name] = relationship
            else:
                relationships[mine_rel.name] = Relationship(
                    mine_rel.name, relationship.referencing_table, relationship.referencing_attribute,
                    relationship.referenced_table, relationship.schema_name)
        interactions = dict(self.interactions)
        for interaction in other.interactions.values():
            mine_int = self.interaction(interaction.name)
            interactions[interaction.name if mine_int is None else mine_int.name] = (
                interaction if mine_int is None else _merge_interaction(mine_int, interaction))
        interaction_tables = dict(self.interaction_tables)
        for item in other.interaction_tables.values():
            mine_table = self.interaction_table(item.name)
            interaction_tables[item.name if mine_table is None else mine_table.name] = (
                item if mine_table is None else _merge_interaction_table(mine_table, item))
        return Schema(tables, relationships, interactions, interaction_tables)


def _merge_interaction_table(mine: InteractionTable, theirs: InteractionTable) -> InteractionTable:
    columns = list(mine.profile_id_columns)
    columns += [column for column in theirs.profile_id_columns if mine.profile_id_column(column) is None]
    return InteractionTable(mine.name, tuple(columns), _merge_attributes(mine.attributes, theirs.attributes))


def _merge_attributes(mine: Mapping[str, Attribute], theirs: Mapping[str, Attribute]) -> dict[str, Attribute]:
    merged = dict(mine)
    folded = {name.casefold(): name for name in mine}
    for attribute in theirs.values():
        stored = folded.get(attribute.name.casefold())
        if stored is None:
            merged[attribute.name] = attribute
        else:
            merged[stored] = Attribute(stored, attribute.type, attribute.options, attribute.targets)
    return merged


def _merge_table(mine: Table, theirs: Table) -> Table:
    attributes = _merge_attributes(mine.attributes, theirs.attributes)
    folded = {name.casefold(): name for name in attributes}

    def stored(name: str | None) -> str | None:
        return None if name is None else folded.get(name.casefold(), name)

    return Table(
        mine.name,
        attributes,
        stored(theirs.primary_id) or mine.primary_id,
        stored(theirs.primary_name) or mine.primary_name,
        theirs.entity_set or mine.entity_set,
    )


def _merge_interaction(mine: InteractionType, theirs: InteractionType) -> InteractionType:
    links = list(mine.link_types)
    for link in theirs.link_types:
        if mine.link_type(link) is None:
            links.append(link)
    return InteractionType(mine.name, tuple(links), _merge_attributes(mine.attributes, theirs.attributes))
