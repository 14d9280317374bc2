"""The schema bundled with segquery: standard Dataverse tables used by
Dynamics 365 Marketing, their relationships, and the interaction types."""

from __future__ import annotations

from functools import lru_cache

from segquery.package_data import read_package_text
from segquery.schema.json_format import parse_json_schema
from segquery.schema.model import Schema

DEFAULT_SCHEMA_RESOURCE = ("segquery.schema", "data/default_schema.json")


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """Load the bundled schema once; later calls return the same object.

    Read through the package's loader so it works from an installed wheel or
    a zip as well as from a source checkout.
    """
    package, name = DEFAULT_SCHEMA_RESOURCE
    text = read_package_text(package, name)
    return parse_json_schema(text, source=f"{package.replace('.', '/')}/{name}")
