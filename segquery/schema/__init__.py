"""Schemas: the tables, attributes, relationships and interaction types that
names in a segment query are checked against.

`default_schema()` is the bundled one; `load_schema(path)` reads a user's
JSON schema or Dataverse `$metadata` document, and `Schema.merge` lays it
over the default.
"""

from segquery.schema.default import default_schema
from segquery.schema.edmx import load_edmx_schema, parse_edmx
from segquery.schema.errors import SchemaError
from segquery.schema.json_format import dump_json_schema, load_json_schema, parse_json_schema
from segquery.schema.loading import load_schema
from segquery.schema.model import (Attribute, AttributeType, InteractionTable, InteractionType, Relationship, Schema,
                                   Table)

__all__ = [
    "Attribute",
    "AttributeType",
    "InteractionTable",
    "InteractionType",
    "Relationship",
    "Schema",
    "SchemaError",
    "Table",
    "default_schema",
    "dump_json_schema",
    "load_edmx_schema",
    "load_json_schema",
    "load_schema",
    "parse_edmx",
    "parse_json_schema",
]
