"""The evaluator's own reading of names, straight from the schema.

The SQL compiler resolves names through `segquery.query_plan`; the evaluator
does not use it, so that a mistake there shows up as a difference between
the two instead of hiding in both. What is here is small on purpose: which
rows a table name, a relationship or an interaction stands for, and which
column an attribute reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from segquery.schema import InteractionType, Schema, Table
from segquery.schema.model import InteractionTable
from segquery.syntax import ast

Holder = Union[Table, InteractionType, InteractionTable]

# The time of an interaction: outbound interaction types, and real-time interaction tables.
OUTBOUND_TIME = "timestamp"
REALTIME_TIME = "msdynmkt_originaltimestamp"


class UnknownName(LookupError):
    """The query names something the schema does not have; the message says what."""


class NotEvaluable(ValueError):
    """The query holds a construct that selects no set of profiles; the message says which."""


@dataclass(frozen=True, slots=True)
class Records:
    """Rows of one table of the data, and the schema entry that names its columns.
    `key` is the primary key column of a profile table (None for interactions)."""

    table: str
    holder: Holder
    key: str | None = None

    def column(self, name: str) -> str:
        """The column attribute `name` reads, folded to lower case as rows are."""
        attribute = self.holder.attribute(name)
        if attribute is None:
            raise UnknownName(f"`{self.table}` has no column `{name}`")
        return attribute.name.casefold()


@dataclass(frozen=True, slots=True)
class Hop:
    """A step along a relationship: the rows of `target` whose `target_column`
    equals `from_column` of the row it starts from."""

    target: Records
    target_column: str
    from_column: str


@dataclass(frozen=True, slots=True)
class InteractionRecords:
    records: Records
    profile_column: str
    profiles: Records | None     # the profile table ids must be in (None: any id)
    time_column: str


class Names:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema

    def profile(self, name: str) -> Records:
        table = self.schema.table(name)
        if table is None:
            raise UnknownName(f"no table `{name}`")
        return Records(table.name, table, (table.primary_id or f"{table.name}id").casefold())

    def hop(self, relationship_name: str, start: Records) -> Hop:
        relationship = (self.schema.relationship(relationship_name)
                        or self.schema.relationship_by_schema_name(relationship_name))
        if relationship is None:
            raise UnknownName(f"no relationship `{relationship_name}`")
        lookup = relationship.referencing_attribute.casefold()
        here = start.table.casefold()
        assert start.key is not None, "relationships start from profile tables"
        if relationship.referencing_table.casefold() == here:        # the lookup is on this side
            target = self.profile(relationship.referenced_table)
            assert target.key is not None
            return Hop(target, target.key, lookup)
        if relationship.referenced_table.casefold() == here:         # the lookup points at this side
            return Hop(self.profile(relationship.referencing_table), lookup, start.key)
        raise UnknownName(f"relationship `{relationship_name}` does not touch `{start.table}`")

    def interaction(self, source: ast.Interaction, steps: tuple[ast.Step, ...]) -> InteractionRecords:
        name, link = source.interaction_type.name, source.link_type.name
        outbound = self.schema.interaction(name)
        if outbound is not None:
            table = _link_table(outbound.name, link)
            if table is None:
                raise UnknownName(f"`{link}` names no profile table")
            records = Records(outbound.name, outbound)
            return InteractionRecords(records, f"{table}id", self._known_profile(table), OUTBOUND_TIME)
        realtime = self.schema.interaction_table(name)
        if realtime is None:
            raise UnknownName(f"no interaction `{name}`")
        column = realtime.profile_id_column(link)
        if column is None:
            raise UnknownName(f"`{name}` has no profile id column `{link}`")
        table = _named_profile_type(steps, column) or "contact"
        return InteractionRecords(Records(realtime.name, realtime), column.casefold(), self._known_profile(table),
                                  REALTIME_TIME)

    def _known_profile(self, name: str) -> Records | None:
        return self.profile(name) if self.schema.table(name) is not None else None


def _link_table(interaction: str, link: str) -> str | None:
    """`EmailOpened_ContactLink` and `EmailOpenedContactLink` link a `contact`."""
    rest = link.rsplit("_", 1)[1] if "_" in link else (
        link[len(interaction):] if link.casefold().startswith(interaction.casefold()) else "")
    return rest[:-4].lower() if len(rest) > 4 and rest.casefold().endswith("link") else None


def _named_profile_type(steps: tuple[ast.Step, ...], column: str) -> str | None:
    """The table a real-time FILTER names with `<column>_LogicalName == 'contact'`."""
    wanted = (column + "_logicalname").casefold()
    for step in steps:
        if isinstance(step, ast.Filter):
            for node in ast.walk(step.condition):
                if (isinstance(node, ast.Comparison) and node.op is ast.CompareOp.EQ
                        and isinstance(node.left, ast.Attribute) and node.left.name.name.casefold() == wanted
                        and isinstance(node.right, ast.StringLiteral)):
                    return node.right.value.lower()
    return None
