"""Which schema the semantic checks use, and the way to use none."""

from __future__ import annotations

from typing import Final

from segquery.schema import Schema, default_schema

#: Pass as `schema=` to skip every schema-aware check (unknown tables,
#: attributes, relationships, interactions; attribute types). Any schema with
#: no tables, relationships and interactions is treated the same way: there is
#: nothing to check names against.
NO_SCHEMA: Final[Schema] = Schema()


def active_schema(schema: Schema | None) -> Schema | None:
    """The schema to check against: the bundled default for None, and None
    (no schema-aware checks) for NO_SCHEMA or an empty schema."""
    if schema is None:
        return default_schema()
    if schema is NO_SCHEMA or not (schema.tables or schema.relationships or schema.interactions
                                                           or schema.interaction_tables):
        return None
    return schema


def is_bundled(schema: Schema | None) -> bool:
    """True when checks run against the bundled standard schema alone (None
    or `default_schema()` itself), not against a schema the user configured."""
    return schema is None or schema is default_schema()


def link_type_table(interaction: str, link_type: str) -> str | None:
    """The profile type an interaction's link type leads to, read from its name.

    Link types are named `<Interaction>_<Table>Link` or `<Interaction><Table>Link`
    (`EmailOpened_ContactLink`, `EmailOpenedLeadLink`); the result is the table
    part in lower case (`contact`, `lead`): the part after the last `_`, or
    after the interaction's name when there is no `_`. None when the name
    does not follow that pattern.
    """
    if "_" in link_type:
        rest = link_type.rsplit("_", 1)[1]
    elif link_type.casefold().startswith(interaction.casefold()):
        rest = link_type[len(interaction):]
    else:
        return None
    if len(rest) <= 4 or not rest.casefold().endswith("link"):
        return None
    return rest[:-4].lower()
